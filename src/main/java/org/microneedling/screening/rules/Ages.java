package org.microneedling.screening.rules;

import java.time.LocalDate;
import java.time.Month;

/** Whole-year ages and birthdays, with a 29 February birthday falling on 1 March in common years. */
public final class Ages {

    private Ages() {
    }

    /** The day on which someone born on {@code dateOfBirth} turns {@code years} old. */
    public static LocalDate birthday(LocalDate dateOfBirth, int years) {
        LocalDate birthday = dateOfBirth.plusYears(years);
        boolean leapDayBirth = dateOfBirth.getMonth() == Month.FEBRUARY && dateOfBirth.getDayOfMonth() == 29;
        if (leapDayBirth && birthday.getDayOfMonth() == 28) {
            return birthday.plusDays(1);
        }
        return birthday;
    }

    /** Whole years completed on {@code day}; a birthday on {@code day} counts. */
    public static int ageOn(LocalDate dateOfBirth, LocalDate day) {
        int years = day.getYear() - dateOfBirth.getYear();
        if (birthday(dateOfBirth, years).isAfter(day)) {
            years--;
        }
        return years;
    }
}
