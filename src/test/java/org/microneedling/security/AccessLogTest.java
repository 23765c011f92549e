package org.microneedling.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AccessLogTest {

    @ParameterizedTest
    @CsvSource({ "0, 0.00", "9, 0.00", "10, 0.01", "1234, 1.23", "1999, 1.99", "2000, 2.00", "12345678, 12345.67" })
    void latencyIsMillisecondsWithTwoDecimals(long micros, String expected) {
        assertThat(AccessLog.appendMillis(new StringBuilder(), micros).toString()).isEqualTo(expected);
    }

    @Test
    void onlyVisibleAsciiReachesTheLog() {
        assertThat(AccessLog.printable("/api/v1/screenings")).isEqualTo("/api/v1/screenings");
        assertThat(AccessLog.printable("/api/v1/screenings/x y")).isEqualTo("/api/v1/screenings/x?y");
        assertThat(AccessLog.printable("/a\u00e9\u0000b")).isEqualTo("/a??b");
        assertThat(AccessLog.printable("/forged\r\nINFO line")).isEqualTo("/forged??INFO?line");
        assertThat(AccessLog.printable(null)).isEqualTo("-");
    }

    @Test
    void longPathsAreCut() {
        assertThat(AccessLog.printable("/".repeat(200))).hasSize(200).doesNotEndWith("...");
        assertThat(AccessLog.printable("/".repeat(201))).hasSize(203).endsWith("...");
    }
}
