package org.microneedling.screening;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.microneedling.screening.rules.Answer;

/** Medical and skin history. Required answers carry {@code @NotNull}; the others are optional. */
public record HistoryAnswers(
        @NotNull Answer activeAcne,
        @NotNull Answer activeColdSores,
        @NotNull Answer coldSoreHistory,
        @NotNull Answer otherActiveSkinInfection,
        @NotNull Answer eczema,
        @NotNull Answer psoriasis,
        @NotNull Answer keloidOrHypertrophicScarring,
        @NotNull Answer bleedingDisorder,
        @NotNull Answer takesBloodThinners,
        @NotNull Answer radiationTherapy,
        @Schema(description = "End of the last radiation therapy; may be a planned date while therapy is ongoing.")
        LocalDate radiationTherapyEndDate,
        Answer topicalAnestheticAllergy,
        @Schema(description = "Currently taking oral isotretinoin.")
        Answer isotretinoin,
        @Schema(description = "When oral isotretinoin was stopped; not with isotretinoin YES.")
        LocalDate isotretinoinStopDate,
        Answer skinCancerInTreatmentArea,
        Answer immunosuppressed,
        Answer metalAllergy,
        Answer sunburnInTreatmentArea) {
}
