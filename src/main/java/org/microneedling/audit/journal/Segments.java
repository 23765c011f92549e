package org.microneedling.audit.journal;

import java.util.ArrayList;
import java.util.List;

/** Every segment, oldest first, the active one possibly still being written (or null). Replaced, never changed. */
record Segments(List<Segment> closed, Segment active) {

    static final Segments NONE = new Segments(List.of(), null);

    List<Segment> all() {
        if (active == null) {
            return closed;
        }
        List<Segment> all = new ArrayList<>(closed.size() + 1);
        all.addAll(closed);
        all.add(active);
        return all;
    }

    Segments withActive(Segment segment) {
        return new Segments(closed, segment);
    }

    Segments withClosed(List<Segment> segments) {
        return new Segments(List.copyOf(segments), active);
    }

    /** The active segment moved to the closed ones. */
    Segments activeClosed() {
        List<Segment> all = new ArrayList<>(closed);
        all.add(active);
        return new Segments(List.copyOf(all), null);
    }
}
