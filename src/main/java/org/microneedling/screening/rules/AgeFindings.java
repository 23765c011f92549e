package org.microneedling.screening.rules;

import java.time.LocalDate;
import java.util.List;

final class AgeFindings {

    private AgeFindings() {
    }

    /** An age reason that expires on the birthday of {@code limit}, when the birth date is known. */
    static Finding finding(String code, Outcome outcome, Intake intake, int limit) {
        if (intake.dateOfBirth() == null) {
            return new Finding(code, outcome, List.of(Evidence.of("patient.age", intake.age())), null);
        }
        LocalDate reassessAfter = Ages.birthday(intake.dateOfBirth(), limit);
        return new Finding(code, outcome, List.of(Evidence.of("patient.dateOfBirth", intake.dateOfBirth()),
                Evidence.of("patient.age", intake.age())), reassessAfter);
    }
}
