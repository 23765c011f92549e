package org.microneedling.screening;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.microneedling.common.Identifier;
import org.microneedling.common.MaxCharacters;

/**
 * The v1 intake questionnaire. Component names are the JSON field names; the binder, the
 * validation and the questionnaire definition all read them from here.
 */
@Schema(name = "ScreeningRequest", description = "A patient's intake questionnaire. Holds no name or contact data.")
public record ScreeningRequest(
        @Schema(description = "Opaque identifier of the calling system's visit or booking, echoed back; never a name.",
                maxLength = 64, examples = "visit-20261125-0042")
        @MaxCharacters(64) @Identifier String externalReference,
        @Schema(description = "The clinic's own opaque patient identifier, echoed back; never a name. The clearance "
                + "look-up (GET /api/v1/clearances) finds the patient's latest screening by it.",
                maxLength = 64, examples = "pt-000731")
        @MaxCharacters(64) @Identifier String patientReference,
        @Schema(description = "The day the decision is made for, e.g. the appointment date. Default: today in screening.zone.")
        LocalDate asOf,
        @Valid PatientAnswers patient,
        @Valid HistoryAnswers history,
        @Schema(description = "Current medicines as free text, one per entry.", maxItems = 50)
        @Size(max = 50) List<@MaxCharacters(200) String> medications,
        @Schema(description = "Date of the last microneedling session, if any.")
        LocalDate lastMicroneedlingDate,
        @Valid TreatmentPlan treatment,
        @Schema(description = "Coded conditions, e.g. from an EHR problem list. A recognised code counts as a YES to "
                + "its question; unrecognised codes are ignored.", maxItems = CodeEntry.MAX_ITEMS)
        @Size(max = CodeEntry.MAX_ITEMS) List<@Valid CodeEntry> conditionCodes,
        @Schema(description = "Coded current medicines (RxNorm ingredient, brand or drug). A recognised code counts "
                + "as the medicine named in free text would; unrecognised codes are ignored.",
                maxItems = CodeEntry.MAX_ITEMS)
        @Size(max = CodeEntry.MAX_ITEMS) List<@Valid CodeEntry> medicationCodes) {

    /** A questionnaire without coded input. */
    public ScreeningRequest(String externalReference, LocalDate asOf, PatientAnswers patient, HistoryAnswers history,
            List<String> medications, LocalDate lastMicroneedlingDate, TreatmentPlan treatment) {
        this(externalReference, null, asOf, patient, history, medications, lastMicroneedlingDate, treatment, null,
                null);
    }
}
