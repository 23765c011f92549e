package org.microneedling.audit.journal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.io.TempDir;
import org.microneedling.audit.AuditSettings;
import org.microneedling.audit.AuditStore;
import org.microneedling.audit.RecordKindsContract;
import org.microneedling.audit.RecordQuery;

class JournalRecordKindsTest extends RecordKindsContract {

    @TempDir
    Path dataDir;

    @Override
    protected AuditStore openStore() {
        return JournalAuditStore.open(AuditSettings.forJournal(dataDir.resolve("journal")));
    }

    /** Rewrites the record's frame with a valid checksum, as someone with write access could. */
    @Override
    protected void changeStoredResult(UUID id) throws Exception {
        List<UUID> recorded = new ArrayList<>();
        store.scan(RecordQuery.all(), entry -> recorded.add(entry.screeningId()));
        Path segment = ((JournalAuditStore) store).journalOrReopen().segments().get(0).path();
        JournalAuditStoreTest.rewriteFrame(segment, recorded.indexOf(id), canonical -> new String(canonical,
                StandardCharsets.ISO_8859_1).replace("clinic-b\"}", "clinic-x\"}").getBytes(StandardCharsets.ISO_8859_1));
    }
}
