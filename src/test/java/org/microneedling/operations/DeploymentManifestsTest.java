package org.microneedling.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import io.smallrye.config.ConfigMapping;

/**
 * The deployment files must match the application they deploy: probe paths and ports, the environment names the
 * configuration reads, the secrets they come from, and a grace period that covers the shutdown delay and timeout.
 */
class DeploymentManifestsTest {

    private static final Path K8S = Path.of("docker/k8s");
    private static final Set<String> CONFIG_MAPPINGS = Set.of("org.microneedling.audit.AuditConfig",
            "org.microneedling.screening.ScreeningConfig");
    /** Read by the authentication that lands separately; the file must be mounted where this points. */
    private static final String API_KEYS_FILE_ENV = "SCREENING_AUTH_API_KEYS_FILE";

    private static Properties application;
    private static Map<String, Object> deployment;
    private static Map<String, Object> container;

    @BeforeAll
    static void load() throws IOException {
        application = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of("src/main/resources/application.properties"))) {
            application.load(reader);
        }
        deployment = single("deployment.yaml");
        container = list(map(map(map(deployment, "spec"), "template"), "spec"), "containers").get(0);
    }

    @Test
    void probesUseTheHealthEndpointsOnTheHttpPort() {
        Map<String, Object> port = list(container, "ports").get(0);
        assertThat(port.get("containerPort")).isEqualTo(Integer.parseInt(application.getProperty("quarkus.http.port")));
        assertThat(application.getProperty("quarkus.smallrye-health.root-path")).as("default /q/health").isNull();
        assertThat(probe("startupProbe")).isEqualTo("/q/health/started");
        assertThat(probe("livenessProbe")).isEqualTo("/q/health/live");
        assertThat(probe("readinessProbe")).isEqualTo("/q/health/ready");
        for (String kind : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
            assertThat(map(map(container, kind), "httpGet").get("port")).isIn(port.get("name"), port.get("containerPort"));
        }
        Map<String, Object> service = single("service.yaml");
        assertThat(list(map(service, "spec"), "ports").get(0).get("targetPort")).isIn(port.get("name"),
                port.get("containerPort"));
    }

    @Test
    void everyEnvironmentNameIsOneTheConfigurationReads() throws Exception {
        Set<String> known = configurationEnvironmentNames();
        List<String> names = new ArrayList<>();
        for (Map<String, Object> env : list(container, "env")) {
            String name = (String) env.get("name");
            names.add(name);
            if (!name.equals(API_KEYS_FILE_ENV)) {
                assertThat(known).as("configuration read from %s", name).contains(name);
            }
        }
        assertThat(names).contains("AUDIT_DB_URL", "AUDIT_DB_USERNAME", "AUDIT_DB_PASSWORD", "AUDIT_CHAIN_ID",
                API_KEYS_FILE_ENV);
    }

    @Test
    void secretsExistWithTheKeysTheDeploymentReads() throws IOException {
        Map<String, Set<String>> secrets = new java.util.HashMap<>();
        for (Object document : new Yaml().loadAll(Files.readString(K8S.resolve("secrets.yaml")))) {
            @SuppressWarnings("unchecked")
            Map<String, Object> secret = (Map<String, Object>) document;
            assertThat(secret.get("kind")).isEqualTo("Secret");
            secrets.put((String) map(secret, "metadata").get("name"), map(secret, "stringData").keySet());
        }
        for (Map<String, Object> env : list(container, "env")) {
            Map<String, Object> from = map(env, "valueFrom");
            if (from != null && from.containsKey("secretKeyRef")) {
                Map<String, Object> ref = map(from, "secretKeyRef");
                assertThat(secrets.get((String) ref.get("name"))).as("secret %s", ref.get("name"))
                        .contains((String) ref.get("key"));
            }
        }
        String keysFile = list(container, "env").stream().filter(env -> API_KEYS_FILE_ENV.equals(env.get("name")))
                .map(env -> (String) env.get("value")).findFirst().orElseThrow();
        Map<String, Object> mount = list(container, "volumeMounts").get(0);
        assertThat(keysFile).startsWith(mount.get("mountPath") + "/");
        Map<String, Object> volume = list(map(map(map(deployment, "spec"), "template"), "spec"), "volumes").stream()
                .filter(v -> mount.get("name").equals(v.get("name"))).findFirst().orElseThrow();
        String secretName = (String) map(volume, "secret").get("secretName");
        assertThat(secrets.get(secretName)).contains(Path.of(keysFile).getFileName().toString());
    }

    @Test
    void gracePeriodCoversPreStopShutdownDelayAndTimeout() {
        assertThat(application.getProperty("quarkus.shutdown.delay-enabled")).isEqualTo("true");
        Duration delay = Duration.parse("PT" + application.getProperty("quarkus.shutdown.delay").toUpperCase(Locale.ROOT));
        Duration timeout = Duration.parse("PT" + application.getProperty("quarkus.shutdown.timeout").toUpperCase(Locale.ROOT));
        @SuppressWarnings("unchecked")
        List<String> preStop = (List<String>) map(map(map(container, "lifecycle"), "preStop"), "exec").get("command");
        long preStopSeconds = Long.parseLong(preStop.get(preStop.size() - 1));
        int grace = (Integer) map(map(map(deployment, "spec"), "template"), "spec").get("terminationGracePeriodSeconds");
        assertThat((long) grace).isGreaterThan(preStopSeconds + delay.toSeconds() + timeout.toSeconds());
        // The watchdog's thread dump of a hanging stop must be written before the orchestrator's SIGKILL.
        Duration watchdogMargin = Duration.parse("PT"
                + application.getProperty("screening.shutdown.watchdog-margin").toUpperCase(Locale.ROOT));
        assertThat((long) grace).isGreaterThan(preStopSeconds + delay.plus(timeout).plus(watchdogMargin).toSeconds());
    }

    @Test
    void memoryLimitIsTheOneTheBenchmarksAndTestsAssume() throws IOException {
        String limit = (String) map(map(container, "resources"), "limits").get("memory");
        assertThat(limit).isEqualTo(PackagedService.CONTAINER_MEMORY.replace("m", "Mi"));
        assertThat(Files.readString(Path.of("docker/compose.yml"))).contains("memory: 384M");
        assertThat(Files.readString(Path.of("docker/Dockerfile.jvm")))
                .contains("@/deployments/jvm.options").containsPattern("(?m)^USER 185$");
        assertThat(Files.readString(Path.of("docker/jvm.options"))).contains("-XX:MaxRAMPercentage=")
                .contains("-XX:InitialRAMPercentage=")
                // Smaller methods inlined by C2, which compiles the request path sooner after a start (ADR 0013).
                .contains("-XX:FreqInlineSize=100").contains("-XX:InlineSmallCode=1000");
    }

    /** The image runs on the JDK it writes its AOT cache with, and starts from the cache its build wrote (ADR 0012). */
    @Test
    void theImageStartsFromTheAotCacheItsOwnJavaWrote() throws IOException {
        assertThat(Files.readString(Path.of("docker/Dockerfile.jvm")))
                .containsPattern("(?m)^FROM registry\\.access\\.redhat\\.com/ubi9/openjdk-25-runtime:")
                .contains("RUN bash /tmp/cds-training/cds-training.sh /deployments/quarkus-run.jar /deployments/app.aot")
                .contains("\"-XX:AOTCache=/deployments/app.aot\", \"-jar\", \"/deployments/quarkus-run.jar\" ]");
    }

    @Test
    void autoscalerAndDisruptionBudgetTargetTheDeployment() {
        Map<String, Object> hpa = single("hpa.yaml");
        assertThat(map(map(hpa, "spec"), "scaleTargetRef").get("name")).isEqualTo(map(deployment, "metadata").get("name"));
        assertThat((Integer) map(hpa, "spec").get("minReplicas")).isGreaterThanOrEqualTo(2);
        Map<String, Object> pdb = single("pdb.yaml");
        assertThat(map(map(pdb, "spec"), "selector").get("matchLabels"))
                .isEqualTo(map(map(map(map(deployment, "spec"), "template"), "metadata"), "labels"));
    }

    /** AUDIT_DB_URL for audit.db.url, and so on, for every property of the application's @ConfigMapping types. */
    private static Set<String> configurationEnvironmentNames() throws ClassNotFoundException {
        Set<String> names = new HashSet<>();
        for (String type : CONFIG_MAPPINGS) {
            Class<?> mapping = Class.forName(type);
            collect(mapping, mapping.getAnnotation(ConfigMapping.class).prefix(), names);
        }
        application.stringPropertyNames().forEach(key -> names.add(environmentName(key)));
        return names;
    }

    private static void collect(Class<?> type, String prefix, Set<String> names) {
        for (Method method : type.getDeclaredMethods()) {
            String property = prefix + "." + kebab(method.getName());
            if (method.getReturnType().isInterface() && method.getReturnType().getDeclaringClass() == type) {
                collect(method.getReturnType(), property, names);
            } else {
                names.add(environmentName(property));
            }
        }
    }

    private static String kebab(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    private static String environmentName(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    private static String probe(String kind) {
        return (String) map(map(container, kind), "httpGet").get("path");
    }

    private static Map<String, Object> single(String file) {
        try {
            return new Yaml().load(Files.readString(K8S.resolve(file)));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        return (Map<String, Object>) parent.get(key);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> parent, String key) {
        return (List<Map<String, Object>>) parent.get(key);
    }
}
