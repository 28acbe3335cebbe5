// RFC 4271 section 8 transitions of the Peer actor over an in-memory transport, with manual time.
package org.bgpekko.peer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.util.ByteString;
import org.bgpekko.peer.FakeTransport.FakeConnection;
import org.bgpekko.rib.Rib;
import org.bgpekko.wire.Bytes;
import org.bgpekko.wire.Family;
import org.bgpekko.wire.Keepalive;
import org.bgpekko.wire.MessageCodec;
import org.bgpekko.wire.Notification;
import org.bgpekko.wire.Open;
import org.bgpekko.wire.SessionOptions;
import org.bgpekko.wire.Update;
import org.bgpekko.wire.capability.FourOctetAs;
import org.junit.jupiter.api.Test;

class PeerFsmTest extends FsmHarness {    @Test
    void connectOpenSentOpenConfirmEstablished() throws Exception {
        start(neighbor(9, ""), 0);
        FakeTransport.Attempt a = transport.nextAttempt();
        assertEquals(179, a.remote().getPort());
        assertEquals("127.0.0.2", a.remote().getAddress().getHostAddress());
        assertEquals("127.0.0.1", a.local().orElseThrow().getAddress().getHostAddress());
        FakeConnection c = a.succeed();
        assertInstanceOf(Open.class, c.next());
        c.receive(theirOpen(9));
        assertInstanceOf(Keepalive.class, c.next());
        rib.expectNoMessage(Duration.ofMillis(100));
        c.receive(Keepalive.INSTANCE);
        Rib.PeerUp up = rib.expectMessageClass(Rib.PeerUp.class);
        assertEquals(1, up.session().generation());
        assertEquals(theirOpen(9), up.session().received());
        assertEquals("127.0.0.1", up.session().localAddress().toString());
    }

    @Test
    void keepalivesEveryThirdOfTheHoldTimeAndNeverInReply() throws Exception {
        start(neighbor(9, ""), 0);
        FakeConnection c = established(9);
        c.receive(Keepalive.INSTANCE);
        assertNull(c.nothingWritten(200), "a KEEPALIVE answered a KEEPALIVE");
        for (int i = 0; i < 3; i++) {
            TIME.timePasses(Duration.ofSeconds(2));
            assertNull(c.nothingWritten(100));
            c.receive(Keepalive.INSTANCE); // keeps the hold timer from expiring
            TIME.timePasses(Duration.ofSeconds(1));
            assertInstanceOf(Keepalive.class, c.next());
        }
    }

    @Test
    void holdTimerExpiryIs4_0ThenPeerDownAndReconnect() throws Exception {
        start(neighbor(9, ""), 0);
        FakeConnection c = established(9);
        TIME.timePasses(Duration.ofSeconds(3));
        assertInstanceOf(Keepalive.class, c.next());
        TIME.timePasses(Duration.ofSeconds(3));
        assertInstanceOf(Keepalive.class, c.next());
        TIME.timePasses(Duration.ofSeconds(3));
        byte[] last = c.nextBytes();
        if (MessageCodec.decode(last, SessionOptions.DEFAULT) instanceof Keepalive) {
            last = c.nextBytes();
        }
        assertArrayEquals(Bytes.fromHex("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF0015030400").toArray(), last);
        assertEquals(new Rib.PeerDown(PeerId.of(neighbor(9, "")), 1), rib.expectMessageClass(Rib.PeerDown.class));
        assertTrue(waitClosed(c), "closed after the NOTIFICATION (the Rib may hear of it first)");
        transport.nextAttempt(); // reconnects at once after a session that was up
    }

    @Test
    void holdTimeZeroRunsNoTimers() throws Exception {
        start(neighbor(0, ""), 0);
        FakeConnection c = established(0);
        TIME.timePasses(Duration.ofSeconds(600));
        assertNull(c.nothingWritten(300));
        rib.expectNoMessage(Duration.ofMillis(100));
    }

    @Test
    void openSentHoldTimerExpiry() throws Exception {
        start(neighbor(9, ""), 0);
        FakeConnection c = transport.nextAttempt().succeed();
        assertInstanceOf(Open.class, c.next());
        TIME.timePasses(Duration.ofSeconds(60));
        assertNotification(4, 0, c.next());
        assertTrue(waitClosed(c));
    }

    @Test
    void badPeerAsIs2_2AndNoSession() throws Exception {
        start(neighbor(9, ""), 0);
        FakeConnection c = transport.nextAttempt().succeed();
        c.next();
        c.receive(new Open(4, 65003, 9, THEIR_ID, List.of(new FourOctetAs(65003))));
        Notification n = (Notification) c.next();
        assertEquals(List.of(2, 2), List.of(n.code(), n.subcode()));
        assertEquals("ASN in OPEN (65003) did not match ASN expected (65002)", n.data().utf8());
        assertTrue(waitClosed(c));
        rib.expectNoMessage(Duration.ofMillis(100));
        transport.nextAttempt(); // first failure: ExaBGP's delay is 0 s
    }

    @Test
    void holdTimeTwoIs2_6AndSameIdentifierOnIbgpIs2_3() throws Exception {
        start(neighbor(9, ""), 0);
        FakeConnection c = transport.nextAttempt().succeed();
        c.next();
        c.receive(theirOpen(2));
        assertNotification(2, 6, c.next());
        FakeConnection d = transport.nextAttempt().succeed();
        d.next();
        d.receive(new Open(4, 65002, 9, 0, List.of(new FourOctetAs(65002))));
        assertNotification(2, 3, d.next());
    }

    @Test
    void unexpectedMessagesAreFsmErrors() throws Exception {
        start(neighbor(9, ""), 0);
        FakeConnection c = transport.nextAttempt().succeed();
        c.next();
        c.receive(Keepalive.INSTANCE);
        assertNotification(5, 1, c.next());
        FakeConnection d = transport.nextAttempt().succeed();
        d.next();
        d.receive(theirOpen(9));
        d.next();
        d.receive(Update.endOfRib(Family.IPV4_UNICAST));
        assertNotification(5, 2, d.next());
    }

    @Test
    void undecodableMessageSendsTheDecodersNotification() throws Exception {
        start(neighbor(9, ""), 0);
        FakeConnection c = established(9);
        InboundDecoder decoder = new InboundDecoder(OpenBuilder.build(neighbor(9, ""), "x"));
        InboundDecoder.Item item = decoder.feed(ByteString.fromArray(Bytes.fromHex("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF0013FF").toArray())).get(0);
        c.receiveUndecodable(item.error());
        String expected = "FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF004003010063616E206E6F74206465636F6465207570646174652"
                + "06D657373616765206F662074797065202232353522";
        assertEquals(expected, Bytes.of(c.nextBytes()).hex().toUpperCase());
        rib.expectMessageClass(Rib.PeerDown.class);
    }

    @Test
    void keepaliveGoesOutBeforeANotificationRightBehindTheOpen() throws Exception {
        start(neighbor(9, ""), 0);
        FakeConnection c = transport.nextAttempt().succeed();
        c.next();
        c.receive(theirOpen(9));
        c.receive(Keepalive.INSTANCE);
        c.receive(Notification.cease(0, "closing session because we can"));
        assertInstanceOf(Keepalive.class, c.next());
        rib.expectMessageClass(Rib.PeerUp.class);
        rib.expectMessageClass(Rib.PeerDown.class);
        assertTrue(waitClosed(c));
        assertNull(c.nothingWritten(100), "nothing is answered to a NOTIFICATION");
    }

    @Test
    void peerCloseReconnectsUntilTheAttemptLimitThenStops() throws Exception {
        start(neighbor(9, ""), 2);
        FakeConnection c = established(9);
        c.peerCloses();
        rib.expectMessageClass(Rib.PeerDown.class);
        FakeConnection d = established(9);
        d.peerCloses();
        rib.expectMessageClass(Rib.PeerDown.class);
        assertEquals(new Peer.Stopped(PeerId.of(neighbor(9, ""))), parent.receiveMessage());
        assertNull(transport.noAttempt(200));
        peer = null;
    }

    /** unknown-message: the speaker exited before its NOTIFICATION left, once the last attempt was used. */
    @Test
    void atTheAttemptLimitTheLastNotificationLeavesBeforeStopped() throws Exception {
        start(neighbor(9, ""), 1);
        FakeConnection c = established(9);
        c.slowClose = true;
        InboundDecoder decoder = new InboundDecoder(OpenBuilder.build(neighbor(9, ""), "x"));
        c.receiveUndecodable(decoder.feed(ByteString.fromArray(Bytes.fromHex("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF0013FF").toArray())).get(0).error());
        assertNotification(1, 0, c.next());
        parent.expectNoMessage(Duration.ofMillis(300));
        c.closeCompletes();
        assertEquals(new Peer.Stopped(PeerId.of(neighbor(9, ""))), parent.receiveMessage());
        peer = null;
    }

    @Test
    void failedConnectsBackOff() throws Exception {
        start(neighbor(9, ""), 0);
        transport.nextAttempt().fail();
        transport.nextAttempt().fail(); // 0 s
        assertNull(transport.noAttempt(200));
        TIME.timePasses(Duration.ofSeconds(1));
        transport.nextAttempt().fail(); // 1 s
        TIME.timePasses(Duration.ofSeconds(1));
        assertNull(transport.noAttempt(200));
        TIME.timePasses(Duration.ofSeconds(1));
        transport.nextAttempt(); // 2 s
    }

    @Test
    void sendAndReceiveFlowWithAcks() throws Exception {
        start(neighbor(9, ""), 0);
        FakeConnection c = established(9);
        byte[] eor = MessageCodec.encode(Update.endOfRib(Family.IPV4_UNICAST), SessionOptions.DEFAULT);
        peer.tell(new Peer.Send(1, List.of(Bytes.of(eor), Bytes.of(eor))));
        byte[] both = new byte[2 * eor.length]; // a Rib batch goes to a socket as one write (Link.sendRib)
        System.arraycopy(eor, 0, both, 0, eor.length);
        System.arraycopy(eor, 0, both, eor.length, eor.length);
        assertArrayEquals(both, c.nextBytes());
        PeerId id = PeerId.of(neighbor(9, ""));
        assertEquals(new Rib.SendDone(id, 1), rib.expectMessageClass(Rib.SendDone.class));
        peer.tell(new Peer.Send(0, List.of(Bytes.of(eor)))); // an old generation: dropped, answered
        assertEquals(new Rib.SendDone(id, 0), rib.expectMessageClass(Rib.SendDone.class));
        assertNull(c.nothingWritten(100));

        Update u = Update.endOfRib(Family.IPV4_UNICAST);
        c.receive(u);
        assertEquals(List.of(u), rib.expectMessageClass(Rib.Received.class).updates());
        c.receive(u);
        c.receive(u);
        rib.expectNoMessage(Duration.ofMillis(100)); // one batch in flight
        peer.tell(new Peer.ReceivedAck(1));
        assertEquals(2, rib.expectMessageClass(Rib.Received.class).updates().size());
    }

    @Test
    void inboundIsBoundedWhileTheRibIsBusy() throws Exception {
        start(neighbor(9, ""), 0);
        FakeConnection c = established(9);
        int before = c.pulls.get();
        Update u = Update.endOfRib(Family.IPV4_UNICAST);
        for (int i = 0; i < InboundToRib.MAX_WAITING + 1; i++) {
            c.receive(u);
        }
        rib.expectMessageClass(Rib.Received.class);
        Thread.sleep(200);
        assertEquals(before + InboundToRib.MAX_WAITING, c.pulls.get(), "stopped pulling at the bound");
        peer.tell(new Peer.ReceivedAck(1));
        assertEquals(InboundToRib.MAX_WAITING, rib.expectMessageClass(Rib.Received.class).updates().size());
        Thread.sleep(100);
        assertEquals(before + InboundToRib.MAX_WAITING + 1, c.pulls.get());
    }

    /** Large UPDATEs stop reading at about a MiB waiting, long before the count bound. */
    @Test
    void inboundIsBoundedInBytesToo() throws Exception {
        start(neighbor(9, ""), 0);
        FakeConnection c = established(9);
        int before = c.pulls.get();
        org.bgpekko.wire.nlri.NlriBlock.Builder b = org.bgpekko.wire.nlri.NlriBlock.builder(Family.IPV4_UNICAST,
                false);
        for (int i = 0; i < 800; i++) {
            b.addIpv4(org.bgpekko.wire.nlri.Nlri.NO_PATH_ID, 0x0A000000L + ((long) i << 8), 24);
        }
        org.bgpekko.wire.nlri.NlriBlock nlri = b.build(); // 3,200 bytes of NLRI
        Update big = new Update(org.bgpekko.wire.nlri.NlriBlock.empty(Family.IPV4_UNICAST),
                org.bgpekko.wire.attribute.PathAttributes.EMPTY, nlri);
        int each = 64 + nlri.byteLength(); // the estimate of one
        for (int i = 0; i < 400; i++) {
            c.receive(big);
        }
        rib.expectMessageClass(Rib.Received.class);
        Thread.sleep(200);
        int pulled = c.pulls.get() - before;
        int atBound = (InboundToRib.MAX_WAITING_BYTES + each - 1) / each; // UPDATEs waiting when it stops
        assertTrue(pulled >= atBound && pulled <= atBound + 1, pulled + " pulls, " + atBound
                + " UPDATEs make a MiB: reading stopped there (the fake connection pushes on regardless)");
        peer.tell(new Peer.ReceivedAck(1));
        assertTrue(rib.expectMessageClass(Rib.Received.class).updates().size() >= atBound);
    }

    @Test
    void teardownSendsCeaseWithTextAndReconnectsAtOnce() throws Exception {
        start(neighbor(9, ""), 0);
        FakeConnection c = established(9);
        peer.tell(new Peer.Teardown(4, ""));
        assertEquals("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF002A03060414" + "41646D696E69737472617469766520526573657"
                + "4", Bytes.of(c.nextBytes()).hex().toUpperCase());
        rib.expectMessageClass(Rib.PeerDown.class);
        established(9);
    }

    @Test
    void shutdownSendsAdministrativeShutdownAndStops() throws Exception {
        start(neighbor(9, ""), 0);
        FakeConnection c = established(9);
        TestProbe<Peer.Stopped> reply = KIT.createTestProbe();
        peer.tell(new Peer.Shutdown(reply.ref()));
        Notification n = (Notification) c.next();
        assertEquals(List.of(6, 2), List.of(n.code(), n.subcode()));
        assertEquals("Administrative Shutdown", n.shutdownCommunication().orElseThrow());
        reply.expectMessage(new Peer.Stopped(PeerId.of(neighbor(9, ""))));
        reply.expectTerminated(peer);
        peer = null;
    }

    @Test
    void collisionOurHigherIdentifierKeepsTheOutgoingConnection() throws Exception {
        start(neighbor(9, "router-id 10.0.0.9;"), 0);
        FakeConnection out = transport.nextAttempt().succeed();
        out.next();
        FakeTransport.FakeIncoming in = new FakeTransport.FakeIncoming();
        peer.tell(new Peer.Incoming(in));
        FakeConnection inc = in.connection();
        assertInstanceOf(Open.class, inc.next());
        inc.receive(theirOpen(9)); // their id 10.0.0.2 < ours 10.0.0.9
        assertNotification(6, 7, inc.next());
        assertTrue(waitClosed(inc));
        out.receive(theirOpen(9));
        assertInstanceOf(Keepalive.class, out.next());
        out.receive(Keepalive.INSTANCE);
        rib.expectMessageClass(Rib.PeerUp.class);
    }

    @Test
    void collisionTheirHigherIdentifierKeepsTheIncomingConnection() throws Exception {
        start(neighbor(9, ""), 0); // ours 10.0.0.1 < theirs 10.0.0.2
        FakeConnection out = transport.nextAttempt().succeed();
        out.next();
        out.receive(theirOpen(9));
        out.next(); // OpenConfirm
        FakeTransport.FakeIncoming in = new FakeTransport.FakeIncoming();
        peer.tell(new Peer.Incoming(in));
        FakeConnection inc = in.connection();
        assertInstanceOf(Open.class, inc.next());
        inc.receive(theirOpen(9));
        assertNotification(6, 7, out.next());
        assertTrue(waitClosed(out));
        assertInstanceOf(Keepalive.class, inc.next());
        inc.receive(Keepalive.INSTANCE);
        rib.expectMessageClass(Rib.PeerUp.class);
        peer.tell(new Peer.Incoming(new FakeTransport.FakeIncoming())); // established: refused with 6/7
    }

    @Test
    void incomingWhileEstablishedIsRefusedWith6_7() throws Exception {
        start(neighbor(9, ""), 0);
        established(9);
        FakeTransport.FakeIncoming in = new FakeTransport.FakeIncoming();
        peer.tell(new Peer.Incoming(in));
        FakeConnection inc = in.connection();
        Notification n = (Notification) inc.next();
        assertEquals(List.of(6, 7), List.of(n.code(), n.subcode()));
        assertEquals("could not accept the connection, already established", n.data().utf8());
    }

    @Test
    void passiveNeighbourWaitsForTheIncomingConnection() throws Exception {
        start(neighbor(9, "passive true;"), 0);
        assertNull(transport.noAttempt(300));
        FakeTransport.FakeIncoming in = new FakeTransport.FakeIncoming();
        peer.tell(new Peer.Incoming(in));
        FakeConnection inc = in.connection();
        assertInstanceOf(Open.class, inc.next());
        inc.receive(theirOpen(9));
        inc.next();
        inc.receive(Keepalive.INSTANCE);
        rib.expectMessageClass(Rib.PeerUp.class);
        inc.peerCloses();
        rib.expectMessageClass(Rib.PeerDown.class);
        assertNull(transport.noAttempt(300));
    }

    /** The route server's max-prefix Cease (RFC 4486: AFI 1, SAFI 1, limit 2) as Relay builds it. */
    private static final Notification MAX_PREFIX = new Notification(6, 1, Bytes.fromHex("00010100000002"));

    @Test
    void disableSendsItsNotificationAndRefusesConnectionsUntilItsTimeIsOver() throws Exception {
        start(neighbor(9, "passive true;"), 0);
        FakeTransport.FakeIncoming in = new FakeTransport.FakeIncoming();
        peer.tell(new Peer.Incoming(in));
        FakeConnection inc = in.connection();
        inc.next();
        inc.receive(theirOpen(9));
        inc.next();
        inc.receive(Keepalive.INSTANCE);
        rib.expectMessageClass(Rib.PeerUp.class);
        peer.tell(new Peer.Disable(MAX_PREFIX, Duration.ofMinutes(15)));
        assertEquals("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF" + "001C03" + "0601" + "00010100000002",
                Bytes.of(inc.nextBytes()).hex().toUpperCase(), "Cease 1 with the data as given");
        rib.expectMessageClass(Rib.PeerDown.class);
        assertTrue(waitClosed(inc));
        TIME.timePasses(Duration.ofMinutes(14));
        FakeTransport.FakeIncoming refused = new FakeTransport.FakeIncoming();
        peer.tell(new Peer.Incoming(refused));
        for (int i = 0; i < 100 && !refused.rejected.get(); i++) {
            Thread.sleep(20);
        }
        assertTrue(refused.rejected.get(), "refused while disabled");
        assertTrue(refused.attached.isEmpty());
        TIME.timePasses(Duration.ofMinutes(1));
        FakeTransport.FakeIncoming later = new FakeTransport.FakeIncoming();
        peer.tell(new Peer.Incoming(later));
        assertInstanceOf(Open.class, later.connection().next(), "taken once the 15 minutes are over");
    }

    @Test
    void disableWithoutATimeKeepsAnActiveNeighbourFromReconnecting() throws Exception {
        start(neighbor(9, ""), 0);
        FakeConnection c = established(9);
        peer.tell(new Peer.Disable(MAX_PREFIX, null));
        assertNotification(6, 1, c.next());
        rib.expectMessageClass(Rib.PeerDown.class);
        TIME.timePasses(Duration.ofHours(2));
        assertNull(transport.noAttempt(300), "no connection attempt: down until restarted or reconfigured");
        FakeTransport.FakeIncoming refused = new FakeTransport.FakeIncoming();
        peer.tell(new Peer.Incoming(refused));
        for (int i = 0; i < 100 && !refused.rejected.get(); i++) {
            Thread.sleep(20);
        }
        assertTrue(refused.rejected.get());
    }

    static boolean waitClosed(FakeConnection c) throws InterruptedException {
        for (int i = 0; i < 100 && !c.closed.get(); i++) {
            Thread.sleep(20);
        }
        return c.closed.get();
    }

    /** A connect still under way when the Peer stops, or when an incoming connection wins, is aborted (no leak). */
    @Test
    void aConnectionAttemptStillOpeningIsAbortedWhenGivenUp() throws Exception {
        start(neighbor(9, ""), 0);
        FakeTransport.Attempt a = transport.nextAttempt();
        FakeTransport.FakeIncoming in = new FakeTransport.FakeIncoming();
        peer.tell(new Peer.Incoming(in));
        assertInstanceOf(Open.class, in.connection().next());
        assertTrue(a.aborted().get(), "the outgoing attempt is aborted when the incoming one is taken");
        KIT.stop(peer);
        setUp();
        start(neighbor(9, ""), 0);
        FakeTransport.Attempt b = transport.nextAttempt();
        TestProbe<Peer.Stopped> stopped = KIT.createTestProbe();
        peer.tell(new Peer.Shutdown(stopped.ref()));
        stopped.expectMessageClass(Peer.Stopped.class);
        assertTrue(b.aborted().get(), "the outgoing attempt is aborted when the Peer stops");
    }
}
