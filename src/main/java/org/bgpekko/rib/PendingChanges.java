// Changes not yet written, in ExaBGP's order: by attribute set in order of first use, then family.
package org.bgpekko.rib;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bgpekko.wire.Family;

/**
 * ExaBGP's semantics (conformance README section 9), with the departures of decisions D8:
 * <ul>
 *   <li>a change of an NLRI with the attribute set of one of its pending changes takes that change's place (so a
 *       withdrawal can precede an announcement queued after the one it replaces: api-fast);
 *   <li>a withdrawal with another set cancels every pending change of the NLRI and joins the end of its set's run
 *       (ExaBGP keeps them; the wire ends withdrawn either way, and a held batch stays one change per NLRI: D9);
 *   <li>an announcement with another set joins the end of its set's run and cancels the NLRI's pending changes in
 *       groups that go out after it, so the wire ends at the last change (ExaBGP keeps them too, and can end on an
 *       older announcement); of those in groups that go out before it, the oldest stays, as in ExaBGP (api-flow's
 *       attribute-only withdrawal, an NLRI configured twice: conf-flow-redirect).
 * </ul>
 * So an NLRI has at most two pending changes.
 *
 * <p>Compact: a change is an int in its run ({@code slot << 1 | announce}) plus an entry in a primitive map from
 * slot to position: the NLRI's change in the latest group, and in a second map the rare change kept in an earlier
 * group. Each change holds one reference to its slot and one to its attribute set.
 */
final class PendingChanges {
    /** Visits one change. */
    @FunctionalInterface
    interface Visitor {
        void change(int slot, int attr, boolean announce);
    }

    /** The runs of one attribute set, one per family; groups go out in the order they were made. */
    private static final class Group {
        final long order;
        final LinkedHashMap<Family, Run> runs = new LinkedHashMap<>(2);

        Group(long order) {
            this.order = order;
        }
    }

    /** The changes of one attribute set and family, in queue order; -1 marks a change taken out. */
    private static final class Run {
        final int id;
        final int attr;
        final Family family;
        final Group group;
        int[] entries = new int[4];
        int size;
        int live;

        Run(int id, int attr, Family family, Group group) {
            this.id = id;
            this.attr = attr;
            this.family = family;
            this.group = group;
        }
    }

    private final NlriSlots slots;
    private final InternTable<OutboundAttributes> attrs;
    private final LinkedHashMap<Integer, Group> groups = new LinkedHashMap<>();
    private long nextOrder;
    private final List<Run> runs = new ArrayList<>();
    private final List<Integer> freeRuns = new ArrayList<>();
    /** Slot -> run id << 32 | position of its change in the latest group. */
    private final SlotLongMap where = new SlotLongMap();
    /** Slot -> position of its change kept in an earlier group (rare: see the class comment). */
    private final SlotLongMap earlier = new SlotLongMap();
    private int count;
    /** The run last appended to: changes of one command usually share it. */
    private Run lastRun;

    PendingChanges(NlriSlots slots, InternTable<OutboundAttributes> attrs) {
        this.slots = slots;
        this.attrs = attrs;
    }

    /** Queues a change of {@code slot}, by the rules of the class comment. */
    void queue(int slot, int attr, boolean announce) {
        int code = slot << 1 | (announce ? 1 : 0);
        Family family = slots.family(slot);
        // the common case, a new slot in the run used last: one probe of the map places it
        boolean same = appendsToLast(attr, family);
        long w = same ? where.putIfAbsent(slot, (long) lastRun.id << 32 | lastRun.size) : where.get(slot);
        if (w < 0 && same) {
            append(lastRun, slot, attr, code);
            return;
        }
        if (w >= 0) {
            Run r = run(w);
            if (r.attr == attr) {
                r.entries[(int) w] = code; // the latest group: any other change of the slot goes out before it
                long e = announce ? -1 : earlier.remove(slot);
                if (e >= 0) {
                    drop(slot, e);
                }
                return;
            }
            if (reorder(slot, attr, code, announce)) {
                return;
            }
        }
        Run r = appendsToLast(attr, family) ? lastRun : runFor(attr, family);
        where.put(slot, (long) r.id << 32 | r.size);
        append(r, slot, attr, code);
    }

    /** Whether a change of this set and family goes to the end of the run appended to last (still queued). */
    private boolean appendsToLast(int attr, Family family) {
        return lastRun != null && lastRun.attr == attr && lastRun.family.equals(family) && lastRun.live > 0
                && runs.get(lastRun.id) == lastRun;
    }

    /** Appends a change to {@code r}, whose position the caller has put in {@link #where}. */
    private void append(Run r, int slot, int attr, int code) {
        lastRun = r;
        if (r.size == r.entries.length) {
            r.entries = Arrays.copyOf(r.entries, r.size * 2);
        }
        r.entries[r.size++] = code;
        r.live++;
        count++;
        slots.retain(slot);
        attrs.retain(attr);
    }

    /**
     * A change of a slot whose latest pending change has another set: cancels what the rules say, and replaces the
     * change in the set's group if there is one (then true: nothing left to append).
     */
    private boolean reorder(int slot, int attr, int code, boolean announce) {
        Group g = groups.get(attr);
        long order = g == null ? Long.MAX_VALUE : g.order;
        long latest = where.remove(slot);
        long before = earlier.remove(slot);
        long same = -1;
        long kept = -1;
        for (long p : before < 0 ? new long[] {latest} : new long[] {before, latest}) {
            Run r = run(p);
            if (r.attr == attr) {
                same = p;
            } else if (announce && r.group.order < order && (kept < 0 || r.group.order < run(kept).group.order)) {
                if (kept >= 0) {
                    drop(slot, kept);
                }
                kept = p;
            } else {
                drop(slot, p);
            }
        }
        if (kept >= 0) {
            earlier.put(slot, kept);
        }
        if (same < 0) {
            return false; // the caller appends the change as the latest
        }
        run(same).entries[(int) same] = code;
        where.put(slot, same);
        return true;
    }

    /** Forgets every pending change of a slot. */
    void unqueue(int slot) {
        long w = where.remove(slot);
        if (w < 0) {
            return;
        }
        long before = earlier.remove(slot);
        drop(slot, w);
        if (before >= 0) {
            drop(slot, before);
        }
    }

    /** The latest change pending for a slot: 1 announce, 0 withdraw, -1 none. */
    int kind(int slot) {
        long w = where.get(slot);
        return w < 0 ? -1 : run(w).entries[(int) w] & 1;
    }

    boolean isEmpty() {
        return count == 0;
    }

    /** Number of changes pending (an NLRI may have more than one). */
    int size() {
        return count;
    }

    /** Every change in order (the visitor must not change this object). */
    void forEach(Visitor v) {
        for (Group g : groups.values()) {
            for (Run r : g.runs.values()) {
                for (int i = 0; i < r.size; i++) {
                    int e = r.entries[i];
                    if (e >= 0) {
                        v.change(e >>> 1, r.attr, (e & 1) == 1);
                    }
                }
            }
        }
    }

    /** Removes every announcement (a helper's {@code clear adj-rib out} of changes never sent), keeping withdrawals. */
    void dropAnnouncements() {
        List<Integer> touched = new ArrayList<>();
        forEach((slot, attr, announce) -> {
            if (announce) {
                touched.add(slot);
            }
        });
        for (int slot : touched) {
            long w = where.get(slot);
            long before = earlier.get(slot);
            if (before >= 0 && (run(before).entries[(int) before] & 1) == 1) {
                earlier.remove(slot);
                drop(slot, before);
                before = -1;
            }
            if (w >= 0 && (run(w).entries[(int) w] & 1) == 1) {
                where.remove(slot);
                drop(slot, w);
                if (before >= 0) { // the withdrawal kept before it is now the latest
                    earlier.remove(slot);
                    where.put(slot, before);
                }
            }
        }
    }

    /**
     * Takes every change out, in order, as flush groups: their references go with them. Leaves this empty.
     */
    List<Flush.Group> drain() {
        List<Flush.Group> out = new ArrayList<>(runs.size());
        for (Group g : groups.values()) {
            for (Run r : g.runs.values()) {
                int[] live = new int[r.live];
                int n = 0;
                for (int i = 0; i < r.size; i++) {
                    if (r.entries[i] >= 0) {
                        live[n++] = r.entries[i];
                    }
                }
                out.add(new Flush.Group(r.attr, r.family, live));
            }
        }
        reset();
        return out;
    }

    /** Drops every change, releasing its references. */
    void clear() {
        forEach((slot, attr, announce) -> {
            slots.release(slot);
            attrs.release(attr);
        });
        reset();
    }

    private void reset() {
        groups.clear();
        runs.clear();
        freeRuns.clear();
        where.clear(); // keeps the capacity of this round, not more
        earlier.clear();
        count = 0;
        lastRun = null;
    }

    private Run run(long position) {
        return runs.get((int) (position >>> 32));
    }

    /** Takes one change out of its run (the caller keeps the position maps right). */
    private void drop(int slot, long position) {
        Run r = run(position);
        r.entries[(int) position] = -1;
        r.live--;
        count--;
        slots.release(slot);
        attrs.release(r.attr);
        if (r.live == 0) {
            dropRun(r);
        } else if (r.size > 32 && r.live < r.size / 4) {
            compact(r);
        }
    }

    private Run runFor(int attr, Family family) {
        Group g = groups.computeIfAbsent(attr, k -> new Group(nextOrder++));
        return g.runs.computeIfAbsent(family, f -> newRun(attr, f, g));
    }

    private Run newRun(int attr, Family family, Group group) {
        int id;
        if (freeRuns.isEmpty()) {
            id = runs.size();
            runs.add(null);
        } else {
            id = freeRuns.remove(freeRuns.size() - 1);
        }
        Run r = new Run(id, attr, family, group);
        runs.set(id, r);
        return r;
    }

    private void dropRun(Run r) {
        r.group.runs.remove(r.family);
        if (r.group.runs.isEmpty()) {
            groups.remove(r.attr);
        }
        runs.set(r.id, null);
        freeRuns.add(r.id);
    }

    private void compact(Run r) {
        int n = 0;
        for (int i = 0; i < r.size; i++) {
            int e = r.entries[i];
            if (e >= 0) {
                r.entries[n] = e;
                relocate(e >>> 1, (long) r.id << 32 | i, (long) r.id << 32 | n);
                n++;
            }
        }
        r.size = n;
        if (r.entries.length > 64 && n < r.entries.length / 4) {
            r.entries = Arrays.copyOf(r.entries, Math.max(4, n * 2));
        }
    }

    /** A change of {@code slot} moved within its run. */
    private void relocate(int slot, long from, long to) {
        if (where.get(slot) == from) {
            where.put(slot, to);
        } else if (earlier.get(slot) == from) {
            earlier.put(slot, to);
        }
    }
}
