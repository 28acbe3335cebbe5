// Adj-RIB-Out of one peer: the routes it should have (kept across sessions), what it was sent, the pending changes.
package org.bgpekko.rib;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bgpekko.wire.Family;

/**
 * ExaBGP's semantics (conformance README section 9): an announce equal to the wanted state is dropped; withdrawals
 * are always queued; a new change of an NLRI replaces its pending one of the same attribute set, and one of a group
 * that would go out after it ({@link PendingChanges}).
 *
 * <p>Compact: per slot of the shared {@link NlriSlots}, the wanted attribute id and a doubly linked insertion order
 * (three ints), and one bit for "sent in this session". A wanted route holds a reference to its slot and attribute
 * id; a sent route one to its slot.
 */
final class AdjRibOut implements ChangeSink {
    /** Visits a wanted route. */
    @FunctionalInterface
    interface RouteVisitor {
        void route(int slot, int attr);
    }

    private static final int[] NONE = new int[0];

    private final NlriSlots slots;
    private final InternTable<OutboundAttributes> attrs;
    /** By slot: the wanted attribute id, or -1; and the insertion order as a doubly linked list. */
    private int[] wanted = NONE;
    private int[] next = NONE;
    private int[] prev = NONE;
    private int head = -1;
    private int tail = -1;
    private int size;
    /** The slots this session's peer was sent and still has. */
    private final BitSet sent = new BitSet();
    private final PendingChanges pending;
    private final OutboundRequests requests = new OutboundRequests();
    /** False until the first session starts. */
    private boolean started;
    /** The first session's table: the announcements queued before it, with their references; null after. */
    private List<Flush.Group> firstQueued;

    AdjRibOut(NlriSlots slots, InternTable<OutboundAttributes> attrs) {
        this.slots = slots;
        this.attrs = attrs;
        this.pending = new PendingChanges(slots, attrs);
    }

    @Override
    public boolean announce(int slot, int attr) {
        grow(slot);
        int current = wanted[slot];
        if (current == attr) {
            return false;
        }
        if (current >= 0) {
            attrs.release(current);
        } else {
            link(slot);
            slots.retain(slot);
            size++;
        }
        wanted[slot] = attr;
        attrs.retain(attr);
        pending.queue(slot, attr, true);
        return true;
    }

    @Override
    public void withdraw(int slot, int attr) {
        remove(slot);
        pending.queue(slot, attr, false);
    }

    /** A route the peer was never sent is only dropped: an announcement cleared in the same batch stays off the wire. */
    @Override
    public void withdrawAll() {
        for (int s = head; s >= 0; ) {
            int after = next[s];
            int attr = wanted[s];
            if (sent.get(s)) {
                slots.retain(s);
                attrs.retain(attr);
                withdraw(s, attr);
                slots.release(s);
                attrs.release(attr);
            } else {
                remove(s);
                pending.unqueue(s);
            }
            s = after;
        }
    }

    @Override
    public void resend(Collection<Family> families, boolean enhanced) {
        requests.resend(families, enhanced);
    }

    @Override
    public void endOfRib(Family family) {
        requests.endOfRib.add(family);
    }

    @Override
    public void refreshRequest(Family family) {
        requests.refreshRequests.add(family);
    }

    /**
     * A new session starts: pending changes and re-sends are void (the whole table goes), requests stay. The first
     * session keeps the announcements queued since the configuration was loaded as its table (decisions D-FLOW1).
     */
    void sessionStarted() {
        dropFirstQueued(); // a session that ended before its initial table was taken
        if (!started) {
            started = true;
            firstQueued = new ArrayList<>();
            for (Flush.Group g : pending.drain()) {
                IntArrayList kept = new IntArrayList(g.entries().length);
                for (int e : g.entries()) {
                    if ((e & 1) == 1 && wanted(e >>> 1) >= 0) {
                        kept.add(e); // its references go with it
                    } else { // a withdrawal, or an announcement of a route whose last change withdrew it
                        slots.release(e >>> 1);
                        attrs.release(g.attr());
                    }
                }
                if (!kept.isEmpty()) {
                    firstQueued.add(new Flush.Group(g.attr(), g.family(), kept.toIntArray()));
                }
            }
        }
        pending.clear();
        requests.resend.clear();
        forgetSent();
    }

    /**
     * The first flush of a session: the whole table, sorted by family (in insertion order within one), grouped by
     * attribute set in order of first use, then {@code endOfRib}. Every route counts as sent from now on. On the
     * first session the table is the announcements that were queued, in ExaBGP's order of pending changes: an NLRI
     * configured twice with other attributes goes out twice, the last one last, as ExaBGP sends it
     * (conf-flow-redirect; decisions D-FLOW1).
     */
    Flush initialTable(List<Family> endOfRibFamilies) {
        if (firstQueued != null) {
            List<Flush.Group> groups = firstQueued;
            firstQueued = null;
            for (Flush.Group g : groups) {
                for (int e : g.entries()) {
                    markSent(e >>> 1, true);
                }
            }
            return new Flush(groups, Map.of(), NONE, NONE, endOfRibFamilies, List.of(), false);
        }
        TreeMap<Family, IntArrayList> byFamily = new TreeMap<>();
        for (int s = head; s >= 0; s = next[s]) {
            byFamily.computeIfAbsent(slots.family(s), f -> new IntArrayList()).add(s);
        }
        LinkedHashMap<Integer, LinkedHashMap<Family, IntArrayList>> grouped = new LinkedHashMap<>();
        for (Map.Entry<Family, IntArrayList> f : byFamily.entrySet()) {
            IntArrayList list = f.getValue();
            for (int i = 0; i < list.size(); i++) {
                int s = list.getInt(i);
                grouped.computeIfAbsent(wanted[s], k -> new LinkedHashMap<>())
                        .computeIfAbsent(f.getKey(), k -> new IntArrayList()).add(s << 1 | 1);
                slots.retain(s);
                attrs.retain(wanted[s]);
                markSent(s, true);
            }
        }
        List<Flush.Group> groups = new ArrayList<>();
        grouped.forEach((attr, families) -> families.forEach((family, entries) ->
                groups.add(new Flush.Group(attr, family, entries.toIntArray()))));
        return new Flush(groups, Map.of(), NONE, NONE, endOfRibFamilies, List.of(), false);
    }

    boolean hasPending() {
        return !pending.isEmpty() || !requests.isEmpty();
    }

    /** Takes everything pending as one flush, leaving nothing; its announcements count as sent from now on. */
    Flush take(boolean includeWithdraw) {
        List<Flush.Group> groups = pending.drain();
        for (Flush.Group g : groups) {
            for (int e : g.entries()) {
                markSent(e >>> 1, (e & 1) == 1);
            }
        }
        IntArrayList refreshSlots = new IntArrayList();
        IntArrayList refreshAttrs = new IntArrayList();
        if (!requests.resend.isEmpty()) {
            for (int s = head; s >= 0; s = next[s]) {
                if (requests.resend.containsKey(slots.family(s))) {
                    refreshSlots.add(s);
                    refreshAttrs.add(wanted[s]);
                    slots.retain(s);
                    attrs.retain(wanted[s]);
                }
            }
        }
        Flush f = new Flush(groups, requests.resend, refreshSlots.toIntArray(), refreshAttrs.toIntArray(),
                List.copyOf(requests.endOfRib), List.copyOf(requests.refreshRequests), includeWithdraw);
        requests.clear();
        return f;
    }

    /** The wanted attribute id of a slot, or -1. */
    int wanted(int slot) {
        return slot < wanted.length ? wanted[slot] : -1;
    }

    /** Number of wanted routes. */
    int size() {
        return size;
    }

    /** Number of pending changes (not requests). */
    int pendingChanges() {
        return pending.size();
    }

    /** Every wanted route, in insertion order (the visitor must not change this table). */
    void forEach(RouteVisitor v) {
        for (int s = head; s >= 0; s = next[s]) {
            v.route(s, wanted[s]);
        }
    }

    /** The wanted slots in insertion order, each retained once for the caller. */
    int[] retainSlots() {
        int[] out = new int[size];
        int n = 0;
        for (int s = head; s >= 0; s = next[s]) {
            slots.retain(s);
            out[n++] = s;
        }
        return out;
    }

    /** Forgets everything, releasing every reference (the neighbour was removed). */
    void clear() {
        for (int s = head; s >= 0; ) {
            int after = next[s];
            remove(s);
            s = after;
        }
        pending.clear();
        forgetSent();
        requests.clear();
        dropFirstQueued();
    }

    private void dropFirstQueued() {
        if (firstQueued != null) {
            for (Flush.Group g : firstQueued) {
                for (int e : g.entries()) {
                    slots.release(e >>> 1);
                    attrs.release(g.attr());
                }
            }
            firstQueued = null;
        }
    }

    private void markSent(int slot, boolean announce) {
        if (announce) {
            if (!sent.get(slot)) {
                sent.set(slot);
                slots.retain(slot);
            }
        } else if (sent.get(slot)) {
            sent.clear(slot);
            slots.release(slot);
        }
    }

    private void forgetSent() {
        for (int s = sent.nextSetBit(0); s >= 0; s = sent.nextSetBit(s + 1)) {
            slots.release(s);
        }
        sent.clear();
    }

    private void remove(int slot) {
        if (slot < wanted.length && wanted[slot] >= 0) {
            attrs.release(wanted[slot]);
            wanted[slot] = -1;
            unlink(slot);
            slots.release(slot);
            size--;
        }
    }

    private void link(int slot) {
        prev[slot] = tail;
        next[slot] = -1;
        if (tail >= 0) {
            next[tail] = slot;
        } else {
            head = slot;
        }
        tail = slot;
    }

    private void unlink(int slot) {
        int p = prev[slot];
        int n = next[slot];
        if (p >= 0) {
            next[p] = n;
        } else {
            head = n;
        }
        if (n >= 0) {
            prev[n] = p;
        } else {
            tail = p;
        }
    }

    private void grow(int slot) {
        if (slot < wanted.length) {
            return;
        }
        int size = Math.max(slot + 1, Math.max(16, wanted.length + (wanted.length >> 1)));
        int from = wanted.length;
        wanted = Arrays.copyOf(wanted, size);
        Arrays.fill(wanted, from, size, -1);
        next = Arrays.copyOf(next, size);
        prev = Arrays.copyOf(prev, size);
    }
}
