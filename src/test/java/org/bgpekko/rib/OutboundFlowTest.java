// The held-batch and initial-table state machine of one neighbour, and the held batches' merge rules.
package org.bgpekko.rib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.bgpekko.wire.attribute.PathAttributes;
import org.bgpekko.wire.nlri.InetNlri;
import org.bgpekko.wire.nlri.IpAddress;
import org.junit.jupiter.api.Test;

class OutboundFlowTest {
    private final NlriSlots slots = new NlriSlots();
    private final InternTable<OutboundAttributes> attrs = new InternTable<>();
    private final AdjRibOut out = new AdjRibOut(slots, attrs);
    private final OutboundFlow flow = new OutboundFlow();

    private HeldBatch newBatch() {
        return new HeldBatch(slots, attrs);
    }

    private int slot(String prefix) {
        return slots.acquire(InetNlri.of(prefix));
    }

    private int attr(String nextHop) {
        return attrs.acquire(new OutboundAttributes(PathAttributes.EMPTY,
                java.util.Optional.of(IpAddress.parse(nextHop))));
    }

    /** One helper batch that announces (or withdraws) a prefix. */
    private void batch(String prefix, boolean announce) {
        ChangeSink sink = flow.beginBatch(out, this::newBatch);
        if (announce) {
            sink.announce(slot(prefix), attr("1.1.1.1"));
        } else {
            sink.withdraw(slot(prefix), attr("0.0.0.0"));
        }
        flow.endBatch();
    }

    private static Flush emptyFlush(boolean counts) {
        return new Flush(counts ? List.of(new Flush.Group(0, org.bgpekko.wire.Family.IPV4_UNICAST, new int[0]))
                : List.of(), Map.of(), new int[0], new int[0], List.of(), List.of(), false);
    }

    @Test
    void downHoldsEachBatchThenTheInitialTableThenOneFlushPerHeldBatchThenLive() {
        assertEquals(OutboundFlow.Phase.DOWN, flow.phase());
        batch("10.0.0.0/24", true);
        batch("10.0.1.0/24", true);
        assertEquals(2, flow.heldBatches());
        assertEquals(0, out.size(), "held, not in the table");
        flow.sessionUp();
        assertEquals(OutboundFlow.Phase.INITIAL, flow.phase());
        assertEquals(OutboundFlow.Step.IDLE, flow.next(false), "nothing before the initial table is written");
        batch("10.0.2.0/24", true); // arrives while the initial table is written: held behind the others
        assertEquals(3, flow.heldBatches());
        flow.flushWritten();
        assertEquals(OutboundFlow.Phase.RELEASING, flow.phase());
        assertEquals(OutboundFlow.Step.TAKE_PENDING, flow.next(true), "pending changes (a reload) go first");
        for (int i = 0; i < 3; i++) {
            assertEquals(OutboundFlow.Step.RELEASE_HELD, flow.next(false));
            flow.release().applyTo(out);
        }
        assertEquals(OutboundFlow.Phase.LIVE, flow.phase());
        assertEquals(3, out.size());
        assertSame(out, flow.beginBatch(out, this::newBatch), "live: straight to the Adj-RIB-Out");
        flow.endBatch();
    }

    @Test
    void noHeldBatchMeansLiveOnceTheInitialTableIsWritten() {
        flow.sessionUp();
        flow.flushWritten();
        assertEquals(OutboundFlow.Phase.LIVE, flow.phase());
        flow.sessionDown();
        assertEquals(OutboundFlow.Phase.DOWN, flow.phase());
        assertTrue(flow.holds());
    }

    @Test
    void aBatchThatChangesNothingIsNotKept() {
        flow.beginBatch(out, this::newBatch);
        flow.endBatch();
        assertEquals(0, flow.heldBatches());
    }

    /** Issue 10: 20,000 announce+withdraw batches while down were 20,000 flushes and a StackOverflowError. */
    @Test
    void batchesBeyondTheBoundMergeIntoTheLastKeepingOnlyTheResult() {
        for (int i = 0; i < 20_000; i++) {
            batch("10.0.0.0/24", true);
            batch("10.0.0.0/24", false);
        }
        assertEquals(OutboundFlow.MAX_HELD_BATCHES, flow.heldBatches());
        assertEquals(OutboundFlow.MAX_HELD_BATCHES, flow.heldChanges(), "one change per held batch");
        assertEquals(1, slots.size(), "one prefix numbered");
        assertEquals(2, attrs.size(), "two attribute sets interned");
    }

    @Test
    void pastTheChangeBoundEveryHeldBatchMergesIntoOne() {
        batch("10.0.0.0/24", true);
        ChangeSink big = flow.beginBatch(out, this::newBatch);
        int a = attr("1.1.1.1");
        for (int i = 0; i <= OutboundFlow.MAX_HELD_CHANGES; i++) {
            big.announce(slots.acquire(InetNlri.of((10 + (i >>> 16)) + "." + ((i >>> 8) & 0xFF) + "." + (i & 0xFF)
                    + ".0/24")), a);
        }
        flow.endBatch();
        assertEquals(1, flow.heldBatches());
        assertEquals(OutboundFlow.MAX_HELD_CHANGES + 1, flow.heldChanges(), "10.0.0.0/24 is in both");
    }

    @Test
    void withdrawalsAreAllowedOnceAFlushWithChangesWasTaken() {
        flow.sessionUp();
        assertFalse(flow.withdrawalsAllowed());
        flow.flushTaken(emptyFlush(false)); // End-of-RIB only
        assertFalse(flow.withdrawalsAllowed());
        flow.flushTaken(emptyFlush(true));
        assertTrue(flow.withdrawalsAllowed());
        flow.sessionUp();
        assertFalse(flow.withdrawalsAllowed(), "a new session starts over");
    }

    @Test
    void oneBatchInFlight() {
        flow.sessionUp();
        flow.sending();
        assertTrue(flow.inFlight());
        flow.sendDone();
        assertFalse(flow.inFlight());
        flow.sending();
        flow.sessionDown();
        assertFalse(flow.inFlight(), "a session that ends has nothing in flight");
    }

    /** A held clear drops the batch's announcements (never sent) and clears the table first when applied. */
    @Test
    void aHeldClearClearsTheTableFirstAndKeepsWhatFollows() {
        int a = attr("1.1.1.1");
        int x = slot("10.0.0.0/24");
        int y = slot("10.0.1.0/24");
        int z = slot("10.0.2.0/24");
        out.announce(x, a);
        out.sessionStarted();
        out.initialTable(List.of()).close(slots, attrs); // x was sent
        HeldBatch held = newBatch();
        held.announce(y, a);
        held.withdrawAll();
        held.announce(z, a);
        held.applyTo(out);
        assertEquals(-1, out.wanted(x));
        assertEquals(-1, out.wanted(y));
        assertEquals(a, out.wanted(z));
        Flush f = out.take(true);
        assertEquals(1, f.groups.size(), "one attribute set");
        assertEquals(List.of(x << 1, z << 1 | 1), java.util.Arrays.stream(f.groups.get(0).entries()).boxed().toList(),
                "withdraw x, then announce z");
        f.close(slots, attrs);
    }

    @Test
    void absorbingALaterBatchLeavesWhatApplyingBothWould() {
        int a = attr("1.1.1.1");
        int x = slot("10.0.0.0/24");
        HeldBatch first = newBatch();
        first.announce(x, a);
        HeldBatch later = newBatch();
        later.withdraw(x, attr("0.0.0.0"));
        later.teardown(4);
        first.absorb(later);
        assertEquals(1, first.size());
        assertEquals(4, first.teardownSubcode());
        assertTrue(later.isEmpty());
        HeldBatch unrelated = newBatch();
        assertNotSame(unrelated, first);
    }
}
