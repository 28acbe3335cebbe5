// One flush of an Adj-RIB-Out, frozen when taken and written lazily: a few UPDATEs per Peer.Send, never all at once.
package org.bgpekko.rib;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bgpekko.wire.Family;
import org.bgpekko.wire.nlri.NlriBlock;

/**
 * What a session is sent in one go, in order: the changes by group, then the routes re-sent by a refresh (inside
 * BoRR/EoRR for the families that ask for it), then End-of-RIB and ROUTE-REFRESH requests. The changes are slots and
 * attribute ids, not messages: {@link UpdateEncoder} turns the next part into UPDATEs each time the Peer wants more,
 * so a flush of a million routes costs a few bytes per route, and only the batch in flight is encoded.
 *
 * <p>A flush holds one slot and one attribute reference per change and per re-sent route, released by {@link #close}.
 */
final class Flush {
    /**
     * The changes of one attribute set and family, in queue order.
     *
     * @param entries {@code slot << 1 | 1} for an announcement, {@code slot << 1} for a withdrawal
     */
    record Group(int attr, Family family, int[] entries) {}

    final List<Group> groups;
    /** The families re-sent ({@code flush adj-rib out}, ROUTE-REFRESH), true when wrapped in BoRR/EoRR. */
    final TreeMap<Family, Boolean> refresh;
    /** The routes re-sent, in table order, with their attribute ids. */
    final int[] refreshSlots;
    final int[] refreshAttrs;
    /** End-of-RIB messages after everything else (the initial table's, or a helper's). */
    final List<Family> endOfRib;
    /** ROUTE-REFRESH requests a helper asked for, last. */
    final List<Family> refreshRequests;
    /** False for the first flush of a session, which ExaBGP writes without withdrawals. */
    final boolean includeWithdraw;

    // where the writing is: the part, the position in it, and the packed run being cut into UPDATEs
    int part;
    int index;
    int position;
    int runEnd = -1;
    NlriBlock packed;
    int packedOffset;
    /** Messages written but not sent yet: the start of the next batch. */
    final ArrayDeque<byte[]> overflow = new ArrayDeque<>();
    private boolean closed;

    Flush(List<Group> groups, Map<Family, Boolean> refresh, int[] refreshSlots, int[] refreshAttrs,
          List<Family> endOfRib, List<Family> refreshRequests, boolean includeWithdraw) {
        this.groups = List.copyOf(groups);
        this.refresh = new TreeMap<>(refresh);
        this.refreshSlots = refreshSlots;
        this.refreshAttrs = refreshAttrs;
        this.endOfRib = List.copyOf(endOfRib);
        this.refreshRequests = List.copyOf(refreshRequests);
        this.includeWithdraw = includeWithdraw;
    }

    /** True when this flush has changes or re-sent routes: the first such flush of a session omits withdrawals. */
    boolean counts() {
        return !groups.isEmpty() || !refresh.isEmpty();
    }

    /** True once every part was written. */
    boolean done() {
        return part == UpdateEncoder.PARTS && overflow.isEmpty();
    }

    /** Drops the references this flush holds (written or not); once. */
    void close(NlriSlots slots, InternTable<OutboundAttributes> attrs) {
        if (closed) {
            return;
        }
        closed = true;
        for (Group g : groups) {
            for (int e : g.entries) {
                slots.release(e >>> 1);
                attrs.release(g.attr);
            }
        }
        for (int i = 0; i < refreshSlots.length; i++) {
            slots.release(refreshSlots[i]);
            attrs.release(refreshAttrs[i]);
        }
    }
}
