package org.microneedling.audit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.microneedling.audit.AuditEntries;
import org.microneedling.audit.AuditSettings;
import org.microneedling.audit.AuditStore;
import org.microneedling.common.ProblemException;

/** A PostgreSQL URL where nothing listens: the service still starts, and every use fails fast with 503. */
class UnreachableStoreTest {

    private AuditStore store;

    @BeforeEach
    void openOnAClosedPort() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        store = JdbcAuditStore.open(
                AuditSettings.forUrl("jdbc:postgresql://127.0.0.1:" + port + "/audit", "audit", "x"));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void appendIsRefusedWith503AndRetryAfterWithoutHanging() {
        for (int i = 0; i < 5; i++) {
            long start = System.nanoTime();
            ProblemException problem = catchThrowableOfType(ProblemException.class,
                    () -> store.append(List.of(AuditEntries.entry())));
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(problem.problem().status()).isEqualTo(503);
            assertThat(problem.headers()).containsEntry("Retry-After", "1");
            assertThat(took).isLessThan(Duration.ofSeconds(3));
        }
        assertThat(store.stats().records()).isZero();
    }

    @Test
    void readBackAndVerificationAre503() {
        assertThat(catchThrowableOfType(ProblemException.class, () -> store.findResult(UUID.randomUUID()))
                .problem().status()).isEqualTo(503);
        assertThat(catchThrowableOfType(ProblemException.class, () -> store.verify()).problem().status())
                .isEqualTo(503);
    }

    @Test
    void notReady() {
        assertThat(store.ready()).isFalse();
    }
}
