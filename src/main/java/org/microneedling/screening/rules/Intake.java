package org.microneedling.screening.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
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
        BigDecimal needleDepthMm) {

    public Intake {
        answers = answers.isEmpty() ? Map.of() : Map.copyOf(answers);
        medications = medications == null ? List.of() : List.copyOf(medications);
    }

    /** The answer given, or {@code null} when the question was not answered. */
    public Answer answer(Question question) {
        return answers.get(question);
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

        public Intake build() {
            return new Intake(asOf, dateOfBirth, age, answers, fitzpatrickSkinType, radiationTherapyEndDate,
                    isotretinoinStopDate, medications, lastMicroneedlingDate, energyAssisted, needleDepthMm);
        }
    }
}
