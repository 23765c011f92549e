package org.microneedling.fhir;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.microneedling.screening.QuestionnaireDefinition;
import org.microneedling.screening.rules.CodeCatalogue;
import org.microneedling.screening.rules.CodeSystem;
import org.microneedling.screening.rules.Ruleset;

/**
 * Writes the questionnaire definition as an R4 Questionnaire. Each item's linkId is its JSON path in
 * the v1 request, so that a QuestionnaireResponse to it translates back item by item.
 */
@ApplicationScoped
class FhirQuestionnaireWriter {

    /** The suffix of the display item that carries an item's help text. */
    static final String HELP_SUFFIX = ".help";
    private static final String GROUP_SUFFIX = "-group";
    /** The RxNorm term type that the code table appends to each concept, e.g. {@code warfarin (IN)}. */
    private static final Pattern TERM_TYPE = Pattern.compile("\\s*\\([A-Z]{2,3}\\)$");

    private final ObjectMapper mapper;
    private final QuestionnaireCanonicals canonicals;
    private final ArrayNode medicationOptions;

    FhirQuestionnaireWriter(ObjectMapper mapper, QuestionnaireCanonicals canonicals, Ruleset ruleset) {
        this.mapper = mapper;
        this.canonicals = canonicals;
        this.medicationOptions = mapper.createArrayNode();
        for (CodeCatalogue.Row row : ruleset.codes().rows()) {
            if (row.system() == CodeSystem.RXNORM) {
                medicationOptions.addObject().putObject("valueCoding").put("system", row.system().uri())
                        .put("code", row.code()).put("display", TERM_TYPE.matcher(row.concept()).replaceFirst(""));
            }
        }
    }

    String write(QuestionnaireDefinition.Definition definition) {
        Locale language = Locale.forLanguageTag(definition.language());
        ObjectNode questionnaire = mapper.createObjectNode();
        questionnaire.put("resourceType", "Questionnaire");
        questionnaire.put("id", canonicals.id(definition.id(), language));
        questionnaire.put("url", canonicals.url(language));
        questionnaire.put("version", definition.version());
        ObjectNode narrative = questionnaire.putObject("text");
        narrative.put("status", "generated");
        narrative.put("div", QuestionnaireNarrative.xhtml(definition));
        questionnaire.put("name", "MicroneedlingIntake");
        questionnaire.put("title", definition.title());
        questionnaire.put("status", "active");
        questionnaire.put("language", definition.language());
        questionnaire.putArray("subjectType").add("Patient");
        ArrayNode groups = questionnaire.putArray("item");
        for (QuestionnaireDefinition.Section section : definition.sections()) {
            ObjectNode group = groups.addObject();
            group.put("linkId", groupLinkId(section));
            group.put("text", section.title());
            group.put("type", "group");
            ArrayNode items = group.putArray("item");
            section.items().forEach(item -> items.add(item(item)));
        }
        try {
            return mapper.writeValueAsString(questionnaire);
        } catch (Exception e) {
            throw new IllegalStateException("The FHIR questionnaire could not be serialised", e);
        }
    }

    /** A section's id, unless one of its items has that path: linkIds must be unique (que-2). */
    private static String groupLinkId(QuestionnaireDefinition.Section section) {
        boolean taken = section.items().stream().anyMatch(item -> item.path().equals(section.id()));
        return taken ? section.id() + GROUP_SUFFIX : section.id();
    }

    private ObjectNode item(QuestionnaireDefinition.Item definition) {
        ObjectNode item = mapper.createObjectNode();
        item.put("linkId", definition.path());
        item.put("text", definition.question());
        switch (definition.type()) {
            case "answer" -> {
                item.put("type", "choice");
                item.put("answerValueSet", FhirTerminology.YES_NO_DONT_KNOW);
            }
            case "skinType" -> {
                item.put("type", "choice");
                ArrayNode options = item.putArray("answerOption");
                List<QuestionnaireDefinition.Option> labels = definition.options();
                for (int i = 0; i < FhirTerminology.FITZPATRICK_NCIT_CODES.size(); i++) {
                    ObjectNode coding = options.addObject().putObject("valueCoding");
                    coding.put("system", FhirTerminology.NCI_THESAURUS);
                    coding.put("code", FhirTerminology.FITZPATRICK_NCIT_CODES.get(i));
                    coding.put("display", labels.get(i).label());
                }
            }
            case "stringList" -> {
                // Free text, or a coded medicine: the codes the rules recognise are offered, any other is typed.
                item.put("type", "open-choice");
                item.put("repeats", true);
                item.set("answerOption", medicationOptions);
            }
            default -> item.put("type", definition.type());
        }
        item.put("required", definition.required());
        Integer maxLength = definition.maxLength();
        if (maxLength != null) {
            item.put("maxLength", maxLength);
        }
        ArrayNode extensions = mapper.createArrayNode();
        bound(extensions, FhirTerminology.MIN_VALUE, definition.minimum());
        bound(extensions, FhirTerminology.MAX_VALUE, definition.maximum());
        if (definition.maxItems() != null) {
            extensions.addObject().put("url", FhirTerminology.MAX_OCCURS).put("valueInteger", definition.maxItems());
        }
        if (!extensions.isEmpty()) {
            item.set("extension", extensions);
        }
        QuestionnaireDefinition.ShownWhen shownWhen = definition.shownWhen();
        if (shownWhen != null) {
            ArrayNode enableWhen = item.putArray("enableWhen");
            for (String answer : shownWhen.answers()) {
                ObjectNode condition = enableWhen.addObject();
                condition.put("question", shownWhen.path());
                condition.put("operator", "=");
                condition.set("answerCoding", answerCoding(answer));
            }
            if (shownWhen.answers().size() > 1) {
                item.put("enableBehavior", "any");
            }
        }
        if (definition.help() != null) {
            ObjectNode help = item.putArray("item").addObject();
            help.put("linkId", definition.path() + HELP_SUFFIX);
            help.put("text", definition.help());
            help.put("type", "display");
            ObjectNode control = help.putArray("extension").addObject();
            control.put("url", FhirTerminology.ITEM_CONTROL);
            ObjectNode coding = control.putObject("valueCodeableConcept").putArray("coding").addObject();
            coding.put("system", FhirTerminology.ITEM_CONTROL_SYSTEM);
            coding.put("code", "help");
        }
        return item;
    }

    private ObjectNode answerCoding(String answer) {
        ObjectNode coding = mapper.createObjectNode();
        switch (answer) {
            case "YES" -> coding.put("system", FhirTerminology.YES_NO).put("code", FhirTerminology.YES);
            case "NO" -> coding.put("system", FhirTerminology.YES_NO).put("code", FhirTerminology.NO);
            default -> coding.put("system", FhirTerminology.DATA_ABSENT_REASON).put("code", FhirTerminology.ASKED_UNKNOWN);
        }
        return coding;
    }

    private static void bound(ArrayNode extensions, String url, Object value) {
        if (value instanceof Integer || value instanceof Long) {
            extensions.addObject().put("url", url).put("valueInteger", ((Number) value).intValue());
        } else if (value instanceof BigDecimal decimal) {
            extensions.addObject().put("url", url).put("valueDecimal", decimal);
        }
    }
}
