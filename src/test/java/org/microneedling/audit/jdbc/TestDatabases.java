package org.microneedling.audit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.microneedling.audit.AuditSettings;

/**
 * Databases for the tests. PostgreSQL comes from {@code .ci/postgres.sh} through {@code AUDIT_TEST_PG_URL}; without
 * it the PostgreSQL tests are skipped on a workstation and fail on CI (env {@code CI} set), so CI cannot go green
 * without them.
 */
public final class TestDatabases {

    private TestDatabases() {
    }

    static AuditSettings h2Memory() {
        return AuditSettings.forUrl("jdbc:h2:mem:audit-" + UUID.randomUUID(), null, null);
    }

    static AuditSettings h2File(Path dir) {
        return AuditSettings.forUrl(AuditSettings.embeddedUrl(dir), null, null);
    }

    static boolean postgresConfigured() {
        return System.getenv("AUDIT_TEST_PG_URL") != null;
    }

    static void requirePostgres() {
        if (postgresConfigured()) {
            return;
        }
        if (System.getenv("CI") != null) {
            fail("AUDIT_TEST_PG_URL is not set on CI: run `source .ci/postgres.sh` before the tests");
        }
        assumeTrue(false, "AUDIT_TEST_PG_URL not set (source .ci/postgres.sh); PostgreSQL tests skipped");
    }

    /** A new, empty database on the test server, so tests never see each other's records. */
    public static AuditSettings postgres() {
        requirePostgres();
        String url = System.getenv("AUDIT_TEST_PG_URL");
        String name = "audit_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection admin = connect(url, pgUser(), pgPassword());
                Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create a test database on " + url, e);
        }
        return AuditSettings.forUrl(withDatabase(url, name), pgUser(), pgPassword());
    }

    static String pgUser() {
        return System.getenv().getOrDefault("AUDIT_TEST_PG_USER", "postgres");
    }

    static String pgPassword() {
        return System.getenv().getOrDefault("AUDIT_TEST_PG_PASSWORD", "");
    }

    static String withDatabase(String url, String database) {
        int query = url.indexOf('?');
        String base = query < 0 ? url : url.substring(0, query);
        String params = query < 0 ? "" : url.substring(query);
        return base.substring(0, base.lastIndexOf('/') + 1) + database + params;
    }

    static Connection connect(AuditSettings settings) throws SQLException {
        String url = settings.jdbcUrl().toLowerCase(Locale.ROOT).startsWith("jdbc:h2:")
                ? AuditDatabase.h2Url(settings.jdbcUrl())
                : settings.jdbcUrl();
        String user = settings.username() != null ? settings.username() : "sa";
        return connect(url, user, settings.password() != null ? settings.password() : "");
    }

    /** The driver directly: DriverManager does not see drivers loaded by Quarkus' test class loader. */
    static Connection connect(String url, String user, String password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        java.sql.Driver driver = url.startsWith("jdbc:h2:") ? new org.h2.Driver() : new org.postgresql.Driver();
        return driver.connect(url, properties);
    }

    /** Stops the test server (fast mode: like a crash of every session) and waits until it is down. */
    static void stopPostgres() {
        pgCtl("-m", "fast", "-w", "stop");
    }

    static void startPostgres() {
        pgCtl("-l", System.getenv().getOrDefault("AUDIT_TEST_PG_LOG",
                Path.of(System.getenv("AUDIT_TEST_PG_DATA")).resolveSibling("server.log").toString()), "-w", "start");
    }

    static void requirePgCtl() {
        requirePostgres();
        if (System.getenv("AUDIT_TEST_PG_CTL") == null || System.getenv("AUDIT_TEST_PG_DATA") == null) {
            if (System.getenv("CI") != null) {
                fail("AUDIT_TEST_PG_CTL and AUDIT_TEST_PG_DATA must be set on CI (source .ci/postgres.sh)");
            }
            assumeTrue(false, "AUDIT_TEST_PG_CTL/AUDIT_TEST_PG_DATA not set; outage tests skipped");
        }
    }

    private static void pgCtl(String... args) {
        List<String> command = new ArrayList<>();
        String owner = System.getenv("AUDIT_TEST_PG_OS_USER");
        if (owner != null && "root".equals(System.getProperty("user.name"))) {
            command.addAll(List.of("runuser", "-u", owner, "--"));
        }
        command.add(System.getenv("AUDIT_TEST_PG_CTL"));
        command.addAll(List.of("-D", System.getenv("AUDIT_TEST_PG_DATA")));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("pg_ctl finished").isTrue();
            assertThat(process.exitValue()).as("pg_ctl " + String.join(" ", args)).isZero();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
