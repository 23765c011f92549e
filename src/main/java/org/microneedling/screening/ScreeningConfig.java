package org.microneedling.screening;

import java.time.ZoneId;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "screening")
public interface ScreeningConfig {

    /** Time zone whose current date is the default {@code asOf}. */
    @WithDefault("UTC")
    ZoneId zone();

    /** Largest accepted single questionnaire body, in bytes. */
    @WithDefault("65536")
    int maxBodyBytes();

    Batch batch();

    interface Batch {

        /** Most questionnaires accepted in one batch request. */
        @WithDefault("1000")
        int maxSize();

        /** Largest accepted batch body, in bytes. */
        @WithDefault("4194304")
        int maxBodyBytes();
    }
}
