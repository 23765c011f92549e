package org.microneedling.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.microneedling.common.Messages;
import org.microneedling.common.ProblemException;
import org.microneedling.common.Violation;
import org.microneedling.screening.rules.Decision;
import org.microneedling.screening.rules.Finding;
import org.microneedling.screening.rules.Outcome;
import org.microneedling.screening.rules.Policy;
import org.microneedling.screening.rules.Ruleset;

/** The reader's checks of answers against each other and of text, without HTTP (see {@code ValidationTest}). */
class QuestionnaireReaderTest {

    private static final QuestionnaireReader READER = DefaultScreeningConfig.reader();
    private static final Messages MESSAGES = Messages.of(Locale.ENGLISH);

    private static List<Violation> violations(Questionnaires questionnaire) {
        List<Violation> violations = new ArrayList<>();
        QuestionnaireReader.Valid valid = READER.read(
                READER.parse(questionnaire.json().getBytes(StandardCharsets.UTF_8), MESSAGES), "", MESSAGES,
                violations);
        assertThat(valid == null).as("refused exactly when there are violations: %s", violations)
                .isEqualTo(!violations.isEmpty());
        return violations;
    }

    @Test
    void isotretinoinStopDateWithoutTheAnswerNamesTheAnswer() {
        assertThat(violations(Questionnaires.eligible().without("history.isotretinoin")
                .answer("history.isotretinoinStopDate", "2026-10-01")))
                .containsExactly(new Violation("history.isotretinoin",
                        "is required when history.isotretinoinStopDate is given"));
    }

    @Test
    void radiationEndDateWithoutTheAnswerNamesTheAnswer() {
        assertThat(violations(Questionnaires.eligible().without("history.radiationTherapy")
                .answer("history.radiationTherapyEndDate", "2026-10-01")))
                .extracting(Violation::field).containsExactly("history.radiationTherapy");
    }

    @Test
    void aMistypedIsotretinoinAnswerIsNamedOnceNotTwice() {
        assertThat(violations(Questionnaires.eligible().answer("history.isotretinoin", "maybe")
                .answer("history.isotretinoinStopDate", "2026-10-01")))
                .extracting(Violation::field).containsExactly("history.isotretinoin");
    }

    @Test
    void aPlannedRadiationEndUpToTenYearsAfterAsOfIsAccepted() {
        assertThat(violations(Questionnaires.eligible().answer("history.radiationTherapy", "YES")
                .answer("history.radiationTherapyEndDate", "2036-11-25"))).isEmpty();
    }

    @ParameterizedTest(name = "planned radiation end {0} is refused naming it")
    @ValueSource(strings = { "2036-11-26", "9999-12-31" })
    void aPlannedRadiationEndMoreThanTenYearsAfterAsOfNamesTheDate(String end) {
        assertThat(violations(Questionnaires.eligible().answer("history.radiationTherapy", "YES")
                .answer("history.radiationTherapyEndDate", end)))
                .containsExactly(new Violation("history.radiationTherapyEndDate",
                        "must not be more than 10 years after asOf (at the latest 2036-11-25)"));
    }

    @Test
    void asOfAfter9799IsRefusedNamingIt() {
        assertThat(violations(Questionnaires.minimal().answer("asOf", "9800-01-01")))
                .extracting(Violation::field).containsExactly("asOf");
    }

    /** The latest asOf with every date pushed as far as the rules and the widest policy take it. */
    @Test
    void everyDateADecisionWritesHasFourDigitYearsEvenAtTheLatestAsOf() {
        Questionnaires extreme = Questionnaires.eligible().answer("asOf", "9799-12-31")
                .answer("patient.dateOfBirth", "9799-12-31")
                .answer("history.radiationTherapy", "YES").answer("history.radiationTherapyEndDate", "9809-12-31")
                .answer("history.isotretinoinStopDate", "9799-12-31").answer("lastMicroneedlingDate", "9799-12-31");
        List<Violation> violations = new ArrayList<>();
        QuestionnaireReader.Valid valid = READER.read(
                READER.parse(extreme.json().getBytes(StandardCharsets.UTF_8), MESSAGES), "", MESSAGES, violations);
        assertThat(violations).isEmpty();
        Policy widest = new Policy(120, 120, 1200, 3650, 1200, 1, BigDecimal.ZERO, Outcome.INELIGIBLE, Map.of());

        Decision decision = Ruleset.defaults().withPolicy(widest).decide(valid.intake());

        assertThat(decision.reasons()).extracting(Finding::reassessAfter).filteredOn(Objects::nonNull)
                .hasSizeGreaterThanOrEqualTo(4).allSatisfy(date -> assertThat(date.toString()).matches("\\d{4}-\\d{2}-\\d{2}"));
    }

    private static final String EMOJI = "\uD83D\uDE00";

    @Test
    void externalReferenceOf64EmojiIsAcceptedAnd65AreRefused() {
        assertThat(violations(Questionnaires.eligible().answer("externalReference", EMOJI.repeat(64)))).isEmpty();
        assertThat(violations(Questionnaires.eligible().answer("externalReference", EMOJI.repeat(65))))
                .containsExactly(new Violation("externalReference", "must be at most 64 characters"));
    }

    @Test
    void medicationOf200EmojiIsAcceptedAnd201AreRefused() {
        assertThat(violations(Questionnaires.eligible().medications(EMOJI.repeat(200), "aspirin"))).isEmpty();
        assertThat(violations(Questionnaires.eligible().medications("aspirin", EMOJI.repeat(201))))
                .containsExactly(new Violation("medications[1]", "must be at most 200 characters"));
    }

    @Test
    void codeOf200EmojiIsAcceptedAnd201AreRefused() {
        assertThat(violations(Questionnaires.eligible().with("conditionCodes",
                "[{\"system\":\"http://snomed.info/sct\",\"code\":\"" + EMOJI.repeat(200) + "\"}]"))).isEmpty();
        assertThat(violations(Questionnaires.eligible().with("conditionCodes",
                "[{\"system\":\"http://snomed.info/sct\",\"code\":\"" + EMOJI.repeat(201) + "\"}]")))
                .extracting(Violation::field).containsExactly("conditionCodes[0].code");
    }

    @ParameterizedTest(name = "externalReference with U+{0} is refused naming it")
    @ValueSource(strings = { "0000", "0007", "000A", "001F", "007F", "009F" })
    void aControlCharacterOrHalfASurrogatePairInTheExternalReferenceIsRefused(String hex) {
        String reference = "visit" + (char) Integer.parseInt(hex, 16) + "1";

        assertThat(violations(Questionnaires.eligible().answer("externalReference", reference)))
                .containsExactly(new Violation("externalReference", "must not contain control characters"));
    }

    @Test
    void halfASurrogatePairInTheExternalReferenceIsRefused() {
        String body = Questionnaires.eligible().json().replace("\"visit-test-0001\"", "\"visit\\ud800\"");
        List<Violation> violations = new ArrayList<>();

        READER.read(READER.parse(body.getBytes(StandardCharsets.UTF_8), MESSAGES), "", MESSAGES, violations);

        assertThat(violations).containsExactly(
                new Violation("externalReference", "must not contain control characters"));
    }

    @Test
    void halfASurrogatePairInFreeTextIsRefusedNamingTheEntry() {
        String body = Questionnaires.eligible().medications("aspirin", "Eliquis \\udc00 5 mg").json()
                .replace("\\\\udc00", "\\udc00");
        List<Violation> violations = new ArrayList<>();

        READER.read(READER.parse(body.getBytes(StandardCharsets.UTF_8), MESSAGES), "", MESSAGES, violations);

        assertThat(violations).containsExactly(new Violation("medications[1]",
                "holds half of a surrogate pair, which is not valid Unicode text"));
    }

    @Test
    void aControlCharacterInFreeTextIsKept() {
        assertThat(violations(Questionnaires.eligible().medications("aspirin\u0000\t81 mg"))).isEmpty();
    }

    @ParameterizedTest(name = "a body in {0} is refused as not UTF-8")
    @ValueSource(strings = { "UTF-16", "UTF-16LE", "UTF-32", "ISO-8859-1" })
    void aBodyInAnotherEncodingIsRefused(String charset) {
        byte[] body = Questionnaires.eligible().answer("externalReference", "café").json()
                .getBytes(java.nio.charset.Charset.forName(charset));

        assertThatThrownBy(() -> READER.parse(body, MESSAGES)).isInstanceOfSatisfying(ProblemException.class,
                problem -> {
                    assertThat(problem.problem().status()).isEqualTo(400);
                    assertThat(problem.problem().detail()).contains("UTF-8");
                });
    }

    @Test
    void aStopDateWithAnAnswerIsAccepted() {
        assertThat(violations(Questionnaires.eligible().answer("history.isotretinoin", "NO")
                .answer("history.isotretinoinStopDate", "2026-10-01"))).isEmpty();
    }
}
