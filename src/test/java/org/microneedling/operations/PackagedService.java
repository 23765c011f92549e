package org.microneedling.operations;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The packaged jar ({@code target/quarkus-app/quarkus-run.jar}) running as a child process, with the JVM options
 * of the container image ({@code docker/jvm.options}) and its memory limit, as the operations tests need it.
 */
final class PackagedService implements AutoCloseable {

    static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");
    static final Path JVM_OPTIONS = Path.of("docker/jvm.options");
    /** The container's memory limit in docker/k8s/deployment.yaml; -XX:MaxRAM makes the JVM size itself from it. */
    static final String CONTAINER_MEMORY = "384m";

    static final String SAMPLE_QUESTIONNAIRE = """
            {"externalReference":"ops-test","asOf":"2026-11-25",
             "patient":{"dateOfBirth":"1990-06-15","age":36,"pregnant":"NO","breastfeeding":"NO","fitzpatrickSkinType":"III"},
             "history":{"activeAcne":"NO","activeColdSores":"NO","coldSoreHistory":"NO","otherActiveSkinInfection":"NO",
              "eczema":"NO","psoriasis":"NO","keloidOrHypertrophicScarring":"NO","bleedingDisorder":"NO",
              "takesBloodThinners":"NO","radiationTherapy":"NO","topicalAnestheticAllergy":"NO","isotretinoin":"NO",
              "skinCancerInTreatmentArea":"NO","immunosuppressed":"NO","metalAllergy":"NO","sunburnInTreatmentArea":"NO"},
             "medications":["metformin 500 mg"],
             "treatment":{"energyAssisted":false,"needleDepthMm":1.0}}
            """;

    private final Process process;
    private final URI base;
    private final Path log;

    private PackagedService(Process process, URI base, Path log) {
        this.process = process;
        this.base = base;
        this.log = log;
    }

    /** The key every test instance accepts: client operations-test, default clinic, roles screening, audit, admin. */
    static final String API_KEY = "operations-test-key-" + UUID.randomUUID();

    /** A client of one clinic, with a key of its own, as a line of the key file names it. */
    record Client(String clientId, String roles, String clinicId, String key) {

        static Client of(String clientId, String roles, String clinicId) {
            return new Client(clientId, roles, clinicId, clientId + "-key-" + UUID.randomUUID());
        }

        String keyFileLine() {
            return clientId + " " + roles + " " + sha256Hex(key) + " " + clinicId;
        }
    }

    /** Starts the jar on a free port with the given system properties ({@code key=value}). */
    static PackagedService start(String name, List<String> properties) throws IOException {
        return start(name, properties, JAR);
    }

    /** Starts the given copy of the jar on a free port with the given system properties ({@code key=value}). */
    static PackagedService start(String name, List<String> properties, Path jar) throws IOException {
        return start(name, properties, jar, List.of());
    }

    /** Starts the jar with the given system properties, accepting the given clients' keys beside the test key. */
    static PackagedService start(String name, List<String> properties, List<Client> clients) throws IOException {
        return start(name, properties, JAR, clients);
    }

    /** Starts the jar on the given java, with JVM arguments of its own after those of the container. */
    static PackagedService start(String name, Path java, List<String> jvmArguments, List<String> properties)
            throws IOException {
        return start(name, java, jvmArguments, properties, JAR);
    }

    /** Starts the given copy of the jar on the given java, with JVM arguments of its own. */
    static PackagedService start(String name, Path java, List<String> jvmArguments, List<String> properties,
            Path jar) throws IOException {
        return start(name, java, jvmArguments, properties, jar, List.of());
    }

    private static PackagedService start(String name, List<String> properties, Path jar, List<Client> clients)
            throws IOException {
        return start(name, javaBinary(), List.of(), properties, jar, clients);
    }

    private static PackagedService start(String name, Path java, List<String> jvmArguments, List<String> properties,
            Path jar, List<Client> clients) throws IOException {
        int port = freePort();
        Path log = Files.createTempFile("screening-" + name, ".log");
        Path keys = Files.createTempFile("screening-" + name, ".keys");
        StringBuilder keyFile = new StringBuilder("operations-test screening,audit,admin " + sha256Hex(API_KEY) + "\n");
        clients.forEach(client -> keyFile.append(client.keyFileLine()).append('\n'));
        Files.writeString(keys, keyFile);
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(containerJvmOptions());
        command.addAll(jvmArguments);
        command.add("-Dquarkus.http.port=" + port);
        command.add("-Dscreening.auth.api-keys-file=" + keys);
        properties.forEach(property -> command.add("-D" + property));
        command.add("-jar");
        command.add(jar.toString());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new PackagedService(process, URI.create("http://127.0.0.1:" + port), log);
    }

    URI uri(String path) {
        return base.resolve(path);
    }

    Process process() {
        return process;
    }

    String log() throws IOException {
        return Files.readString(log);
    }

    /** Waits until readiness answers 200, failing with the service's log if it never does. */
    void awaitReady(HttpClient http) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("The service exited with " + process.exitValue() + "; its log:\n" + log());
            }
            try {
                HttpResponse<Void> ready = http.send(HttpRequest.newBuilder(uri("/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // keep polling
            }
            Thread.sleep(50);
        }
        throw new AssertionError("The service did not become ready; its log:\n" + log());
    }

    /** A request to this instance with the test client's key. */
    HttpRequest.Builder authorized(String path) {
        return HttpRequest.newBuilder(uri(path)).header("X-API-Key", API_KEY);
    }

    /** A request to this instance with the given client's key. */
    HttpRequest.Builder authorized(String path, Client client) {
        return HttpRequest.newBuilder(uri(path)).header("X-API-Key", client.key());
    }

    /** A JSON POST to this instance with the given client's key. */
    HttpRequest post(String path, Client client, String json) {
        return jsonPost(authorized(path, client), json);
    }

    HttpRequest screening() {
        return jsonPost(authorized("/api/v1/screenings"), SAMPLE_QUESTIONNAIRE);
    }

    private static HttpRequest jsonPost(HttpRequest.Builder request, String json) {
        return request.header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(20))
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    private static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The JVM options of the container image, with its memory limit. */
    static List<String> containerJvmOptions() throws IOException {
        List<String> options = new ArrayList<>();
        Files.readAllLines(JVM_OPTIONS).stream().map(String::strip).filter(line -> !line.isEmpty())
                .forEach(options::add);
        options.add("-XX:MaxRAM=" + CONTAINER_MEMORY);
        return options;
    }

    /** The java that runs the build (JDK 17). */
    static Path javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }
}
