package org.microneedling.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Re-computes every chain from its latest anchor (or genesis) and reports the first record that does not fit:
 * changed content, a changed or forked link, a missing record, or a missing tail.
 */
final class ChainVerifier {

    private static final int FETCH_SIZE = 500;

    private ChainVerifier() {
    }

    /**
     * @param committedHeads the last sequence this process committed per chain: a database ending earlier has lost
     *        its newest records, which a chain alone cannot show
     */
    static Verification verify(Connection connection, Map<String, Long> committedHeads) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        int isolation = connection.getTransactionIsolation();
        // One snapshot for anchors and records, so a purge running meanwhile cannot look like a break; PostgreSQL
        // also streams rows with a fetch size only inside a transaction.
        connection.setAutoCommit(false);
        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        connection.setReadOnly(true);
        try {
            List<String> chainIds = new ArrayList<>(AuditRecords.chainIds(connection));
            committedHeads.keySet().stream().filter(id -> !chainIds.contains(id)).forEach(chainIds::add);
            chainIds.sort(null);
            List<Verification.Chain> chains = new ArrayList<>();
            long total = 0;
            Verification.Break first = null;
            for (String chainId : chainIds) {
                Verification.Chain chain = verifyChain(connection, chainId, committedHeads.getOrDefault(chainId, -1L));
                chains.add(chain);
                total += chain.records();
                if (first == null && chain.firstBroken() != null) {
                    first = chain.firstBroken();
                }
            }
            connection.commit();
            return new Verification(first == null, total, first, List.copyOf(chains), Instant.now());
        } finally {
            connection.rollback();
            connection.setReadOnly(false);
            connection.setTransactionIsolation(isolation);
            connection.setAutoCommit(autoCommit);
        }
    }

    private static Verification.Chain verifyChain(Connection connection, String chainId, long committedHead)
            throws SQLException {
        AuditRecords.Head anchor = AuditRecords.anchor(connection, chainId).orElse(AuditRecords.Head.GENESIS);
        long expectedSeq = anchor.seq() + 1;
        String expectedPrev = anchor.hash();
        long records = 0;
        Verification.Break broken = null;
        try (PreparedStatement query = connection.prepareStatement(AuditRecords.SELECT_CHAIN)) {
            query.setFetchSize(FETCH_SIZE);
            query.setString(1, chainId);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    records++;
                    long id = row.getLong("id");
                    ChainHash.Content content = AuditRecords.readContent(row);
                    String storedHash = row.getString("hash");
                    if (broken == null) {
                        broken = check(chainId, id, content, storedHash, expectedSeq, expectedPrev);
                    }
                    expectedSeq = content.seq() + 1;
                    expectedPrev = storedHash;
                }
            }
        }
        long lastSeq = expectedSeq - 1;
        if (broken == null) {
            broken = missingTail(chainId, lastSeq, committedHead);
        }
        return new Verification.Chain(chainId, broken == null, records, anchor.seq(), lastSeq, expectedPrev, broken);
    }

    /** Records this instance committed after the last one still there: someone cut the chain's end. */
    static Verification.Break missingTail(String chainId, long lastSeq, long committedHead) {
        if (committedHead <= lastSeq) {
            return null;
        }
        return new Verification.Break(chainId, null, lastSeq + 1, "records " + (lastSeq + 1) + " to "
                + committedHead + " were committed by this instance but are missing (deleted from the end)");
    }

    /** The first thing wrong with one record, given what the record before it said; null when nothing is. */
    static Verification.Break check(String chainId, long id, ChainHash.Content content, String storedHash,
            long expectedSeq, String expectedPrev) {
        if (content.seq() > expectedSeq) {
            String missing = content.seq() - expectedSeq > 1
                    ? "records " + expectedSeq + " to " + (content.seq() - 1) + " are missing"
                    : "record " + expectedSeq + " is missing";
            return new Verification.Break(chainId, null, expectedSeq,
                    missing + " (deleted); the chain resumes at record " + content.seq() + " (id " + id + ")");
        }
        if (content.seq() < expectedSeq) {
            return new Verification.Break(chainId, id, content.seq(),
                    "sequence " + content.seq() + " found where " + expectedSeq + " was expected");
        }
        if (!expectedPrev.equals(content.prevHash())) {
            return new Verification.Break(chainId, id, content.seq(),
                    "previous-hash link does not match the hash of the record before it");
        }
        if (!ChainHash.hash(content).equals(storedHash)) {
            return new Verification.Break(chainId, id, content.seq(), "content does not match its hash (modified)");
        }
        return null;
    }
}
