package org.microneedling.security;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.ErrorManager;
import java.util.logging.Formatter;
import java.util.logging.Handler;

import org.jboss.logmanager.ExtHandler;
import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.LogContext;
import org.jboss.logmanager.Logger;
import org.jboss.logmanager.handlers.AsyncHandler;
import org.jboss.logmanager.handlers.ConsoleHandler;

/**
 * The console for one busy category, written in blocks: formatted exactly as the console handler formats every other
 * line, gathered in memory and written out at most {@code BLOCK_BYTES} at a time, at the flush interval it was
 * installed with, and when it is uninstalled. One write to stdout per access line cost about a tenth of a
 * screening's CPU under load; a block of a few hundred lines costs one write. The category's other handlers (a log
 * file, say) still get every line as it happens.
 */
final class BlockWrittenConsole extends ExtHandler {

    static final int BLOCK_BYTES = 64 * 1024;
    /** The longest an access line waits for the console in the service. */
    static final Duration FLUSH_INTERVAL = Duration.ofMillis(200);

    private final OutputStream out;
    private final ByteArrayOutputStream block = new ByteArrayOutputStream(BLOCK_BYTES + 1024);
    /** Writes out what has gathered; started by {@link #install}, stopped by {@link #uninstall}. */
    private ScheduledExecutorService flusher;

    BlockWrittenConsole(OutputStream out, Formatter formatter) {
        this.out = out;
        setFormatter(formatter);
    }

    @Override
    protected void doPublish(ExtLogRecord record) {
        byte[] line;
        try {
            line = getFormatter().format(record).getBytes(StandardCharsets.UTF_8);
        } catch (RuntimeException e) {
            reportError("Could not format an access line", e, ErrorManager.FORMAT_FAILURE);
            return;
        }
        synchronized (block) {
            block.writeBytes(line);
            if (block.size() >= BLOCK_BYTES) {
                writeOut();
            }
        }
    }

    @Override
    public void flush() {
        synchronized (block) {
            writeOut();
        }
    }

    @Override
    public void close() {
        flush();
    }

    private void writeOut() {
        if (block.size() == 0) {
            return;
        }
        try {
            block.writeTo(out);
            out.flush();
        } catch (IOException e) {
            reportError("Could not write access lines to the console", e, ErrorManager.WRITE_FAILURE);
        } finally {
            block.reset();
        }
    }

    /**
     * Gives {@code category} its own handlers: this one in place of the console handler, and the other handlers the
     * root logger hands its lines to. Returns null, changing nothing, when the root has no plain console handler
     * (console off, or wrapped, as with async console logging) or the category already has handlers of its own: the
     * category then logs as before.
     */
    static BlockWrittenConsole install(LogContext context, String category, OutputStream out,
            Duration flushInterval) {
        Logger logger = context.getLogger(category);
        if (logger.getHandlers().length > 0 || !logger.getUseParentHandlers()) {
            // The operator gave the category handlers of its own (quarkus.log.category."…".handlers): theirs stand.
            return null;
        }
        Logger root = context.getLogger("");
        List<Handler> leaves = new ArrayList<>();
        for (Handler handler : root.getHandlers()) {
            // The root holds a delayed handler (Quarkus' own or the log manager's) that forwards to the configured
            // ones; an async handler is not looked into, since its console must stay asynchronous.
            if (handler instanceof ExtHandler forwarding && !(handler instanceof AsyncHandler)
                    && forwarding.getHandlers().length > 0) {
                leaves.addAll(List.of(forwarding.getHandlers()));
            } else {
                leaves.add(handler);
            }
        }
        ConsoleHandler console = null;
        for (Handler leaf : leaves) {
            if (leaf instanceof ConsoleHandler found && console == null) {
                console = found;
            }
        }
        if (console == null || console.getFormatter() == null) {
            return null;
        }
        BlockWrittenConsole blocks = new BlockWrittenConsole(out, console.getFormatter());
        blocks.setLevel(console.getLevel());
        blocks.setFilter(console.getFilter());
        for (Handler leaf : leaves) {
            logger.addHandler(leaf == console ? blocks : leaf);
        }
        logger.setUseParentHandlers(false);
        blocks.flusher = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "console-blocks-" + category);
            thread.setDaemon(true);
            return thread;
        });
        blocks.flusher.scheduleWithFixedDelay(blocks::flush, flushInterval.toMillis(), flushInterval.toMillis(),
                TimeUnit.MILLISECONDS);
        return blocks;
    }

    /** Hands {@code category} back to the root's handlers, then writes out what is left. */
    void uninstall(LogContext context, String category) {
        if (flusher != null) {
            flusher.shutdownNow();
        }
        Logger logger = context.getLogger(category);
        logger.setUseParentHandlers(true);
        logger.clearHandlers();
        flush();
    }
}
