package org.microneedling.audit.journal;

import java.io.IOException;
import java.nio.file.Path;

/** A frame that cannot be read: torn, overwritten or cut. */
final class DamagedFrameException extends IOException {

    private static final long serialVersionUID = 1L;

    private final long offset;

    DamagedFrameException(Path segment, long offset, String what) {
        super(segment.getFileName() + " at byte " + offset + ": " + what);
        this.offset = offset;
    }

    /** Where the damaged frame starts. */
    long offset() {
        return offset;
    }
}
