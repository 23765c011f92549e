package org.microneedling.fhir;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;

import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.UnknownCodeSystemWarningValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemComponent;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemEnableWhenComponent;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemType;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemComponent;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Type;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The hand-written FHIR output against the HL7 reference validator (HAPI FHIR, test scope only:
 * ADR 0003), offline: the core definitions and the small code systems it ships, no terminology
 * server, so a code system it does not hold (NCIt, RxNorm) is a warning, not an error.
 */
@QuarkusTest
class FhirValidationTest {

    private static final FhirContext R4 = FhirContext.forR4Cached();
    private static final String YES_NO = "http://terminology.hl7.org/CodeSystem/v2-0136";
    private static final String ABSENT = "http://terminology.hl7.org/CodeSystem/data-absent-reason";
    /** Values that other answers constrain (the age agrees with the date of birth on the day of screening). */
    private static final Map<String, Type> CONSTRAINED = Map.of(
            "patient.dateOfBirth", new DateType("1990-06-15"),
            "patient.age", new IntegerType(36),
            "asOf", new DateType("2026-11-25"));

    private static FhirValidator validator;
    private static Map<String, IBaseResource> questionnaires;

    @BeforeAll
    static void validator() {
        questionnaires = new HashMap<>();
        IValidationSupport served = new IValidationSupport() {
            @Override
            public FhirContext getFhirContext() {
                return R4;
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T extends IBaseResource> T fetchResource(Class<T> type, String url) {
                return type == null || type.isInstance(questionnaires.get(url)) ? (T) questionnaires.get(url) : null;
            }
        };
        UnknownCodeSystemWarningValidationSupport unknownCodeSystems = new UnknownCodeSystemWarningValidationSupport(R4);
        unknownCodeSystems.setNonExistentCodeSystemSeverity(IValidationSupport.IssueSeverity.WARNING);
        ValidationSupportChain chain = new ValidationSupportChain(new DefaultProfileValidationSupport(R4),
                new InMemoryTerminologyServerValidationSupport(R4), new CommonCodeSystemsTerminologyService(R4),
                new SnapshotGeneratingValidationSupport(R4), served, unknownCodeSystems);
        validator = R4.newValidator().registerValidatorModule(new FhirInstanceValidator(chain));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "en", "es" })
    void servedQuestionnaireIsValid(String language) {
        String questionnaire = served(language);

        assertThat(errors(questionnaire)).isEmpty();
        assertThat(validator.validateWithResult(questionnaire).getMessages()).extracting(FhirValidationTest::describe)
                .noneMatch(message -> message.contains("dom-6") || message.contains("XHTML"));
    }

    static Stream<Arguments> languagesAndAnswers() {
        return Stream.of("en", "es").flatMap(language -> Stream.of(YES_NO + "|Y", YES_NO + "|N", ABSENT + "|asked-unknown")
                .map(answer -> Arguments.of(language, answer)));
    }

    @ParameterizedTest(name = "{0}, every yes/no item {1}")
    @MethodSource("languagesAndAnswers")
    void responseFilledFromTheServedFormIsValidAndScreened(String language, String yesNoAnswer) {
        Questionnaire questionnaire = served(R4.newJsonParser().parseResource(Questionnaire.class, served(language)));
        String[] systemAndCode = yesNoAnswer.split("\\|");
        String response = R4.newJsonParser().encodeResourceToString(
                fill(questionnaire, new Coding(systemAndCode[0], systemAndCode[1], null)));

        assertThat(errors(response)).isEmpty();
        given().contentType(FhirMediaTypes.FHIR_JSON).body(response.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/screenings").then().statusCode(200);
    }

    /** The checks above would pass vacuously if the validator did not resolve the form or read the structure. */
    @Test
    void theValidatorReportsWhatTheFormForbids() {
        Questionnaire questionnaire = served(R4.newJsonParser().parseResource(Questionnaire.class, served("en")));
        QuestionnaireResponse response = fill(questionnaire, new Coding(YES_NO, "N", null));
        response.getItemFirstRep().getItemFirstRep().setLinkId("patient.shoeSize");
        Questionnaire groupSharingItsItemsLinkId = questionnaire.copy();
        QuestionnaireItemComponent medications = groupSharingItsItemsLinkId.getItem().get(3);
        medications.setLinkId(medications.getItemFirstRep().getLinkId());

        assertThat(errors(R4.newJsonParser().encodeResourceToString(response)))
                .anySatisfy(error -> assertThat(error).contains("patient.shoeSize"));
        assertThat(errors(R4.newJsonParser().encodeResourceToString(groupSharingItsItemsLinkId)))
                .anySatisfy(error -> assertThat(error).contains("que-2"));
    }

    /** Makes the form resolvable by the canonical that responses to it carry. */
    private static Questionnaire served(Questionnaire questionnaire) {
        questionnaires.put(questionnaire.getUrl(), questionnaire);
        questionnaires.put(questionnaire.getUrl() + "|" + questionnaire.getVersion(), questionnaire);
        return questionnaire;
    }

    private static String served(String language) {
        return given().accept(FhirMediaTypes.FHIR_JSON).header("Accept-Language", language)
                .get("/api/v1/questionnaire").then().statusCode(200).extract().asString();
    }

    private static List<String> errors(String resource) {
        return validator.validateWithResult(resource).getMessages().stream()
                .filter(message -> message.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal())
                .map(FhirValidationTest::describe)
                .toList();
    }

    private static String describe(SingleValidationMessage message) {
        return message.getSeverity() + " " + message.getLocationString() + ": " + message.getMessage();
    }

    /** The response a form filler gives: every enabled item answered, texts as the form shows them. */
    private static QuestionnaireResponse fill(Questionnaire questionnaire, Coding yesNo) {
        QuestionnaireResponse response = new QuestionnaireResponse();
        response.setStatus(QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED);
        response.setQuestionnaire(questionnaire.getUrl() + "|" + questionnaire.getVersion());
        response.setLanguage(questionnaire.getLanguage());
        Map<String, Coding> answered = new HashMap<>();
        for (QuestionnaireItemComponent item : questionnaire.getItem()) {
            fill(item, response.addItem(), yesNo, answered);
        }
        return response;
    }

    private static void fill(QuestionnaireItemComponent item, QuestionnaireResponseItemComponent filled, Coding yesNo,
            Map<String, Coding> answered) {
        filled.setLinkId(item.getLinkId()).setText(item.getText());
        QuestionnaireItemType type = item.getType();
        if (type == QuestionnaireItemType.GROUP) {
            item.getItem().forEach(child -> fill(child, filled.addItem(), yesNo, answered));
            return;
        }
        List<Type> answers = answers(item, yesNo);
        answers.forEach(answer -> filled.addAnswer().setValue(answer));
        if (answers.size() == 1 && answers.get(0) instanceof Coding coding) {
            answered.put(item.getLinkId(), coding);
        }
        if (!enabled(item, answered)) {
            filled.getAnswer().clear();
        }
    }

    private static List<Type> answers(QuestionnaireItemComponent item, Coding yesNo) {
        if (CONSTRAINED.containsKey(item.getLinkId())) {
            return List.of(CONSTRAINED.get(item.getLinkId()));
        }
        return switch (item.getType()) {
            case CHOICE -> List.of(item.hasAnswerOption() ? item.getAnswerOptionFirstRep().getValueCoding() : yesNo);
            case OPENCHOICE -> List.of(item.getAnswerOptionFirstRep().getValueCoding(), new StringType("ibuprofen 400 mg"));
            case DATE -> List.of(new DateType("2026-01-15"));
            case INTEGER -> List.of(new IntegerType(bound(item, "minValue").intValue()));
            case DECIMAL -> List.of(new DecimalType(bound(item, "minValue")));
            case BOOLEAN -> List.of(new BooleanType(false));
            case STRING -> item.getRepeats() ? List.of(new StringType("metformin 500 mg"), new StringType("aspirin 81 mg"))
                    : List.of(new StringType("visit-validation"));
            default -> List.of();
        };
    }

    private static BigDecimal bound(QuestionnaireItemComponent item, String name) {
        Extension bound = item.getExtensionByUrl("http://hl7.org/fhir/StructureDefinition/" + name);
        return bound == null ? BigDecimal.ONE : new BigDecimal(bound.getValue().primitiveValue());
    }

    private static boolean enabled(QuestionnaireItemComponent item, Map<String, Coding> answered) {
        if (!item.hasEnableWhen()) {
            return true;
        }
        for (QuestionnaireItemEnableWhenComponent condition : item.getEnableWhen()) {
            Coding given = answered.get(condition.getQuestion());
            if (given != null && given.getSystem().equals(condition.getAnswerCoding().getSystem())
                    && given.getCode().equals(condition.getAnswerCoding().getCode())) {
                return true;
            }
        }
        return false;
    }
}
