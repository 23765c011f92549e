package org.microneedling.common;

import java.util.concurrent.CompletionStage;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Continues an asynchronous step on the Vert.x context of the request that started it. The audit writer
 * completes a commit for many requests at once; their answers are then written by their own event loops,
 * not by the writer thread, which goes straight back to committing.
 */
public final class CallerContext {

    private CallerContext() {
    }

    public static <T> Uni<T> resumeOn(CompletionStage<T> stage) {
        Context caller = Vertx.currentContext();
        Uni<T> uni = Uni.createFrom().completionStage(stage);
        return caller == null ? uni : uni.emitOn(task -> caller.runOnContext(ignored -> task.run()));
    }
}
