import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How fast the disk under the audit journal makes a commit durable: the one number that bounds the embedded audit's
 * throughput at a given concurrency, since every answered screening waits for one {@code fdatasync}.
 *
 * <pre>
 *   java bench/FsyncProbe.java [folder]     # default: the current folder; use the volume of audit.data-dir
 * </pre>
 *
 * Appends 16 KB (a commit of about seven records) and syncs it, as the journal does, for 5 s per case: one thread,
 * then 2 and 4 threads syncing the same file at once. Prints syncs per second, wall time and CPU per sync.
 * The file is deleted afterwards.
 */
public final class FsyncProbe {

    private static final int COMMIT_BYTES = 16 * 1024;
    private static final long CASE_NANOS = 5_000_000_000L;

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : ".");
        Path file = Files.createTempFile(dir, "fsync-probe", ".bin");
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            System.out.printf("fdatasync after a %d KB append, on %s%n", COMMIT_BYTES / 1024, dir.toAbsolutePath());
            for (int threads : new int[] { 1, 2, 4 }) {
                run(channel, threads);
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static void run(FileChannel channel, int threads) throws InterruptedException {
        AtomicLong position = new AtomicLong(channelSize(channel));
        AtomicLong syncs = new AtomicLong();
        AtomicLong cpuNanos = new AtomicLong();
        long end = System.nanoTime() + CASE_NANOS;
        Thread[] workers = new Thread[threads];
        for (int i = 0; i < threads; i++) {
            workers[i] = new Thread(() -> {
                ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
                long cpuStart = cpu.getCurrentThreadCpuTime();
                ByteBuffer commit = ByteBuffer.allocate(COMMIT_BYTES);
                try {
                    while (System.nanoTime() < end) {
                        commit.clear();
                        channel.write(commit, position.getAndAdd(COMMIT_BYTES));
                        channel.force(false);
                        syncs.incrementAndGet();
                    }
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
                cpuNanos.addAndGet(cpu.getCurrentThreadCpuTime() - cpuStart);
            });
            workers[i].start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        double seconds = CASE_NANOS / 1e9;
        System.out.printf("%d thread(s): %,.0f syncs/s, %.0f µs per sync (wall, per thread), %.0f µs CPU per sync%n",
                threads, syncs.get() / seconds, threads * seconds * 1e6 / syncs.get(),
                cpuNanos.get() / 1e3 / syncs.get());
    }

    private static long channelSize(FileChannel channel) {
        try {
            return channel.size();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
