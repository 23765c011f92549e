package org.microneedling.audit.journal;

import java.nio.charset.StandardCharsets;

/**
 * One record as stored: its canonical bytes (the hash chain's own encoding) and the SHA-256 stored beside them.
 * On disk a segment starts with {@link #MAGIC}; each frame is its payload length (4 bytes, big-endian), the CRC-32C of
 * its flags and payload (4), its flags (1) and the payload: the canonical bytes, then the digest.
 */
record Frame(byte[] canonical, byte[] storedDigest) {

    static final byte[] MAGIC = "MNAUDIT1".getBytes(StandardCharsets.US_ASCII);
    /** Payload length (4), CRC-32C of flags and payload (4), flags (1). */
    static final int HEADER_BYTES = 9;
    /** The flag of the last frame of a batch: frames after the last one of these were never answered. */
    static final byte UNIT_END = 1;
    static final int DIGEST_BYTES = 32;
    /** Far above any record the API accepts (64 KiB questionnaire plus its result); a larger length is damage. */
    static final int MAX_PAYLOAD_BYTES = 16 * 1024 * 1024;
}
