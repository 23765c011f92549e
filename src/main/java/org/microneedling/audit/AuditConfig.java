package org.microneedling.audit;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Runtime configuration of the audit trail. Everything here is read at start-up, so the same jar
 * runs on the embedded journal or on PostgreSQL.
 */
@ConfigMapping(prefix = "audit")
interface AuditConfig {

    /** Records every decision; false only to benchmark the service without its audit (never in production). */
    @WithDefault("true")
    boolean enabled();

    /** Folder of the embedded journal ({@code journal/}), used without {@code audit.db.url}; created on first start. */
    @WithDefault("data")
    Path dataDir();

    /** The audit database connection. */
    Db db();

    /** The embedded journal. */
    JournalConfig journal();

    /** This instance's hash chain; give every instance that shares one database its own id. */
    @WithDefault("main")
    String chainId();

    /** Longest time a request waits for its record to be committed before it is answered with 503. */
    @WithDefault("1s")
    Duration commitTimeout();

    /** How many entries may wait for the writer before new requests are answered with 503 at once. */
    @WithDefault("10000")
    int queueCapacity();

    /** Entries the writer puts into one transaction at most (one caller's entries are never split). */
    @WithDefault("1000")
    int maxBatchEntries();

    /** After a failed commit, how long further appends fail fast before the store is tried again. */
    @WithDefault("500ms")
    Duration failureBackoff();

    /** Records older than this many days are purged (2557 days = seven years). */
    @WithDefault("2557")
    int retentionDays();

    /** How often the retention purge runs (read by its {@code @Scheduled} job, {@link AuditDecisionLog}). */
    @WithDefault("24h")
    Duration purgeInterval();

    /** Delay from start-up to the first retention purge. */
    @WithDefault("5m")
    Duration purgeInitialDelay();

    interface JournalConfig {

        /**
         * Forces every commit to the disk ({@code fdatasync}) before its callers are answered, so a decision survives
         * a power loss, not only a crash of the process.
         */
        @WithDefault("true")
        boolean sync();

        /** A segment file is closed at this size (or at the end of its UTC day) and the next one begun. */
        @WithDefault("16M")
        MemorySize segmentSize();

        /**
         * Readiness turns DOWN while the journal's disk has less free space than this, so that traffic moves away
         * before writes fail.
         */
        @WithDefault("64M")
        MemorySize minFreeSpace();
    }

    interface Db {

        /** JDBC URL of the audit database ({@code jdbc:postgresql:...} or {@code jdbc:h2:...}), env AUDIT_DB_URL. */
        Optional<String> url();

        /** Database user. */
        Optional<String> username();

        /** Database password. */
        Optional<String> password();

        /** Connections the pool keeps open at most (one writer plus readers). */
        @WithDefault("4")
        int poolMaxSize();

        /** TCP connect and login timeout towards the database server. */
        @WithDefault("1s")
        Duration connectTimeout();

        /** A read, verification or purge statement that has not answered after this long is abandoned. */
        @WithDefault("30s")
        Duration socketTimeout();
    }
}
