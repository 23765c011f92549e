package org.microneedling.cdshooks;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.UUID;

import org.junit.jupiter.api.io.TempDir;

import org.microneedling.audit.AuditSettings;
import org.microneedling.audit.AuditStore;
import org.microneedling.audit.journal.JournalAuditStore;
import org.microneedling.audit.journal.JournalFiles;

/** Feedback on the embedded journal. */
class JournalFeedbackTest extends FeedbackAuditContract {

    @TempDir
    Path dir;

    @Override
    protected AuditStore openStore() {
        return JournalAuditStore.open(AuditSettings.forJournal(dir.resolve("journal")));
    }

    @Override
    protected void replaceInStoredResult(UUID id, String from, String to) throws Exception {
        JournalFiles.rewriteRecord((JournalAuditStore) store, id, canonical -> new String(canonical,
                StandardCharsets.ISO_8859_1).replace(from, to).getBytes(StandardCharsets.ISO_8859_1));
    }
}
