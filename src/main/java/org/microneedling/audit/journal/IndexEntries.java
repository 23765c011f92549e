package org.microneedling.audit.journal;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * The ids and frame offsets of one segment, in the order they were read or appended, and the kinds of its records:
 * what a {@link SegmentIndex} file is written from. Not thread-safe: filled by one thread, then handed on.
 */
final class IndexEntries {

    private long[] msb = new long[256];
    private long[] lsb = new long[256];
    private long[] offsets = new long[256];
    private String[] entryKinds = new String[256];
    private int size;
    private final Set<String> kinds = new TreeSet<>();

    void add(UUID id, String kind, long offset) {
        if (size == offsets.length) {
            msb = Arrays.copyOf(msb, size * 2);
            lsb = Arrays.copyOf(lsb, size * 2);
            offsets = Arrays.copyOf(offsets, size * 2);
            entryKinds = Arrays.copyOf(entryKinds, size * 2);
        }
        msb[size] = id.getMostSignificantBits();
        lsb[size] = id.getLeastSignificantBits();
        offsets[size] = offset;
        entryKinds[size] = kind;
        size++;
        kinds.add(kind);
    }

    /** Forgets the frames from byte {@code end} on: those of a batch a crash cut short. */
    void cutAt(long end) {
        while (size > 0 && offsets[size - 1] >= end) {
            size--;
            entryKinds[size] = null;
        }
        kinds.clear();
        kinds.addAll(Arrays.asList(entryKinds).subList(0, size));
    }

    int size() {
        return size;
    }

    Set<String> kinds() {
        return kinds;
    }

    /** The entry positions ordered by id, then offset: the order of the index file, so a repeat finds its first. */
    int[] sortedOrder() {
        return IntStream.range(0, size).boxed()
                .sorted((a, b) -> compare(msb[a], lsb[a], offsets[a], msb[b], lsb[b], offsets[b]))
                .mapToInt(Integer::intValue).toArray();
    }

    long msb(int i) {
        return msb[i];
    }

    long lsb(int i) {
        return lsb[i];
    }

    long offset(int i) {
        return offsets[i];
    }

    String kind(int i) {
        return entryKinds[i];
    }

    static int compare(long msbA, long lsbA, long offsetA, long msbB, long lsbB, long offsetB) {
        int byId = compareIds(msbA, lsbA, msbB, lsbB);
        return byId != 0 ? byId : Long.compare(offsetA, offsetB);
    }

    /** Signed, as {@link UUID#compareTo}; any fixed order would do, the file and the search only have to agree. */
    static int compareIds(long msbA, long lsbA, long msbB, long lsbB) {
        int high = Long.compare(msbA, msbB);
        return high != 0 ? high : Long.compare(lsbA, lsbB);
    }
}
