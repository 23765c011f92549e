package org.microneedling.screening;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The planned treatment, when the booking already knows it. */
public record TreatmentPlan(
        @Schema(description = "Radiofrequency or other energy/heat-assisted device.")
        Boolean energyAssisted,
        @Schema(description = "Planned needle depth in millimetres.", minimum = "0.2", maximum = "2.5")
        @DecimalMin("0.2") @DecimalMax("2.5") BigDecimal needleDepthMm) {
}
