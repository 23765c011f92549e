package org.microneedling.audit.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.microneedling.audit.AuditRecords;
import org.microneedling.audit.ChainHash;
import org.microneedling.audit.ChainVerifier;
import org.microneedling.audit.Verification;

/** Re-computes every chain of the database, each in {@code seq} order, in one snapshot. */
final class JdbcChainVerifier {

    private static final int FETCH_SIZE = 500;

    private JdbcChainVerifier() {
    }

    /**
     * @param committedHeads the last sequence this process committed per chain: a database ending earlier has lost
     *        its newest records, which a chain alone cannot show
     * @param clinicId the clinic whose records are counted, null for every clinic's
     */
    static Verification verify(Connection connection, Map<String, Long> committedHeads, String clinicId)
            throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        int isolation = connection.getTransactionIsolation();
        // One snapshot for anchors and records, so a purge running meanwhile cannot look like a break; PostgreSQL
        // also streams rows with a fetch size only inside a transaction.
        connection.setAutoCommit(false);
        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        connection.setReadOnly(true);
        try {
            List<String> chainIds = new ArrayList<>(AuditTables.chainIds(connection));
            committedHeads.keySet().stream().filter(id -> !chainIds.contains(id)).forEach(chainIds::add);
            chainIds.sort(null);
            List<Verification.Chain> chains = new ArrayList<>();
            long total = 0;
            Verification.Break first = null;
            for (String chainId : chainIds) {
                Verification.Chain chain = verifyChain(connection, chainId, committedHeads.getOrDefault(chainId, -1L),
                        clinicId);
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

    private static Verification.Chain verifyChain(Connection connection, String chainId, long committedHead,
            String clinicId) throws SQLException {
        AuditRecords.Head anchor = AuditTables.anchor(connection, chainId).orElse(AuditRecords.Head.GENESIS);
        long expectedSeq = anchor.seq() + 1;
        String expectedPrev = anchor.hash();
        long records = 0;
        Verification.Break broken = null;
        try (PreparedStatement query = connection.prepareStatement(AuditTables.SELECT_CHAIN)) {
            query.setFetchSize(FETCH_SIZE);
            query.setString(1, chainId);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    long id = row.getLong("id");
                    ChainHash.Content content = AuditTables.readContent(row);
                    if (Verification.counts(clinicId, content.entry())) {
                        records++;
                    }
                    String storedHash = row.getString("hash");
                    if (broken == null) {
                        broken = ChainVerifier.check(chainId, id, content, storedHash, expectedSeq, expectedPrev);
                    }
                    expectedSeq = content.seq() + 1;
                    expectedPrev = storedHash;
                }
            }
        }
        long lastSeq = expectedSeq - 1;
        if (broken == null) {
            broken = ChainVerifier.missingTail(chainId, lastSeq, committedHead);
        }
        return new Verification.Chain(chainId, broken == null, records, anchor.seq(), lastSeq, expectedPrev, broken);
    }
}
