package org.microneedling.audit;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.microneedling.common.ClinicId;

/**
 * The outcome of re-computing every hash chain: intact, or the first record where a chain breaks.
 *
 * @param records records checked over all chains: of the clinic asked about, or of every clinic
 * @param firstBroken the first break found (chains in id order), null when intact
 */
@Schema(name = "AuditVerification")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Verification(boolean intact, long records, Break firstBroken, List<Chain> chains, Instant verifiedAt) {

    /**
     * This verification as {@code clinicId} may see it: every chain's sequences and head hash tell how many records
     * every clinic made, so only the {@code default} clinic (the operator's) and the service itself (null) see them.
     */
    public Verification visibleTo(String clinicId) {
        if (clinicId == null || ClinicId.DEFAULT.equals(clinicId)) {
            return this;
        }
        List<Chain> counted = chains.stream()
                .map(c -> new Chain(c.chainId(), c.intact(), c.records(), null, null, null, c.firstBroken()))
                .toList();
        return new Verification(intact, records, firstBroken, counted, verifiedAt);
    }

    /** Whether a record counts for a verification asked by {@code clinicId}. */
    public static boolean counts(String clinicId, AuditEntry entry) {
        return clinicId == null || clinicId.equals(entry.clinicOrDefault());
    }

    /**
     * One chain.
     *
     * @param records the chain's records of the clinic asked about, or of every clinic
     * @param anchorSequence sequence of the last purged record the chain now starts after, 0 when never purged;
     *        null for a clinic other than {@code default}
     * @param lastSequence sequence of the chain's last record, or of its anchor when every record was purged;
     *        null for a clinic other than {@code default}
     * @param headHash hash of that last record; worth copying outside the database now and then (docs/audit.md);
     *        null for a clinic other than {@code default}
     */
    @Schema(name = "AuditChain")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Chain(String chainId, boolean intact, long records, Long anchorSequence, Long lastSequence,
            String headHash, Break firstBroken) {
    }

    /**
     * Where and why a chain breaks.
     *
     * @param id the record's row id, null when the record is missing
     * @param sequence the record's position in its chain
     */
    @Schema(name = "ChainBreak")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Break(String chainId, Long id, long sequence, String reason) {
    }
}
