// Timers that must neither wait for ever nor fire on a healthy peer: send hold (RFC 9687), OpenConfirm, busy Rib.
package org.bgpekko.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.bgpekko.peer.FakeTransport.FakeConnection;
import org.bgpekko.rib.Rib;
import org.bgpekko.wire.BgpMessage;
import org.bgpekko.wire.Bytes;
import org.bgpekko.wire.Family;
import org.bgpekko.wire.Keepalive;
import org.bgpekko.wire.Open;
import org.bgpekko.wire.Update;
import org.bgpekko.wire.capability.FourOctetAs;
import org.bgpekko.wire.capability.Multiprotocol;
import org.bgpekko.wire.capability.UnknownCapability;
import org.junit.jupiter.api.Test;

class PeerTimersTest extends FsmHarness {
    /** Lets {@code seconds} pass in steps of 6 s, the peer sending a KEEPALIVE at each step (hold time 9). */
    void peerKeepsSendingKeepalives(FakeConnection c, int seconds) {
        for (int t = 0; t < seconds; t += 6) {
            c.receive(Keepalive.INSTANCE);
            TIME.timePasses(Duration.ofSeconds(6));
        }
    }

    /** The next message written that is not a KEEPALIVE. */
    static BgpMessage nextNotKeepalive(FakeConnection c) throws InterruptedException {
        BgpMessage m = c.next();
        while (m instanceof Keepalive) {
            m = c.next();
        }
        return m;
    }

    @Test
    void aPeerThatSendsKeepalivesButNeverReadsIsClosedAfterTheSendHoldTime() throws Exception {
        start(neighbor(9, ""), 0);
        FakeConnection c = established(9);
        c.frozen = true; // from now on nothing we write is taken by the socket
        peerKeepsSendingKeepalives(c, 474); // 8 minutes (> 2 x 9 s) minus one step
        rib.expectNoMessage(Duration.ofMillis(200));
        peerKeepsSendingKeepalives(c, 6);
        assertEquals(new Rib.PeerDown(PeerId.of(neighbor(9, "")), 1), rib.expectMessageClass(Rib.PeerDown.class));
        // what was queued behind the write that never left: one KEEPALIVE (not one per tick), then 8/0, then close
        c.written.clear();
        c.frozen = false;
        peer.tell(new Peer.Written(c.id));
        assertInstanceOf(Keepalive.class, c.next());
        assertNotification(8, 0, c.next());
        Thread.sleep(100);
        assertTrue(c.closed.get());
    }

    /**
     * The send hold time counts from the last message the socket took, not from the session's start: the timer is
     * not restarted per message but set again for what remains when it fires. ManualTime runs a timer's task before
     * it moves its clock, and the Peer reads the clock on its own thread: a deadline seen from the timer's firing
     * may be off by one step of 6 s, hence the margins of one step.
     */
    @Test
    void aMessageTakenBySocketStartsTheSendHoldTimeAgain() throws Exception {
        start(neighbor(9, ""), 0);
        FakeConnection c = established(9);
        c.frozen = true;
        peerKeepsSendingKeepalives(c, 240);
        c.written.clear();
        peer.tell(new Peer.Written(c.id)); // after 4 minutes, the socket takes one message: progress
        assertInstanceOf(Keepalive.class, c.next()); // the queued KEEPALIVE goes, and is not taken
        peerKeepsSendingKeepalives(c, 462); // 702 s: past 8 minutes from the start, not from the progress
        rib.expectNoMessage(Duration.ofMillis(200));
        // 8 minutes after the progress (720 s), within a step; its end is seen at once (the close lingers 2 s only)
        Rib.PeerDown down = null;
        for (int t = 702; t < 726 && down == null; t += 6) {
            peerKeepsSendingKeepalives(c, 6);
            try {
                down = rib.expectMessageClass(Rib.PeerDown.class, Duration.ofMillis(300));
            } catch (AssertionError notYet) {
                // not at this step
            }
        }
        assertEquals(new Rib.PeerDown(PeerId.of(neighbor(9, "")), 1), down);
        c.written.clear();
        c.frozen = false;
        peer.tell(new Peer.Written(c.id));
        assertNotification(8, 0, nextNotKeepalive(c));
    }

    @Test
    void sendHoldTimeIsTheGreaterOfEightMinutesAndTwiceTheHoldTime() {
        assertEquals(Duration.ofMinutes(8), SessionTimers.sendHoldTime(90));
        assertEquals(Duration.ofSeconds(600), SessionTimers.sendHoldTime(300));
    }

    @Test
    void openConfirmWithHoldTimeZeroWaitsForTheKeepaliveAtMostTheOpenWait() throws Exception {
        start(neighbor(0, ""), 0);
        FakeConnection c = openConfirm(0);
        TIME.timePasses(Duration.ofSeconds(59));
        assertEquals(null, c.nothingWritten(100));
        TIME.timePasses(Duration.ofSeconds(1));
        assertNotification(4, 0, c.next());
        rib.expectNoMessage(Duration.ofMillis(100));
        transport.nextAttempt();
    }

    @Test
    void theHoldTimerWaitsWhileReadingWaitsForTheRib() throws Exception {
        start(neighbor(9, ""), 0);
        FakeConnection c = established(9);
        Update u = Update.endOfRib(Family.IPV4_UNICAST);
        for (int i = 0; i < InboundToRib.MAX_WAITING + 1; i++) {
            c.receive(u); // the peer's KEEPALIVEs now sit unread behind these in our socket
        }
        rib.expectMessageClass(Rib.Received.class);
        for (int i = 0; i < 20; i++) { // 60 s of a Rib turn, far past the hold time
            TIME.timePasses(Duration.ofSeconds(3));
            assertInstanceOf(Keepalive.class, c.next());
        }
        rib.expectNoMessage(Duration.ofMillis(100));
        peer.tell(new Peer.ReceivedAck(1));
        assertEquals(InboundToRib.MAX_WAITING, rib.expectMessageClass(Rib.Received.class).updates().size());
        TIME.timePasses(Duration.ofSeconds(8)); // reading again: the hold timer runs from its full value
        rib.expectNoMessage(Duration.ofMillis(100));
        TIME.timePasses(Duration.ofSeconds(1));
        assertNotification(4, 0, nextNotKeepalive(c));
        rib.expectMessageClass(Rib.PeerDown.class);
    }

    @Test
    void aRibThatNeverTakesTheUpdatesEndsTheSessionWithOutOfResources() throws Exception {
        start(neighbor(9, ""), 0);
        FakeConnection c = established(9);
        Update u = Update.endOfRib(Family.IPV4_UNICAST);
        for (int i = 0; i < InboundToRib.MAX_WAITING + 1; i++) {
            c.receive(u);
        }
        rib.expectMessageClass(Rib.Received.class);
        TIME.timePasses(SessionTimers.RIB_STALL_LIMIT.minusSeconds(1));
        rib.expectNoMessage(Duration.ofMillis(100));
        TIME.timePasses(Duration.ofSeconds(1));
        assertEquals(InboundToRib.MAX_WAITING, rib.expectMessageClass(Rib.Received.class).updates().size());
        rib.expectMessageClass(Rib.PeerDown.class);
        assertNotification(6, 8, nextNotKeepalive(c));
    }

    @Test
    void malformedFourOctetAsOrMultiprotocolCapabilityIs2_0() throws Exception {
        for (UnknownCapability bad : List.of(new UnknownCapability(65, Bytes.fromHex("FDEA")),
                new UnknownCapability(1, Bytes.fromHex("000101")))) {
            setUp();
            start(neighbor(9, ""), 0);
            FakeConnection c = transport.nextAttempt().succeed();
            assertInstanceOf(Open.class, c.next());
            c.receive(new Open(4, 65002, 9, THEIR_ID, List.of(new Multiprotocol(Family.IPV4_UNICAST),
                    new FourOctetAs(65002), bad)));
            assertNotification(2, 0, c.next());
            rib.expectNoMessage(Duration.ofMillis(100));
            tearDown();
        }
    }
}
