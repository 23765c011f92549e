package org.microneedling.instructions;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.microneedling.instructions.InstructionSheet.Item;
import org.microneedling.instructions.InstructionSheet.Section;
import org.microneedling.instructions.StoredDecision.Reason;
import org.microneedling.screening.rules.Outcome;

/**
 * Puts a sheet together from a decision, its status and the patient's language: first what happens next (the
 * status in the patient's words, each standing reason explained, the dates on which reasons expire), then the items
 * of {@link PatientInstructions} that the status allows and the decision's codes call for.
 */
final class SheetBuilder {

    private SheetBuilder() {
    }

    static InstructionSheet build(StoredDecision decision, PatientStatus status, PatientTexts texts) {
        Map<SheetSection, List<Item>> items = new EnumMap<>(SheetSection.class);
        for (SheetSection section : SheetSection.values()) {
            items.put(section, new ArrayList<>());
        }
        items.get(SheetSection.NEXT_STEPS).addAll(nextSteps(decision, status, texts));
        Set<String> codes = codesOf(decision);
        for (Instruction instruction : PatientInstructions.ITEMS) {
            if (!instruction.statuses().test(status)) {
                continue;
            }
            List<String> because = instruction.codes().stream().filter(codes::contains).toList();
            if (instruction.isGeneral() || !because.isEmpty()) {
                items.get(instruction.section()).add(new Item(texts.text(instruction.key()), because));
            }
        }
        List<Section> sections = new ArrayList<>();
        items.forEach((section, sectionItems) -> {
            if (!sectionItems.isEmpty()) {
                sections.add(new Section(section.id(), texts.text(section.titleKey()), List.copyOf(sectionItems)));
            }
        });
        return new InstructionSheet(decision.screeningId(), texts.language(), status, List.copyOf(sections));
    }

    private static List<Item> nextSteps(StoredDecision decision, PatientStatus status, PatientTexts texts) {
        List<Item> items = new ArrayList<>();
        items.add(new Item(texts.text("next.status." + status.name()), decisiveCodes(decision)));
        if (status == PatientStatus.ELIGIBLE && decision.validUntil() != null) {
            items.add(new Item(texts.text("next.valid-until", decision.validUntil()), List.of()));
        }
        if (!status.reasonsStand()) {
            return items;
        }
        for (Reason reason : decision.reasons()) {
            String key = "next.reason." + reason.code();
            // A code this version does not know (a later ruleset's) is still covered by the status line above.
            if (texts.has(key)) {
                items.add(new Item(texts.text(key), List.of(reason.code())));
            }
            if (reason.reassessAfter() != null) {
                String until = texts.has("next.until." + reason.code()) ? "next.until." + reason.code()
                        : "next.until.other";
                items.add(new Item(texts.text(until, reason.reassessAfter()), List.of(reason.code())));
            }
        }
        if (status == PatientStatus.INELIGIBLE) {
            newScreeningDate(decision, texts).ifPresent(items::add);
        }
        return items;
    }

    /**
     * The day from which a new screening can be asked for, when every reason that makes the patient ineligible
     * expires by itself: the last of their dates. A reason without a date (eczema, say) leaves no such day.
     */
    private static Optional<Item> newScreeningDate(StoredDecision decision, PatientTexts texts) {
        List<Reason> ineligible = decision.reasons().stream().filter(r -> r.outcome() == Outcome.INELIGIBLE).toList();
        if (ineligible.isEmpty() || ineligible.stream().anyMatch(r -> r.reassessAfter() == null)) {
            return Optional.empty();
        }
        LocalDate last = ineligible.stream().map(Reason::reassessAfter).max(LocalDate::compareTo).orElseThrow();
        return Optional.of(new Item(texts.text("next.new-screening-from", last),
                ineligible.stream().map(Reason::code).toList()));
    }

    /** The reasons that made the outcome what it is: those whose own outcome is the decision's. */
    private static List<String> decisiveCodes(StoredDecision decision) {
        return decision.reasons().stream().filter(reason -> reason.outcome() == decision.outcome())
                .map(Reason::code).distinct().toList();
    }

    private static Set<String> codesOf(StoredDecision decision) {
        Set<String> codes = new LinkedHashSet<>();
        decision.reasons().forEach(reason -> codes.add(reason.code()));
        codes.addAll(decision.advisoryCodes());
        return codes;
    }
}
