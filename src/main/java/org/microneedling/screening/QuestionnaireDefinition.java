package org.microneedling.screening;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.microneedling.common.MaxCharacters;
import org.microneedling.common.Messages;
import org.microneedling.screening.rules.Answer;
import org.microneedling.screening.rules.Ruleset;

/**
 * The questionnaire as a client renders it. Only the grouping and the wording live here; each
 * item's type, options, presence and limits are read from the request records that the API
 * validates against, so the form and the API cannot disagree.
 */
public final class QuestionnaireDefinition {

    /** Sections in display order, each listing the JSON paths of its items. */
    static final Map<String, List<String>> LAYOUT = layout();

    /** Items that only apply after a certain answer to another item. */
    private static final Map<String, ShownWhen> CONDITIONS = Map.of(
            "history.radiationTherapyEndDate", new ShownWhen("history.radiationTherapy", List.of("YES", "UNKNOWN")),
            "history.isotretinoinStopDate", new ShownWhen("history.isotretinoin", List.of("NO", "UNKNOWN")));

    /** Coded input comes from other systems, not from a person filling in the form. */
    static final List<String> CODED_INPUT = List.of("conditionCodes", "medicationCodes");

    /** Dates that may lie after {@code asOf}. */
    private static final List<String> FUTURE_DATES_ALLOWED = List.of("asOf", "history.radiationTherapyEndDate");

    private QuestionnaireDefinition() {
    }

    @Schema(name = "QuestionnaireDefinition")
    @JsonPropertyOrder({ "id", "version", "title", "language", "sections", "atLeastOneOf" })
    public record Definition(String id, String version, String title, String language, List<Section> sections,
            List<List<String>> atLeastOneOf) {
    }

    @Schema(name = "QuestionnaireSection")
    @JsonPropertyOrder({ "id", "title", "items" })
    public record Section(String id, String title, List<Item> items) {
    }

    @Schema(name = "QuestionnaireItem")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({ "path", "question", "type", "options", "required", "help", "minimum", "maximum", "maxLength",
            "maxItems", "notAfterAsOf", "shownWhen" })
    public record Item(String path, String question, String type, List<Option> options, boolean required, String help,
            Object minimum, Object maximum, Integer maxLength, Integer maxItems, Boolean notAfterAsOf,
            ShownWhen shownWhen) {
    }

    @Schema(name = "AnswerOption")
    public record Option(String value, String label) {
    }

    public record ShownWhen(String path, List<String> answers) {
    }

    /** Built once per language: the definition only changes with the code, and clients fetch it for every form. */
    private static final Map<Locale, Definition> BY_LANGUAGE = new ConcurrentHashMap<>();

    /** The questionnaire in the language of {@code messages}. */
    public static Definition of(Messages messages) {
        return BY_LANGUAGE.computeIfAbsent(messages.locale(), locale -> build(messages));
    }

    private static Definition build(Messages messages) {
        List<Section> sections = new ArrayList<>();
        LAYOUT.forEach((id, paths) -> sections.add(new Section(id, messages.get("section." + id),
                paths.stream().map(path -> item(path, messages)).toList())));
        return new Definition("microneedling-intake", Ruleset.VERSION, messages.get("questionnaire.title"),
                messages.locale().getLanguage(), List.copyOf(sections), List.of(List.of("patient.dateOfBirth", "patient.age")));
    }

    /** Every leaf JSON path of the request, in declaration order. */
    static List<String> requestPaths() {
        List<String> paths = new ArrayList<>();
        collect(ScreeningRequest.class, "", paths);
        return paths;
    }

    private static void collect(Class<?> type, String prefix, List<String> paths) {
        for (RecordComponent component : type.getRecordComponents()) {
            String path = prefix.isEmpty() ? component.getName() : prefix + "." + component.getName();
            if (CODED_INPUT.contains(path)) {
                continue;
            }
            if (component.getType().isRecord()) {
                collect(component.getType(), path, paths);
            } else {
                paths.add(path);
            }
        }
    }

    private static Item item(String path, Messages messages) {
        RecordComponent component = component(path);
        Class<?> type = component.getType();
        String help = messages.has("help." + path) ? messages.get("help." + path) : null;
        boolean required = annotation(component, NotNull.class) != null;
        String question = messages.get("question." + path);
        ShownWhen shownWhen = CONDITIONS.get(path);
        if (type == Answer.class) {
            List<Option> options = Arrays.stream(Answer.values())
                    .map(answer -> new Option(answer.name(), messages.get("answer." + answer.name()))).toList();
            return new Item(path, question, "answer", options, required, help, null, null, null, null, null, shownWhen);
        }
        if (type == FitzpatrickSkinType.class) {
            List<Option> options = Arrays.stream(FitzpatrickSkinType.values())
                    .map(skinType -> new Option(skinType.name(), messages.get("skinType." + skinType.name()))).toList();
            return new Item(path, question, "skinType", options, required, help, null, null, null, null, null,
                    shownWhen);
        }
        if (type == LocalDate.class) {
            return new Item(path, question, "date", null, required, help, null, null, null, null,
                    !FUTURE_DATES_ALLOWED.contains(path), shownWhen);
        }
        if (type == Integer.class) {
            return new Item(path, question, "integer", null, required, help, minimum(component), maximum(component),
                    null, null, null, shownWhen);
        }
        if (type == BigDecimal.class) {
            return new Item(path, question, "decimal", null, required, help, minimum(component), maximum(component),
                    null, null, null, shownWhen);
        }
        if (type == Boolean.class) {
            return new Item(path, question, "boolean", null, required, help, null, null, null, null, null, shownWhen);
        }
        if (type == String.class) {
            MaxCharacters length = annotation(component, MaxCharacters.class);
            return new Item(path, question, "string", null, required, help, null, null,
                    length == null ? null : length.value(), null, null, shownWhen);
        }
        if (type == List.class) {
            Size size = annotation(component, Size.class);
            MaxCharacters elementLength = ((AnnotatedParameterizedType) component.getAnnotatedType())
                    .getAnnotatedActualTypeArguments()[0].getAnnotation(MaxCharacters.class);
            return new Item(path, question, "stringList", null, required, help, null, null,
                    elementLength == null ? null : elementLength.value(), size == null ? null : size.max(), null,
                    shownWhen);
        }
        throw new IllegalStateException("No questionnaire item type for " + path);
    }

    /** Record components pass constraint annotations to their accessors and to the component type. */
    private static <A extends Annotation> A annotation(RecordComponent component, Class<A> type) {
        A onAccessor = component.getAccessor().getAnnotation(type);
        return onAccessor != null ? onAccessor : component.getAnnotatedType().getAnnotation(type);
    }

    private static Object minimum(RecordComponent element) {
        Min min = annotation(element, Min.class);
        DecimalMin decimalMin = annotation(element, DecimalMin.class);
        return min != null ? (Object) min.value() : decimalMin != null ? new BigDecimal(decimalMin.value()) : null;
    }

    private static Object maximum(RecordComponent element) {
        Max max = annotation(element, Max.class);
        DecimalMax decimalMax = annotation(element, DecimalMax.class);
        return max != null ? (Object) max.value() : decimalMax != null ? new BigDecimal(decimalMax.value()) : null;
    }

    private static RecordComponent component(String path) {
        List<RecordComponent> components = components(path);
        return components.get(components.size() - 1);
    }

    /** The request's record components along a JSON path, e.g. {@code history} then {@code eczema}. */
    static List<RecordComponent> components(String path) {
        Class<?> type = ScreeningRequest.class;
        List<RecordComponent> found = new ArrayList<>();
        for (String name : path.split("\\.")) {
            RecordComponent next = Arrays.stream(type.getRecordComponents()).filter(c -> c.getName().equals(name))
                    .findFirst().orElseThrow(() -> new IllegalStateException("No request field " + path));
            found.add(next);
            type = next.getType();
        }
        return found;
    }

    private static Map<String, List<String>> layout() {
        Map<String, List<String>> layout = new LinkedHashMap<>();
        layout.put("patient", List.of("patient.dateOfBirth", "patient.age", "patient.pregnant", "patient.breastfeeding",
                "patient.fitzpatrickSkinType"));
        layout.put("skin", List.of("history.activeAcne", "history.activeColdSores", "history.coldSoreHistory",
                "history.otherActiveSkinInfection", "history.eczema", "history.psoriasis",
                "history.keloidOrHypertrophicScarring", "history.skinCancerInTreatmentArea",
                "history.sunburnInTreatmentArea"));
        layout.put("medical", List.of("history.bleedingDisorder", "history.takesBloodThinners",
                "history.radiationTherapy", "history.radiationTherapyEndDate", "history.isotretinoin",
                "history.isotretinoinStopDate", "history.immunosuppressed", "history.topicalAnestheticAllergy",
                "history.metalAllergy"));
        layout.put("medications", List.of("medications"));
        layout.put("treatment", List.of("lastMicroneedlingDate", "treatment.energyAssisted", "treatment.needleDepthMm"));
        layout.put("visit", List.of("externalReference", "patientReference", "asOf"));
        return layout;
    }
}
