package org.microneedling.screening.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AgesTest {

    @ParameterizedTest(name = "born {0}, on {1} ⇒ age {2}")
    @CsvSource(textBlock = """
            1990-06-15, 2026-06-14, 35
            1990-06-15, 2026-06-15, 36
            1990-06-15, 2026-06-16, 36
            2008-02-29, 2026-02-28, 17
            2008-02-29, 2026-03-01, 18
            2008-02-29, 2028-02-28, 19
            2008-02-29, 2028-02-29, 20
            2026-11-25, 2026-11-25, 0
            """)
    void ageCountsTheBirthdayOnTheDay(LocalDate dateOfBirth, LocalDate day, int expected) {
        assertThat(Ages.ageOn(dateOfBirth, day)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "born {0}, birthday {1} is {2}")
    @CsvSource(textBlock = """
            2008-02-29, 18, 2026-03-01
            2008-02-29, 20, 2028-02-29
            2004-02-29, 22, 2026-03-01
            2008-02-28, 18, 2026-02-28
            2008-03-01, 18, 2026-03-01
            """)
    void leapDayBirthdayMovesToFirstOfMarchInCommonYears(LocalDate dateOfBirth, int years, LocalDate expected) {
        assertThat(Ages.birthday(dateOfBirth, years)).isEqualTo(expected);
    }
}
