package org.microneedling.instructions;

import java.util.List;
import java.util.function.Predicate;

/**
 * One item a sheet may carry: where it goes, its text key, for which statuses, and the reason or advisory codes that
 * put it there (none for a general item, which every sheet of those statuses carries).
 */
record Instruction(SheetSection section, String key, Predicate<PatientStatus> statuses, List<String> codes) {

    static Instruction general(SheetSection section, String key, Predicate<PatientStatus> statuses) {
        return new Instruction(section, key, statuses, List.of());
    }

    static Instruction tailored(SheetSection section, String key, Predicate<PatientStatus> statuses,
            String... codes) {
        return new Instruction(section, key, statuses, List.of(codes));
    }

    boolean isGeneral() {
        return codes.isEmpty();
    }
}
