// AdjRibOut's queue: ExaBGP's pending changes per attribute set, the wire ending at the last command, and the
// first session's table being what was queued.
package org.bgpekko.rib;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bgpekko.wire.Family;
import org.bgpekko.wire.attribute.MultiExitDisc;
import org.bgpekko.wire.attribute.PathAttributes;
import org.bgpekko.wire.nlri.InetNlri;
import org.bgpekko.wire.nlri.IpAddress;
import org.bgpekko.wire.nlri.Nlri;
import org.junit.jupiter.api.Test;

class AdjRibOutTest {
    private static final Nlri X = InetNlri.of("10.0.0.0/24");
    private static final Nlri Y = InetNlri.of("10.0.1.0/24");

    private final NlriSlots slots = new NlriSlots();
    private final InternTable<OutboundAttributes> attrs = new InternTable<>();

    private static OutboundAttributes set(long med) {
        return new OutboundAttributes(PathAttributes.of(new MultiExitDisc(med)),
                Optional.of(IpAddress.parse("192.0.2.1")));
    }

    private void change(ChangeSink out, Nlri nlri, long med, boolean announce) {
        int attr = attrs.acquire(set(med));
        int slot = slots.acquire(nlri);
        if (announce) {
            out.announce(slot, attr);
        } else {
            out.withdraw(slot, attr);
        }
        slots.release(slot);
        attrs.release(attr);
    }

    /** A flush's changes in the order they go out: "+X@1" = announce X with MED 1, "-X@0" = withdraw. */
    private List<String> order(Flush f) {
        List<String> out = new ArrayList<>();
        for (Flush.Group g : f.groups) {
            long med = ((MultiExitDisc) attrs.get(g.attr()).attributes().list().get(0)).value();
            for (int e : g.entries()) {
                out.add(((e & 1) == 1 ? "+" : "-") + (slots.nlri(e >>> 1).equals(X) ? "X" : "Y") + "@" + med);
            }
        }
        f.close(slots, attrs);
        return out;
    }

    private AdjRibOut started() {
        AdjRibOut out = new AdjRibOut(slots, attrs);
        out.sessionStarted();
        out.initialTable(List.of()).close(slots, attrs);
        return out;
    }

    /**
     * api-flow written in one read: withdraw F1 (its own attributes), announce F1, F2, F1, F2, withdraw F1, announce
     * F1. The first withdrawal stays ahead of the announcements (ExaBGP sends it; api-flow needs its
     * attribute-only UPDATE); the second replaces it, cancelling the announcement queued after it.
     */
    @Test
    void aPendingChangeOfAnEarlierGroupStays() {
        AdjRibOut out = started();
        change(out, X, 0, false);
        change(out, X, 1, true);
        change(out, Y, 2, true);
        change(out, X, 1, true);
        change(out, Y, 2, true);
        change(out, X, 0, false);
        change(out, X, 1, true);
        assertEquals(3, out.pendingChanges());
        assertEquals(List.of("-X@0", "+Y@2", "+X@1"), order(out.take(true)));
    }

    /** The same batch held before the session (HeldBatch) and applied later leaves the same changes. */
    @Test
    void aHeldBatchKeepsTheEarlierGroupToo() {
        HeldBatch held = new HeldBatch(slots, attrs);
        change(held, X, 0, false);
        change(held, X, 1, true);
        change(held, Y, 2, true);
        change(held, X, 1, true);
        change(held, Y, 2, true);
        change(held, X, 0, false);
        change(held, X, 1, true);
        AdjRibOut out = started();
        held.applyTo(out);
        assertEquals(List.of("-X@0", "+Y@2", "+X@1"), order(out.take(true)));
    }

    /** D8: a pending change whose group goes out after the new one would end the wire on an older command. */
    @Test
    void aPendingChangeOfALaterGroupIsCancelled() {
        AdjRibOut out = started();
        change(out, Y, 2, true);
        change(out, X, 1, true);
        change(out, X, 2, true);
        assertEquals(List.of("+Y@2", "+X@2"), order(out.take(true)));
        change(out, X, 3, true);
        change(out, X, 3, false);
        assertEquals(List.of("-X@3"), order(out.take(true)), "same group: replaced in place");
    }

    /** Three groups: a change in the middle one keeps the first group's change and cancels the last one's. */
    @Test
    void onlyTheGroupsAfterTheChangeAreCancelled() {
        AdjRibOut out = started();
        change(out, X, 1, true);
        change(out, Y, 2, true);
        change(out, X, 3, true);
        change(out, X, 2, true);
        assertEquals(List.of("+X@1", "+Y@2", "+X@2"), order(out.take(true)));
        assertEquals(0, slots.size() - out.size(), "every slot reference is released");
    }

    /** A withdrawal with another set cancels every pending change: a held batch stays one change per NLRI (D9). */
    @Test
    void aWithdrawalCancelsEveryPendingChange() {
        AdjRibOut out = started();
        change(out, X, 1, true);
        change(out, Y, 2, true);
        change(out, X, 2, true);
        change(out, X, 0, false);
        assertEquals(2, out.pendingChanges());
        assertEquals(List.of("+Y@2", "-X@0"), order(out.take(true)));
    }

    /** Announcements with ever new sets keep only the oldest earlier change: at most two per NLRI. */
    @Test
    void atMostTwoPendingChangesPerNlri() {
        AdjRibOut out = started();
        for (int med = 1; med <= 100; med++) {
            change(out, X, med, true);
        }
        assertEquals(2, out.pendingChanges());
        assertEquals(List.of("+X@1", "+X@100"), order(out.take(true)));
        assertEquals(1, attrs.size(), "the sets in between were released");
    }

    /** conf-flow-redirect: two configured routes with one NLRI both go out on the first session, the last last. */
    @Test
    void theFirstSessionSendsWhatWasQueued() {
        AdjRibOut out = new AdjRibOut(slots, attrs);
        change(out, X, 1, true);
        change(out, Y, 2, true);
        change(out, X, 3, true);
        out.sessionStarted();
        assertEquals(List.of("+X@1", "+Y@2", "+X@3"), order(out.initialTable(List.of(Family.IPV4_UNICAST))));
        out.sessionStarted();
        assertEquals(List.of("+X@3", "+Y@2"), order(out.initialTable(List.of())), "a later session: the table");
    }

    /** A route whose last change before the first session withdrew it is not in the first table at all. */
    @Test
    void theFirstTableLeavesOutWhatWasWithdrawn() {
        AdjRibOut out = new AdjRibOut(slots, attrs);
        change(out, X, 1, true);
        change(out, Y, 2, true);
        change(out, X, 3, false);
        out.sessionStarted();
        assertEquals(List.of("+Y@2"), order(out.initialTable(List.of())));
    }

    /** clear adj-rib out forgets every pending change of a route never sent. */
    @Test
    void clearDropsEveryPendingChangeOfAnUnsentRoute() {
        AdjRibOut out = started();
        change(out, X, 0, false);
        change(out, X, 1, true);
        out.withdrawAll();
        assertEquals(List.of(), order(out.take(true)));
    }

    /** A held clear keeps the withdrawal of an earlier group and drops only the announcement. */
    @Test
    void aHeldClearKeepsTheEarlierWithdrawal() {
        HeldBatch held = new HeldBatch(slots, attrs);
        change(held, X, 0, false);
        change(held, X, 1, true);
        held.withdrawAll();
        assertEquals(1, held.size());
        AdjRibOut out = started();
        held.applyTo(out);
        assertEquals(List.of("-X@0"), order(out.take(true)));
    }

    /** Every reference goes back when the table is cleared: nothing leaks through the earlier-group changes. */
    @Test
    void referencesAreReleased() {
        AdjRibOut out = started();
        for (int i = 0; i < 200; i++) {
            change(out, i % 2 == 0 ? X : Y, i % 7, i % 5 != 0);
        }
        out.clear();
        assertEquals(0, slots.size());
        assertEquals(0, attrs.size());
    }
}
