package org.microneedling.audit.jdbc;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.AgroalConnectionPoolConfiguration.ConnectionValidator;
import io.agroal.api.configuration.AgroalConnectionPoolConfiguration.ExceptionSorter;
import io.agroal.api.configuration.supplier.AgroalConnectionFactoryConfigurationSupplier;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.api.exceptionsorter.PostgreSQLExceptionSorter;
import io.agroal.api.security.NamePrincipal;
import io.agroal.api.security.SimplePassword;
import io.agroal.pool.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.Location;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.resource.LoadableResource;
import org.flywaydb.core.internal.resource.classpath.ClassPathResource;
import org.jboss.logging.Logger;
import org.microneedling.audit.AuditSettings;

/**
 * The audit database: a connection pool built at runtime from a JDBC URL, and the Flyway schema.
 * Quarkus' own datasource fixes the database kind at build time; this does not, so one jar serves
 * both the embedded H2 file and PostgreSQL (ADR 0002).
 */
final class AuditDatabase implements AutoCloseable {

    /** One schema migration and the engines it runs on. */
    record Migration(String file, Set<Engine> engines) {
    }

    /**
     * Every migration, in order. Listed rather than scanned because class-path scanning differs between Quarkus'
     * class loaders. A migration for one engine only is simply absent from the others' history.
     */
    static final List<Migration> MIGRATIONS = List.of(
            new Migration("V1__audit_trail.sql", EnumSet.allOf(Engine.class)),
            new Migration("V2__postgresql_rows_inline.sql", EnumSet.of(Engine.POSTGRESQL)),
            new Migration("V3__record_kind_and_clinic.sql", EnumSet.allOf(Engine.class)),
            new Migration("V4__postgresql_workflow_records_index.sql", EnumSet.of(Engine.POSTGRESQL)),
            new Migration("V4__h2_workflow_records_index.sql", EnumSet.of(Engine.H2)));
    static final String MIGRATION_FOLDER = "db/audit";

    private static final Logger LOG = Logger.getLogger(AuditDatabase.class);

    enum Engine {
        H2, POSTGRESQL
    }

    private final Engine engine;
    private final String url;
    private final AgroalDataSource pool;
    private final DirectConnector writerConnector;
    private final Duration connectTimeout;
    private volatile boolean migrated;

    /** Opens connections with the driver itself, outside the pool. */
    private record DirectConnector(java.sql.Driver driver, String url, java.util.Properties properties) {

        Connection connect() throws SQLException {
            Connection connection = driver.connect(url, properties);
            if (connection == null) {
                throw new SQLException("No driver accepts " + url);
            }
            return connection;
        }
    }

    private AuditDatabase(Engine engine, String url, AgroalDataSource pool, DirectConnector writerConnector,
            Duration connectTimeout) {
        this.engine = engine;
        this.url = url;
        this.pool = pool;
        this.writerConnector = writerConnector;
        this.connectTimeout = connectTimeout;
    }

    static AuditDatabase open(AuditSettings settings) {
        Engine engine = engineOf(settings.jdbcUrl());
        String url = engine == Engine.H2 ? h2Url(settings.jdbcUrl()) : settings.jdbcUrl();
        Class<?> driver = engine == Engine.H2 ? org.h2.Driver.class : org.postgresql.Driver.class;
        String username = settings.username() != null ? settings.username() : engine == Engine.H2 ? "sa" : null;
        Duration connectTimeout = settings.connectTimeout();

        AgroalDataSourceConfigurationSupplier configuration = new AgroalDataSourceConfigurationSupplier()
                .connectionPoolConfiguration(pool -> pool
                        .initialSize(0)
                        .minSize(0)
                        .maxSize(settings.poolMaxSize())
                        // A request must never wait long for a connection: it is answered 503 instead.
                        .acquisitionTimeout(connectTimeout)
                        .idleValidationTimeout(Duration.ofSeconds(5))
                        .validationTimeout(Duration.ofSeconds(30))
                        .connectionValidator(ConnectionValidator.defaultValidator())
                        .exceptionSorter(engine == Engine.POSTGRESQL
                                ? new PostgreSQLExceptionSorter()
                                : ExceptionSorter.defaultExceptionSorter())
                        .connectionFactoryConfiguration(factory -> connectionFactory(factory, engine, url, driver,
                                username, settings)));
        AgroalDataSource pool = new DataSource(configuration.get());
        java.util.Properties direct = new java.util.Properties();
        if (username != null) {
            direct.setProperty("user", username);
        }
        direct.setProperty("password", settings.password() != null ? settings.password() : "");
        if (engine == Engine.POSTGRESQL) {
            postgresTimeouts(settings).forEach(direct::setProperty);
            // The writer's statements are small: a commit without an answer must free the writer soon after its
            // callers were answered 503, not after the readers' longer socket timeout.
            direct.setProperty("socketTimeout", Long.toString(Math.max(2, ceilSeconds(settings.commitTimeout()) + 1)));
            // A batch goes to the server as multi-row INSERTs instead of one statement per record: far fewer
            // round trips and executions per commit (docs/performance.md).
            direct.setProperty("reWriteBatchedInserts", "true");
        }
        java.sql.Driver directDriver = engine == Engine.H2 ? new org.h2.Driver() : new org.postgresql.Driver();
        return new AuditDatabase(engine, url, pool, new DirectConnector(directDriver, url, direct), connectTimeout);
    }

    /** Without these a stopped or unreachable server leaves a caller waiting for the OS TCP timeout. */
    private static java.util.Map<String, String> postgresTimeouts(AuditSettings settings) {
        String connect = Long.toString(ceilSeconds(settings.connectTimeout()));
        return java.util.Map.of(
                "connectTimeout", connect,
                "loginTimeout", connect,
                "socketTimeout", Long.toString(ceilSeconds(settings.socketTimeout())),
                "tcpKeepAlive", "true",
                "reWriteBatchedInserts", "true",
                "ApplicationName", "microneedling-audit");
    }

    private static AgroalConnectionFactoryConfigurationSupplier connectionFactory(
            AgroalConnectionFactoryConfigurationSupplier factory, Engine engine, String url, Class<?> driver,
            String username, AuditSettings settings) {
        factory.jdbcUrl(url)
                .connectionProviderClass(driver)
                .autoCommit(true)
                .loginTimeout(settings.connectTimeout());
        if (username != null) {
            factory.principal(new NamePrincipal(username));
        }
        factory.credential(new SimplePassword(settings.password() != null ? settings.password() : ""));
        if (engine == Engine.POSTGRESQL) {
            postgresTimeouts(settings).forEach(factory::jdbcProperty);
        }
        return factory;
    }

    static Engine engineOf(String jdbcUrl) {
        String lower = jdbcUrl.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:h2:")) {
            return Engine.H2;
        }
        if (lower.startsWith("jdbc:postgresql:")) {
            return Engine.POSTGRESQL;
        }
        throw new IllegalArgumentException("audit.db.url must be a jdbc:h2: or jdbc:postgresql: URL");
    }

    /**
     * H2 writes committed changes to its file only every 500 ms by default, so a {@code kill -9} could lose
     * records already answered with 200; {@code WRITE_DELAY=0} writes each commit before it returns.
     */
    static final int H2_CACHE_KB = 4096;

    /** Fill rate below which H2 rewrites the live pages of sparse chunks into new ones. */
    static final int H2_TARGET_FILL_RATE = 80;
    /** Upper bound of what one maintenance step rewrites, so a commit is never delayed by much. */
    static final int H2_REWRITE_BYTES_PER_STEP = 1024 * 1024;
    private static final long MAINTENANCE_INTERVAL_NANOS = 200_000_000L;
    private long lastMaintenanceNanos = System.nanoTime();

    /**
     * Called by the audit writer after each commit. H2 writes a new chunk for every commit; with
     * {@code WRITE_DELAY=0} it runs none of its background housekeeping, so chunks that keep a few live pages are
     * never rewritten: the file grew by about 25 KB per record and the in-memory chunk table by one entry per
     * commit, without bound (which would end in an out-of-memory error). The writer calls this when no caller is
     * waiting; at most five times a second it rewrites up to 1 MB of live pages out of the sparsest chunks, after
     * which H2 frees them.
     */
    void maintain(Connection connection) {
        if (engine != Engine.H2 || System.nanoTime() - lastMaintenanceNanos < MAINTENANCE_INTERVAL_NANOS) {
            return;
        }
        lastMaintenanceNanos = System.nanoTime();
        try {
            org.h2.engine.Session session = connection.unwrap(org.h2.jdbc.JdbcConnection.class).getSession();
            if (session instanceof org.h2.engine.SessionLocal local && local.getDatabase().getStore() != null) {
                local.getDatabase().getStore().getMvStore().compact(H2_TARGET_FILL_RATE, H2_REWRITE_BYTES_PER_STEP);
            }
        } catch (SQLException | RuntimeException e) {
            // The batch is already committed and must be answered as such; compaction is tried again later.
            LOG.debugf("H2 compaction step failed: %s", e.getClass().getName());
        }
    }

    static String h2Url(String url) {
        String upper = url.toUpperCase(Locale.ROOT);
        StringBuilder result = new StringBuilder(url);
        if (upper.startsWith("JDBC:H2:MEM:")) {
            // An in-memory database would vanish when the pool closes its last idle connection.
            if (!upper.contains(";DB_CLOSE_DELAY=")) {
                result.append(";DB_CLOSE_DELAY=-1");
            }
            return result.toString();
        }
        if (!upper.contains(";WRITE_DELAY=")) {
            result.append(";WRITE_DELAY=0");
        }
        if (!upper.contains(";CACHE_SIZE=")) {
            // The audit is written far more than read, and pages H2 keeps cached end up in the old generation, where
            // replacing them costs full collections (60-70 ms pauses under load with H2's default 16 MB).
            result.append(";CACHE_SIZE=").append(H2_CACHE_KB);
        }
        if (!upper.contains(";DB_CLOSE_ON_EXIT=")) {
            // The service closes the database itself after the last request; H2's own hook could run first.
            result.append(";DB_CLOSE_ON_EXIT=FALSE");
        }
        return result.toString();
    }

    private static long ceilSeconds(Duration duration) {
        return Math.max(1, (duration.toMillis() + 999) / 1000);
    }

    Engine engine() {
        return engine;
    }

    String url() {
        return url;
    }

    boolean migrated() {
        return migrated;
    }

    Connection connection() throws SQLException {
        return pool.getConnection();
    }

    /**
     * A connection of its own for the single writer, outside the pool: readers can never starve it, and after an
     * outage it simply reconnects instead of depending on the pool's recovery.
     */
    Connection openDirect() throws SQLException {
        return writerConnector.connect();
    }

    /** Brings the schema up to date once; later calls return at once. */
    synchronized void migrate() {
        if (migrated) {
            return;
        }
        long start = System.nanoTime();
        flyway().load().migrate();
        migrated = true;
        LOG.debugf("Audit schema ready in %d ms", (System.nanoTime() - start) / 1_000_000);
    }

    /** Brings the schema up to {@code version} only: how tests build a database as an earlier release left it. */
    void migrateTo(String version) {
        flyway().target(MigrationVersion.fromVersion(version)).load().migrate();
    }

    private FluentConfiguration flyway() {
        ClassLoader loader = AuditDatabase.class.getClassLoader();
        return Flyway.configure(loader)
                .dataSource(pool)
                .table("audit_schema_history")
                .locations(MIGRATION_FOLDER)
                .resourceProvider(new ListedMigrations(loader, engine))
                .javaMigrationClassProvider(List::of)
                .failOnMissingLocations(false)
                .cleanDisabled(true);
    }

    /** True when a connection answers a query within the connect timeout. */
    boolean ping() {
        try (Connection connection = pool.getConnection()) {
            return connection.isValid((int) ceilSeconds(connectTimeout));
        } catch (SQLException e) {
            return false;
        }
    }

    /** Drops every pooled connection, so none that died with the server is handed out again. */
    void discardConnections() {
        pool.flush(AgroalDataSource.FlushMode.ALL);
    }

    @Override
    public void close() {
        pool.close();
    }

    private static final class ListedMigrations implements ResourceProvider {

        private final ClassLoader loader;
        private final List<String> names;
        private final Location location = new Location("classpath:" + MIGRATION_FOLDER);

        ListedMigrations(ClassLoader loader, Engine engine) {
            this.loader = loader;
            this.names = MIGRATIONS.stream().filter(m -> m.engines().contains(engine)).map(Migration::file).toList();
        }

        @Override
        public LoadableResource getResource(String name) {
            return names.contains(name) ? resource(name) : null;
        }

        @Override
        public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
            return names.stream()
                    .filter(name -> name.startsWith(prefix) && Arrays.stream(suffixes).anyMatch(name::endsWith))
                    .map(this::resource)
                    .toList();
        }

        private LoadableResource resource(String name) {
            return new ClassPathResource(location, MIGRATION_FOLDER + "/" + name, loader, StandardCharsets.UTF_8);
        }
    }
}
