package org.microneedling.audit;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The outcome of re-computing every hash chain: intact, or the first record where a chain breaks.
 *
 * @param records records checked over all chains
 * @param firstBroken the first break found (chains in id order), null when intact
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Verification(boolean intact, long records, Break firstBroken, List<Chain> chains, Instant verifiedAt) {

    /**
     * One chain.
     *
     * @param anchorSequence sequence of the last purged record the chain now starts after, 0 when never purged
     * @param lastSequence sequence of the chain's last record, or of its anchor when every record was purged
     * @param headHash hash of that last record; worth copying outside the database now and then (docs/audit.md)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Chain(String chainId, boolean intact, long records, long anchorSequence, long lastSequence,
            String headHash, Break firstBroken) {
    }

    /**
     * Where and why a chain breaks.
     *
     * @param id the record's row id, null when the record is missing
     * @param sequence the record's position in its chain
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Break(String chainId, Long id, long sequence, String reason) {
    }
}
