package org.microneedling.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code kill -9} of a real JVM right after appends returned loses none of them: the embedded journal writes (and
 * syncs) each batch before its appends return, and so does an H2 file ({@code WRITE_DELAY=0}).
 */
class CrashDurabilityTest {

    @TempDir
    Path dataDir;

    @Test
    void killMinus9LosesNoAnsweredRecordOfTheJournal() throws Exception {
        Path journal = dataDir.resolve("journal");
        List<UUID> answered = runAndKill(journal.toString(), 300);

        assertNoAnsweredRecordLost(AuditSettings.forJournal(journal), answered);
    }

    @Test
    void killMinus9LosesNoAnsweredRecordOfAnH2File() throws Exception {
        String url = AuditSettings.embeddedUrl(dataDir);
        List<UUID> answered = runAndKill(url, 300);

        assertNoAnsweredRecordLost(AuditSettings.forUrl(url, null, null), answered);
    }

    private static void assertNoAnsweredRecordLost(AuditSettings settings, List<UUID> answered) {
        try (AuditStore reopened = AuditStores.open(settings)) {
            assertThat(answered).hasSizeGreaterThanOrEqualTo(300)
                    .allSatisfy(id -> assertThat(reopened.findResult(id)).as("record %s", id).isPresent());
            Verification verification = reopened.verify();
            assertThat(verification.intact()).isTrue();
            assertThat(verification.records()).isGreaterThanOrEqualTo(answered.size());
            System.out.printf("kill -9 after %d answered appends: %d records on disk, chain intact%n",
                    answered.size(), verification.records());
        }
    }

    /**
     * Starts the child on a JDBC URL or a journal folder, waits for {@code atLeast} answered appends, kills it with
     * SIGKILL, returns every id it answered.
     */
    static List<UUID> runAndKill(String url, int atLeast) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                AuditCrashChild.class.getName(), url)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        List<UUID> answered = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith("committed ")) {
                    answered.add(UUID.fromString(line.substring("committed ".length())));
                    if (answered.size() == atLeast) {
                        // SIGKILL: no shutdown hook, no H2 close, nothing flushed on the way out. Through the
                        // handle, because Process.destroyForcibly also closes the pipe still being read here.
                        child.toHandle().destroyForcibly();
                    }
                }
            }
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(child.exitValue()).as("killed by SIGKILL").isEqualTo(137);
        return answered;
    }
}
