package org.microneedling.instructions;

/** The sections of a sheet, in the order they are shown: what happens next comes first, because it can say "wait". */
enum SheetSection {
    NEXT_STEPS("next-steps"),
    BEFORE("before"),
    DAY_OF_TREATMENT("day-of-treatment"),
    AFTER("after"),
    RESULTS("results"),
    SIDE_EFFECTS("side-effects"),
    CALL_THE_CLINIC("call-the-clinic");

    private final String id;

    SheetSection(String id) {
        this.id = id;
    }

    String id() {
        return id;
    }

    String titleKey() {
        return "section." + id + ".title";
    }
}
