package org.microneedling.audit;

/**
 * What both stores check when they re-compute a chain from its latest anchor (or genesis): the first record that
 * does not fit (changed content, a changed or forked link, a missing record) and a missing tail.
 */
public final class ChainVerifier {

    private ChainVerifier() {
    }

    /** Records this instance committed after the last one still there: someone cut the chain's end. */
    public static Verification.Break missingTail(String chainId, long lastSeq, long committedHead) {
        if (committedHead <= lastSeq) {
            return null;
        }
        return new Verification.Break(chainId, null, lastSeq + 1, "records " + (lastSeq + 1) + " to "
                + committedHead + " were committed by this instance but are missing (deleted from the end)");
    }

    /** The first thing wrong with one record, given what the record before it said; null when nothing is. */
    public static Verification.Break check(String chainId, long id, ChainHash.Content content, String storedHash,
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
