package org.microneedling.screening;

import java.time.LocalDate;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.microneedling.screening.rules.Answer;

/** Patient facts. Either {@code dateOfBirth} or {@code age} is required; given both, they must agree. */
public record PatientAnswers(
        LocalDate dateOfBirth,
        @Schema(description = "Whole years on asOf.", minimum = "0", maximum = "120")
        @Min(0) @Max(PatientAnswers.MAX_AGE) Integer age,
        @NotNull Answer pregnant,
        Answer breastfeeding,
        @Schema(description = "Roman numeral I to VI, or a whole number 1 to 6.")
        FitzpatrickSkinType fitzpatrickSkinType) {

    /** Oldest accepted age, given directly or derived from the date of birth. */
    public static final int MAX_AGE = 120;
}
