package org.microneedling.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * A client team's TypeScript client: types generated from the committed document by openapi-typescript, a script
 * that calls the main operations through openapi-fetch, type-checked with tsc and then run with node against the
 * running service. The same npm script lints the document with Redocly's recommended rules (src/test/typescript).
 * Needs Node.js and npm; the packages come from package-lock.json (npm ci).
 */
@QuarkusTest
@TestProfile(ClientKeysProfile.class)
class TypeScriptClientTest {

    private static final Path PROJECT = Path.of("src/test/typescript");

    @TestHTTPResource("/")
    URI base;

    @Test
    void theGeneratedTypeScriptClientTypeChecksLintsCleanAndReadsEveryAnswer() throws Exception {
        assumeTrue(run(List.of("npm", "--version")).exitCode() == 0, "npm is not installed");
        if (!Files.isDirectory(PROJECT.resolve("node_modules"))) {
            assertSucceeds(run(List.of("npm", "ci", "--no-audit", "--no-fund")));
        }
        Result check = run(List.of("npm", "run", "check"));
        assertSucceeds(check);
        // Redocly exits 0 on warnings; its summary names them ("You have 1 warning.").
        assertThat(check.output()).contains("Your API description is valid").doesNotContain("You have");
        assertSucceeds(run(List.of("npm", "run", "build")));
        Result client = run(List.of("node", "dist/client.js", base.toString().replaceAll("/$", ""),
                ClientKeysProfile.DESK, ClientKeysProfile.PROVIDER));
        assertSucceeds(client);
        assertThat(client.output()).contains(" passed, 0 failed").doesNotContain("FAIL");
    }

    private static void assertSucceeds(Result result) {
        assertThat(result.exitCode()).as(result.output()).isZero();
    }

    private static Result run(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).directory(PROJECT.toFile())
                .redirectErrorStream(true);
        builder.environment().put("REDOCLY_TELEMETRY", "off");
        builder.environment().put("REDOCLY_SUPPRESS_UPDATE_NOTICE", "true");
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            return new Result(-1, e.getMessage());
        }
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
        }
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    private record Result(int exitCode, String output) {
    }
}
