package org.microneedling.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.microneedling.audit.AuditEntry;
import org.microneedling.audit.AuditSettings;
import org.microneedling.audit.AuditStore;
import org.microneedling.audit.jdbc.JdbcAuditStore;
import org.microneedling.audit.jdbc.TestDatabases;
import org.microneedling.audit.journal.JournalAuditStore;
import org.microneedling.common.ClinicId;
import org.microneedling.common.Messages;
import org.microneedling.common.ProblemException;
import org.microneedling.common.Violation;
import org.microneedling.screening.rules.Decision;
import org.microneedling.screening.rules.Ruleset;

/**
 * Every body the reader accepts is recorded by PostgreSQL exactly as by the embedded journal: the fuzz corpus plus
 * hostile text (NUL and other control characters, half surrogate pairs, emoji, other encodings). A body one store
 * refused would be a 500 on that store only. Needs PostgreSQL ({@code source .ci/postgres.sh}).
 */
class AuditStoresAcceptTheSameInputsTest {

    private static final QuestionnaireReader READER = DefaultScreeningConfig.reader();
    private static final Messages MESSAGES = Messages.of(Locale.ENGLISH);
    private static final Ruleset RULESET = Ruleset.defaults();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path journalDir;

    @Test
    void everyAcceptedBodyIsRecordedAndReadBackIdenticallyByBothStores() throws Exception {
        Map<String, byte[]> corpus = corpus();
        List<AuditEntry> accepted = new ArrayList<>();
        for (Map.Entry<String, byte[]> body : corpus.entrySet()) {
            AuditEntry entry = entryFor(body.getValue());
            if (entry != null) {
                accepted.add(entry);
            }
        }
        assertThat(accepted).as("the corpus holds accepted bodies").hasSizeGreaterThan(10)
                .hasSizeLessThan(corpus.size());

        AuditSettings postgres = TestDatabases.postgres();
        try (AuditStore database = JdbcAuditStore.open(postgres);
                AuditStore journal = JournalAuditStore.open(AuditSettings.forJournal(journalDir))) {
            for (AuditEntry entry : accepted) {
                database.append(List.of(entry));
                journal.append(List.of(entry));
                assertThat(database.findResult(entry.screeningId())).contains(entry.result());
                assertThat(journal.findResult(entry.screeningId())).contains(entry.result());
            }
            assertThat(database.verify().intact()).isTrue();
            assertThat(journal.verify().intact()).isTrue();
        }
    }

    /** What the service would record for the body, or {@code null} when the reader refuses it. */
    private static AuditEntry entryFor(byte[] body) throws IOException {
        QuestionnaireReader.Valid valid;
        try {
            List<Violation> violations = new ArrayList<>();
            var node = READER.parse(body, MESSAGES);
            if (!node.isObject()) {
                return null;
            }
            valid = READER.read(node, "", MESSAGES, violations);
        } catch (ProblemException refused) {
            return null;
        }
        if (valid == null) {
            return null;
        }
        Decision decision = RULESET.decide(valid.intake());
        UUID id = UUID.randomUUID();
        ObjectNode result = JSON.createObjectNode().put("screeningId", id.toString())
                .put("outcome", decision.outcome().name())
                .put("externalReference", valid.request().externalReference());
        result.set("medications", JSON.valueToTree(valid.intake().medications()));
        return new AuditEntry(id, new String(body, StandardCharsets.UTF_8), JSON.writeValueAsString(result),
                Ruleset.NAME, Ruleset.VERSION, RULESET.digest(), valid.intake().asOf(),
                valid.request().externalReference(), "client-1", "json", Instant.now(), AuditEntry.SCREENING,
                ClinicId.DEFAULT);
    }

    private static Map<String, byte[]> corpus() throws IOException, URISyntaxException {
        Map<String, byte[]> corpus = new LinkedHashMap<>();
        Path seeds = Path.of(AuditStoresAcceptTheSameInputsTest.class
                .getResource("QuestionnaireFuzzTestInputs/jsonToDecision").toURI());
        try (Stream<Path> files = Files.list(seeds)) {
            for (Path file : files.sorted().toList()) {
                corpus.put(file.getFileName().toString(), Files.readAllBytes(file));
            }
        }
        String baseline = Questionnaires.eligible().json();
        for (String hostile : List.of("\\u0000", "\\u0007", "\\u001f", "\\u007f", "\\u009f", "\\ud800", "\\udc00",
                "\\ud83d\\ude00", "\\t", "\\n", "é")) {
            corpus.put("externalReference " + hostile, baseline.replace("\"visit-test-0001\"",
                    "\"visit" + hostile + "\"").getBytes(StandardCharsets.UTF_8));
            corpus.put("medication " + hostile, baseline.replace("\"metformin 500 mg\"",
                    "\"aspirin" + hostile + "81\"").getBytes(StandardCharsets.UTF_8));
        }
        for (String charset : List.of("UTF-16", "UTF-16LE", "UTF-32", "ISO-8859-1")) {
            corpus.put(charset, Questionnaires.eligible().answer("externalReference", "café").json()
                    .getBytes(java.nio.charset.Charset.forName(charset)));
        }
        return corpus;
    }
}
