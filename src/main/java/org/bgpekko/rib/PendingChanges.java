// Changes not yet written, one per NLRI, in ExaBGP's order: by attribute set in order of first use, then family.
package org.bgpekko.rib;

import it.unimi.dsi.fastutil.ints.Int2LongOpenHashMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bgpekko.wire.Family;

/**
 * ExaBGP's semantics (conformance README section 9): a change of an NLRI with the attribute set of its pending
 * change takes that change's place (so a withdrawal can precede an announcement queued after the one it replaces:
 * api-fast); a change with another attribute set cancels the pending one and joins the end of its own set's run
 * (unlike ExaBGP, which keeps both: decisions D8).
 *
 * <p>Compact: a change is an int in its run ({@code slot << 1 | announce}) plus an entry in a primitive map from
 * slot to position. Each change holds one reference to its slot and one to its attribute set.
 */
final class PendingChanges {
    /** Visits one change. */
    @FunctionalInterface
    interface Visitor {
        void change(int slot, int attr, boolean announce);
    }

    /** The changes of one attribute set and family, in queue order; -1 marks a change taken out. */
    private static final class Run {
        final int id;
        final int attr;
        final Family family;
        int[] entries = new int[4];
        int size;
        int live;

        Run(int id, int attr, Family family) {
            this.id = id;
            this.attr = attr;
            this.family = family;
        }
    }

    private final NlriSlots slots;
    private final InternTable<OutboundAttributes> attrs;
    private final LinkedHashMap<Integer, LinkedHashMap<Family, Run>> groups = new LinkedHashMap<>();
    private final List<Run> runs = new ArrayList<>();
    private final List<Integer> freeRuns = new ArrayList<>();
    /** Slot -> run id << 32 | position. */
    private final Int2LongOpenHashMap where = new Int2LongOpenHashMap();
    /** The run last appended to: changes of one command usually share it. */
    private Run lastRun;

    PendingChanges(NlriSlots slots, InternTable<OutboundAttributes> attrs) {
        this.slots = slots;
        this.attrs = attrs;
        where.defaultReturnValue(-1);
    }

    /** Queues a change of {@code slot}: in place of its pending one when the set is the same, else at its run's end. */
    void queue(int slot, int attr, boolean announce) {
        long w = where.get(slot);
        if (w >= 0) {
            Run r = runs.get((int) (w >>> 32));
            if (r.attr == attr) {
                r.entries[(int) w] = slot << 1 | (announce ? 1 : 0);
                return;
            }
            unqueue(slot);
        }
        Family family = slots.family(slot);
        Run r = lastRun != null && lastRun.attr == attr && lastRun.family.equals(family) && lastRun.live > 0
                && runs.get(lastRun.id) == lastRun ? lastRun
                : groups.computeIfAbsent(attr, k -> new LinkedHashMap<>()).computeIfAbsent(family, f -> newRun(attr, f));
        lastRun = r;
        if (r.size == r.entries.length) {
            r.entries = Arrays.copyOf(r.entries, r.size * 2);
        }
        where.put(slot, (long) r.id << 32 | r.size);
        r.entries[r.size++] = slot << 1 | (announce ? 1 : 0);
        r.live++;
        slots.retain(slot);
        attrs.retain(attr);
    }

    /** Forgets the pending change of a slot, if any. */
    void unqueue(int slot) {
        long w = where.remove(slot);
        if (w < 0) {
            return;
        }
        Run r = runs.get((int) (w >>> 32));
        r.entries[(int) w] = -1;
        r.live--;
        slots.release(slot);
        attrs.release(r.attr);
        if (r.live == 0) {
            dropRun(r);
        } else if (r.size > 32 && r.live < r.size / 4) {
            compact(r);
        }
    }

    /** The change pending for a slot: 1 announce, 0 withdraw, -1 none. */
    int kind(int slot) {
        long w = where.get(slot);
        return w < 0 ? -1 : runs.get((int) (w >>> 32)).entries[(int) w] & 1;
    }

    boolean isEmpty() {
        return where.isEmpty();
    }

    int size() {
        return where.size();
    }

    /** Every change in order (the visitor must not change this object). */
    void forEach(Visitor v) {
        for (Map<Family, Run> byFamily : groups.values()) {
            for (Run r : byFamily.values()) {
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
        List<Integer> announced = new ArrayList<>();
        forEach((slot, attr, announce) -> {
            if (announce) {
                announced.add(slot);
            }
        });
        announced.forEach(this::unqueue);
    }

    /**
     * Takes every change out, in order, as flush groups: their references go with them. Leaves this empty.
     */
    List<Flush.Group> drain() {
        List<Flush.Group> out = new ArrayList<>(runs.size());
        for (Map<Family, Run> byFamily : groups.values()) {
            for (Run r : byFamily.values()) {
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
        where.clear();
        where.trim(); // a large flush must not keep its map's capacity for good
        lastRun = null;
    }

    private Run newRun(int attr, Family family) {
        int id;
        if (freeRuns.isEmpty()) {
            id = runs.size();
            runs.add(null);
        } else {
            id = freeRuns.remove(freeRuns.size() - 1);
        }
        Run r = new Run(id, attr, family);
        runs.set(id, r);
        return r;
    }

    private void dropRun(Run r) {
        LinkedHashMap<Family, Run> byFamily = groups.get(r.attr);
        byFamily.remove(r.family);
        if (byFamily.isEmpty()) {
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
                where.put(e >>> 1, (long) r.id << 32 | n);
                n++;
            }
        }
        r.size = n;
        if (r.entries.length > 64 && n < r.entries.length / 4) {
            r.entries = Arrays.copyOf(r.entries, Math.max(4, n * 2));
        }
    }
}
