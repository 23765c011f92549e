package org.microneedling.review;

import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import org.microneedling.common.ProblemException;
import org.microneedling.common.Violation;

/** A screening id in a path: a UUID in its canonical form, as every screening id is given out. */
final class ScreeningIds {

    private static final Pattern CANONICAL_UUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private ScreeningIds() {
    }

    static UUID parse(String screeningId) {
        // UUID.fromString also accepts short forms such as 1-2-3-4-5, which no screening ever had.
        if (screeningId == null || !CANONICAL_UUID.matcher(screeningId).matches()) {
            throw ProblemException.invalid("The screening id is not valid.",
                    List.of(new Violation("screeningId", "must be a UUID such as 3f1c2a9e-6d1b-4f7e-9a61-0b8f2f5d7c11")));
        }
        return UUID.fromString(screeningId);
    }
}
