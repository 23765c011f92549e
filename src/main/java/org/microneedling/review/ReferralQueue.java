package org.microneedling.review;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * One clinic's referred screenings in queue order ({@link QueueKey}), each with the queue it belongs to now, in
 * primitive arrays: about 30 bytes a referral, so that years of referrals, or a load test that refers every
 * screening, fit in a small heap. What a page shows of each is read elsewhere; this only orders and filters.
 * Keys arrive nearly in order, so they are kept in blocks: an insert moves at most one block's tail (and one key
 * into the next block when its own is full), and the last block, when full, is cut where the key goes rather than in
 * half, so that blocks stay full under a stream of commits that arrive a few places late (blocks cut in half would
 * double the memory a referral takes).
 */
final class ReferralQueue {

    static final int BLOCK = 1024;

    private final List<Block> blocks = new ArrayList<>();
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private int size;

    /** Adds a referral in the queue of {@code filter}; false when it is already here. */
    boolean add(QueueKey key, QueueFilter filter) {
        lock.writeLock().lock();
        try {
            if (blocks.isEmpty()) {
                blocks.add(new Block());
            }
            int blockIndex = blockFor(key);
            Block block = blocks.get(blockIndex);
            int slot = block.search(key);
            if (slot >= 0) {
                return false;
            }
            int at = -slot - 1;
            if (block.count == BLOCK) {
                Block next = blockIndex + 1 < blocks.size() ? blocks.get(blockIndex + 1) : null;
                if (next != null && next.count < BLOCK) {
                    // The next block's head is the same place in the order: make room by moving one key there.
                    if (at == BLOCK) {
                        block = next;
                        at = 0;
                    } else {
                        block.moveLastTo(next);
                    }
                } else {
                    // Keys come late by a few places only: the last block is cut where the key goes, which
                    // leaves it full; a full block inside the queue (a rare late arrival) is cut in half.
                    Block upper = block.splitOff(next == null ? at : BLOCK / 2);
                    blocks.add(blockIndex + 1, upper);
                    if (at > block.count || at == BLOCK) {
                        at -= block.count;
                        block = upper;
                    }
                }
            }
            block.insert(at, key, filter);
            size++;
            return true;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Moves a referral to the queue of {@code filter}; false when it is not here. */
    boolean move(QueueKey key, QueueFilter filter) {
        lock.writeLock().lock();
        try {
            if (blocks.isEmpty()) {
                return false;
            }
            Block block = blocks.get(blockFor(key));
            int slot = block.search(key);
            if (slot < 0) {
                return false;
            }
            block.filters[slot] = (byte) filter.ordinal();
            return true;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * Up to {@code limit} referrals of {@code filter} ({@link QueueFilter#ALL}: every one) after {@code after}
     * (null: from the oldest), oldest first.
     */
    List<QueueKey> after(QueueFilter filter, QueueKey after, int limit) {
        List<QueueKey> keys = new ArrayList<>(Math.min(limit, 64));
        lock.readLock().lock();
        try {
            if (blocks.isEmpty()) {
                return keys;
            }
            int blockIndex = after == null ? 0 : blockFor(after);
            int slot = 0;
            if (after != null) {
                int found = blocks.get(blockIndex).search(after);
                slot = found >= 0 ? found + 1 : -found - 1;
            }
            for (; blockIndex < blocks.size() && keys.size() < limit; blockIndex++, slot = 0) {
                Block block = blocks.get(blockIndex);
                for (; slot < block.count && keys.size() < limit; slot++) {
                    if (filter == QueueFilter.ALL || block.filters[slot] == filter.ordinal()) {
                        keys.add(block.key(slot));
                    }
                }
            }
            return keys;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** How many blocks hold the referrals: their arrays take the memory, full or not. */
    int blocks() {
        lock.readLock().lock();
        try {
            return blocks.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    int size() {
        lock.readLock().lock();
        try {
            return size;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The last block whose first key is not after {@code key}, or the first block. */
    private int blockFor(QueueKey key) {
        int low = 0;
        int high = blocks.size() - 1;
        while (low < high) {
            int middle = (low + high + 1) >>> 1;
            if (blocks.get(middle).compareFirst(key) <= 0) {
                low = middle;
            } else {
                high = middle - 1;
            }
        }
        return low;
    }

    private static final class Block {

        private final long[] seconds = new long[BLOCK];
        private final int[] nanos = new int[BLOCK];
        private final long[] mostBits = new long[BLOCK];
        private final long[] leastBits = new long[BLOCK];
        private final byte[] filters = new byte[BLOCK];
        private int count;

        QueueKey key(int slot) {
            return new QueueKey(Instant.ofEpochSecond(seconds[slot], nanos[slot]),
                    new UUID(mostBits[slot], leastBits[slot]));
        }

        /** The slot of {@code key}, or {@code -(insertion point) - 1}, as {@link java.util.Arrays#binarySearch}. */
        int search(QueueKey key) {
            int low = 0;
            int high = count - 1;
            while (low <= high) {
                int middle = (low + high) >>> 1;
                int order = compare(middle, key);
                if (order < 0) {
                    low = middle + 1;
                } else if (order > 0) {
                    high = middle - 1;
                } else {
                    return middle;
                }
            }
            return -(low + 1);
        }

        /** The first key against {@code key}; an empty block sorts before everything. */
        int compareFirst(QueueKey key) {
            return count == 0 ? -1 : compare(0, key);
        }

        /** The same order as {@link QueueKey#compareTo}: time, then the id as {@link UUID#compareTo} orders it. */
        private int compare(int slot, QueueKey key) {
            Instant at = key.evaluatedAt();
            int order = Long.compare(seconds[slot], at.getEpochSecond());
            if (order == 0) {
                order = Integer.compare(nanos[slot], at.getNano());
            }
            if (order == 0) {
                order = Long.compare(mostBits[slot], key.screeningId().getMostSignificantBits());
            }
            if (order == 0) {
                order = Long.compare(leastBits[slot], key.screeningId().getLeastSignificantBits());
            }
            return order;
        }

        void insert(int at, QueueKey key, QueueFilter filter) {
            insert(at, key.evaluatedAt().getEpochSecond(), key.evaluatedAt().getNano(),
                    key.screeningId().getMostSignificantBits(), key.screeningId().getLeastSignificantBits(),
                    (byte) filter.ordinal());
        }

        private void insert(int at, long second, int nano, long most, long least, byte filter) {
            int tail = count - at;
            System.arraycopy(seconds, at, seconds, at + 1, tail);
            System.arraycopy(nanos, at, nanos, at + 1, tail);
            System.arraycopy(mostBits, at, mostBits, at + 1, tail);
            System.arraycopy(leastBits, at, leastBits, at + 1, tail);
            System.arraycopy(filters, at, filters, at + 1, tail);
            seconds[at] = second;
            nanos[at] = nano;
            mostBits[at] = most;
            leastBits[at] = least;
            filters[at] = filter;
            count++;
        }

        /** Moves this block's last key to the head of {@code next}, the block that follows it. */
        void moveLastTo(Block next) {
            int last = count - 1;
            next.insert(0, seconds[last], nanos[last], mostBits[last], leastBits[last], filters[last]);
            count--;
        }

        /** Moves the keys from slot {@code from} on into a new block and returns it. */
        Block splitOff(int from) {
            Block upper = new Block();
            int moved = count - from;
            System.arraycopy(seconds, from, upper.seconds, 0, moved);
            System.arraycopy(nanos, from, upper.nanos, 0, moved);
            System.arraycopy(mostBits, from, upper.mostBits, 0, moved);
            System.arraycopy(leastBits, from, upper.leastBits, 0, moved);
            System.arraycopy(filters, from, upper.filters, 0, moved);
            upper.count = moved;
            count = from;
            return upper;
        }
    }
}
