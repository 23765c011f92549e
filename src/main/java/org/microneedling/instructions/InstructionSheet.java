package org.microneedling.instructions;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The patient's sheet as the workflow contract (section 6) returns it. Sections without an item are left out, so
 * that a sheet never shows an empty heading, nor aftercare to someone who will not be treated.
 */
@JsonPropertyOrder({ "screeningId", "language", "status", "sections" })
public record InstructionSheet(UUID screeningId, String language, PatientStatus status, List<Section> sections) {

    /** @param id one of {@link SheetSection}'s ids */
    @Schema(name = "InstructionSection")
    @JsonPropertyOrder({ "id", "title", "items" })
    public record Section(String id, String title, List<Item> items) {
    }

    /** @param because the reason and advisory codes that put the item on this sheet; empty for general items */
    @Schema(name = "InstructionItem")
    @JsonPropertyOrder({ "text", "because" })
    public record Item(String text, List<String> because) {
    }
}
