package org.microneedling.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import org.jboss.logmanager.ExtHandler;
import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.LogContext;
import org.jboss.logmanager.Logger;
import org.jboss.logmanager.formatters.PatternFormatter;
import org.jboss.logmanager.handlers.ConsoleHandler;
import org.jboss.logmanager.handlers.DelayedHandler;
import org.junit.jupiter.api.Test;

class BlockWrittenConsoleTest {

    private static final String CATEGORY = "test.access";
    /** A flush interval no test waits for: lines leave only when the test says so. */
    private static final Duration HELD = Duration.ofHours(1);

    /** Counts the writes that reach it, as stdout would count system calls. */
    private static final class CountingOut extends OutputStream {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int writes;

        @Override
        public void write(int b) {
            writes++;
            bytes.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            writes++;
            bytes.write(b, off, len);
        }

        String text() {
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }

    /** Stands for a log file: keeps every line it is handed, at once. */
    private static final class Collecting extends ExtHandler {
        final List<String> messages = new ArrayList<>();

        @Override
        protected void doPublish(ExtLogRecord record) {
            messages.add(record.getMessage());
        }
    }

    @Test
    void linesWaitForTheFlushThenLeaveInOneWriteFormattedLikeTheConsole() {
        CountingOut out = new CountingOut();
        BlockWrittenConsole console = new BlockWrittenConsole(out, new PatternFormatter("%p %s%n"));

        console.publish(new LogRecord(Level.INFO, "GET /a 200"));
        console.publish(new LogRecord(Level.INFO, "GET /b 404"));
        assertThat(out.writes).isZero();

        console.flush();
        assertThat(out.text()).isEqualTo("INFO GET /a 200\nINFO GET /b 404\n");
        assertThat(out.writes).isEqualTo(1);

        console.flush();
        assertThat(out.writes).as("nothing gathered, nothing written").isEqualTo(1);
    }

    @Test
    void aFullBlockIsWrittenWithoutWaitingForTheFlush() {
        CountingOut out = new CountingOut();
        BlockWrittenConsole console = new BlockWrittenConsole(out, new PatternFormatter("%s%n"));
        String line = "x".repeat(999);
        int lines = BlockWrittenConsole.BLOCK_BYTES / 1000 + 1;

        for (int i = 0; i < lines; i++) {
            console.publish(new LogRecord(Level.INFO, line));
        }

        assertThat(out.writes).isEqualTo(1);
        assertThat(out.bytes.size()).isEqualTo(lines * 1000);
    }

    @Test
    void installedInPlaceOfTheConsoleWhileOtherHandlersStillGetEveryLineAtOnce() {
        LogContext context = LogContext.create();
        Logger root = context.getLogger("");
        CountingOut direct = new CountingOut();
        ConsoleHandler rootConsole = new ConsoleHandler(new PatternFormatter("%c %s%n"));
        rootConsole.setOutputStream(direct);
        Collecting file = new Collecting();
        DelayedHandler delayed = new DelayedHandler();
        delayed.setHandlers(new Handler[] { rootConsole, file });
        root.addHandler(delayed);
        CountingOut blocks = new CountingOut();

        BlockWrittenConsole console = BlockWrittenConsole.install(context, CATEGORY, blocks, HELD);
        context.getLogger(CATEGORY).info("POST /api/v1/screenings 200");
        context.getLogger("other").info("started");

        assertThat(file.messages).containsExactly("POST /api/v1/screenings 200", "started");
        assertThat(direct.text()).isEqualTo("other started\n");
        assertThat(blocks.text()).isEmpty();
        console.flush();
        assertThat(blocks.text()).isEqualTo("test.access POST /api/v1/screenings 200\n");

        console.uninstall(context, CATEGORY);
        context.getLogger(CATEGORY).info("POST /api/v1/screenings 503");
        assertThat(direct.text()).endsWith("test.access POST /api/v1/screenings 503\n");
    }

    @Test
    void onceInstalledHeldLinesReachTheConsoleWithoutAFlushCall() throws InterruptedException {
        LogContext context = LogContext.create();
        ConsoleHandler rootConsole = new ConsoleHandler(new PatternFormatter("%s%n"));
        rootConsole.setOutputStream(new CountingOut());
        context.getLogger("").addHandler(rootConsole);
        CountingOut blocks = new CountingOut();
        BlockWrittenConsole console = BlockWrittenConsole.install(context, CATEGORY, blocks, Duration.ofMillis(50));

        context.getLogger(CATEGORY).info("POST /api/v1/screenings 200");
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (blocks.bytes.size() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }

        assertThat(blocks.text()).isEqualTo("POST /api/v1/screenings 200\n");
        console.uninstall(context, CATEGORY);
    }

    @Test
    void handlersTheOperatorGaveTheCategoryAreLeftAlone() {
        LogContext context = LogContext.create();
        ConsoleHandler rootConsole = new ConsoleHandler(new PatternFormatter("%s%n"));
        rootConsole.setOutputStream(new CountingOut());
        context.getLogger("").addHandler(rootConsole);
        Collecting own = new Collecting();
        context.getLogger(CATEGORY).addHandler(own);
        context.getLogger(CATEGORY).setUseParentHandlers(false);

        assertThat(BlockWrittenConsole.install(context, CATEGORY, new CountingOut(), HELD)).isNull();
        context.getLogger(CATEGORY).info("POST /api/v1/screenings 200");

        assertThat(context.getLogger(CATEGORY).getHandlers()).containsExactly(own);
        assertThat(own.messages).containsExactly("POST /api/v1/screenings 200");
    }

    @Test
    void withoutAPlainConsoleNothingChanges() {
        LogContext context = LogContext.create();
        Collecting file = new Collecting();
        context.getLogger("").addHandler(file);

        assertThat(BlockWrittenConsole.install(context, CATEGORY, new CountingOut(), HELD)).isNull();
        assertThat(context.getLogger(CATEGORY).getUseParentHandlers()).isTrue();
        assertThat(context.getLogger(CATEGORY).getHandlers()).isEmpty();
    }
}
