package org.microneedling.audit.journal;

import java.io.IOException;
import java.nio.file.Path;

/** A frame that cannot be read: torn, overwritten or cut. */
final class DamagedFrameException extends IOException {

    private static final long serialVersionUID = 1L;

    DamagedFrameException(Path segment, long offset, String what) {
        super(segment.getFileName() + " at byte " + offset + ": " + what);
    }
}
