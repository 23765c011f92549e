package org.microneedling.screening.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A validated questionnaire as the rules read it. An answer missing from {@code answers} was not
 * given; the rules that need it report their code as not assessed.
 *
 * @param asOf the day the decision is made for
 * @param dateOfBirth may be {@code null} when only the age was given
 * @param age whole years on {@code asOf}
 * @param fitzpatrickSkinType 1 to 6, or {@code null} when not answered
 * @param needleDepthMm the planned depth, or {@code null} when not given
 * @param conditionCodes coded conditions as the caller sent them (ICD-10-CM, SNOMED CT, ...)
 * @param medicationCodes coded medicines as the caller sent them (RxNorm)
 * @param recognisedCodes the codes of both lists that the code tables recognise; {@link Ruleset#decide}
 *        fills them in, so that every rule sees coded input the same way
 * @param recognisedMedicines the medicines the catalogue recognises in {@code medications}, filled in once by
 *        {@link Ruleset#decide} for every rule and advisory that reads them; {@code null} until then
 */
public record Intake(
        LocalDate asOf,
        LocalDate dateOfBirth,
        int age,
        Map<Question, Answer> answers,
        Integer fitzpatrickSkinType,
        LocalDate radiationTherapyEndDate,
        LocalDate isotretinoinStopDate,
        List<String> medications,
        LocalDate lastMicroneedlingDate,
        boolean energyAssisted,
        BigDecimal needleDepthMm,
        List<ClinicalCode> conditionCodes,
        List<ClinicalCode> medicationCodes,
        List<CodeMatch> recognisedCodes,
        List<MedicationMatch> recognisedMedicines) {

    public Intake {
        answers = answers.isEmpty() ? Map.of() : Map.copyOf(answers);
        medications = medications == null ? List.of() : List.copyOf(medications);
        conditionCodes = conditionCodes == null ? List.of() : List.copyOf(conditionCodes);
        medicationCodes = medicationCodes == null ? List.of() : List.copyOf(medicationCodes);
        recognisedCodes = recognisedCodes == null ? List.of() : List.copyOf(recognisedCodes);
        recognisedMedicines = recognisedMedicines == null ? null : List.copyOf(recognisedMedicines);
    }

    /** An intake without coded input. */
    public Intake(LocalDate asOf, LocalDate dateOfBirth, int age, Map<Question, Answer> answers,
            Integer fitzpatrickSkinType, LocalDate radiationTherapyEndDate, LocalDate isotretinoinStopDate,
            List<String> medications, LocalDate lastMicroneedlingDate, boolean energyAssisted,
            BigDecimal needleDepthMm) {
        this(asOf, dateOfBirth, age, answers, fitzpatrickSkinType, radiationTherapyEndDate, isotretinoinStopDate,
                medications, lastMicroneedlingDate, energyAssisted, needleDepthMm, List.of(), List.of(), List.of(), null);
    }

    /**
     * The answer the rules apply: YES when a recognised code answers the question, since YES is the
     * most severe answer; otherwise the answer given, or {@code null} when it was not answered.
     */
    public Answer answer(Question question) {
        return codesFor(question).isEmpty() ? answers.get(question) : Answer.YES;
    }

    /**
     * What supports {@link #answer}: the answer given, unless a code overrides a NO or UNKNOWN, and
     * every recognised code for the question.
     */
    public List<Evidence> evidence(Question question) {
        List<Evidence> evidence = new ArrayList<>();
        Answer given = answers.get(question);
        List<CodeMatch> codes = codesFor(question);
        if (given != null && (given == Answer.YES || codes.isEmpty())) {
            evidence.add(Evidence.of(question, given));
        }
        codes.forEach(code -> evidence.add(Evidence.of(code)));
        return evidence;
    }

    /** The recognised codes that name a medicine, in request order. */
    public List<CodeMatch> codedMedicines() {
        return recognisedCodes.stream().filter(code -> code.medicine() != null).toList();
    }

    /** The medicines named in {@code medications}, as recognised once for this intake, else by the catalogue now. */
    public List<MedicationMatch> namedMedicines(MedicationCatalogue catalogue) {
        return recognisedMedicines != null ? recognisedMedicines : catalogue.recognise(medications);
    }

    /** This intake with the codes the tables recognise in its coded input and the medicines named in its text. */
    public Intake withRecognised(List<CodeMatch> codes, List<MedicationMatch> medicines) {
        return new Intake(asOf, dateOfBirth, age, answers, fitzpatrickSkinType, radiationTherapyEndDate,
                isotretinoinStopDate, medications, lastMicroneedlingDate, energyAssisted, needleDepthMm,
                conditionCodes, medicationCodes, codes, medicines);
    }

    private List<CodeMatch> codesFor(Question question) {
        if (recognisedCodes.isEmpty()) {
            return List.of();
        }
        return recognisedCodes.stream().filter(code -> code.question() == question).toList();
    }

    public static Builder builder(LocalDate asOf) {
        return new Builder(asOf);
    }

    /** Builds intakes in tests and adapters; every answer starts unanswered. */
    public static final class Builder {
        private final LocalDate asOf;
        private LocalDate dateOfBirth;
        private int age;
        private final Map<Question, Answer> answers = new EnumMap<>(Question.class);
        private Integer fitzpatrickSkinType;
        private LocalDate radiationTherapyEndDate;
        private LocalDate isotretinoinStopDate;
        private List<String> medications = List.of();
        private LocalDate lastMicroneedlingDate;
        private boolean energyAssisted;
        private BigDecimal needleDepthMm;
        private List<ClinicalCode> conditionCodes = List.of();
        private List<ClinicalCode> medicationCodes = List.of();

        private Builder(LocalDate asOf) {
            this.asOf = asOf;
        }

        public Builder dateOfBirth(LocalDate dateOfBirth) {
            this.dateOfBirth = dateOfBirth;
            this.age = Ages.ageOn(dateOfBirth, asOf);
            return this;
        }

        public Builder age(int age) {
            this.age = age;
            return this;
        }

        public Builder answer(Question question, Answer answer) {
            if (answer == null) {
                answers.remove(question);
            } else {
                answers.put(question, answer);
            }
            return this;
        }

        /** Answers every question NO: the healthy baseline that tests vary one answer at a time. */
        public Builder allNo() {
            for (Question question : Question.values()) {
                answers.put(question, Answer.NO);
            }
            return this;
        }

        public Builder fitzpatrickSkinType(Integer type) {
            this.fitzpatrickSkinType = type;
            return this;
        }

        public Builder radiationTherapyEndDate(LocalDate date) {
            this.radiationTherapyEndDate = date;
            return this;
        }

        public Builder isotretinoinStopDate(LocalDate date) {
            this.isotretinoinStopDate = date;
            return this;
        }

        public Builder medications(List<String> medications) {
            this.medications = medications;
            return this;
        }

        public Builder lastMicroneedlingDate(LocalDate date) {
            this.lastMicroneedlingDate = date;
            return this;
        }

        public Builder energyAssisted(boolean energyAssisted) {
            this.energyAssisted = energyAssisted;
            return this;
        }

        public Builder needleDepthMm(BigDecimal depth) {
            this.needleDepthMm = depth;
            return this;
        }

        public Builder conditionCodes(List<ClinicalCode> codes) {
            this.conditionCodes = codes;
            return this;
        }

        public Builder medicationCodes(List<ClinicalCode> codes) {
            this.medicationCodes = codes;
            return this;
        }

        public Intake build() {
            return new Intake(asOf, dateOfBirth, age, answers, fitzpatrickSkinType, radiationTherapyEndDate,
                    isotretinoinStopDate, medications, lastMicroneedlingDate, energyAssisted, needleDepthMm,
                    conditionCodes, medicationCodes, List.of(), null);
        }
    }
}
