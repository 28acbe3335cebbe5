// What the Peer FSM tests share: a Peer over FakeTransport with manual time, a Rib probe, the handshake steps.
package org.bgpekko.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.ManualTime;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.bgpekko.config.ConfigParser;
import org.bgpekko.config.NeighborConfig;
import org.bgpekko.peer.FakeTransport.FakeConnection;
import org.bgpekko.rib.Rib;
import org.bgpekko.wire.BgpMessage;
import org.bgpekko.wire.Family;
import org.bgpekko.wire.Keepalive;
import org.bgpekko.wire.Notification;
import org.bgpekko.wire.Open;
import org.bgpekko.wire.capability.FourOctetAs;
import org.bgpekko.wire.capability.Multiprotocol;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/** One test kit per test class (its own manual clock). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class FsmHarness {
    final ActorTestKit KIT = ActorTestKit.create(ManualTime.config());
    final ManualTime TIME = ManualTime.get(KIT.system());
    static final long OUR_ID = 0x0A000001L;
    static final long THEIR_ID = 0x0A000002L;

    FakeTransport transport;
    TestProbe<Rib.Command> rib;
    TestProbe<Peer.Stopped> parent;
    ActorRef<Peer.Command> peer;

    @AfterAll
    void shutdown() {
        KIT.shutdownTestKit();
    }

    @BeforeEach
    void setUp() {
        transport = new FakeTransport();
        rib = KIT.createTestProbe();
        parent = KIT.createTestProbe();
    }

    @AfterEach
    void tearDown() {
        if (peer != null) {
            KIT.stop(peer);
        }
    }

    static NeighborConfig neighbor(int hold, String extra) {
        String text = "neighbor 127.0.0.2 { router-id 10.0.0.1; local-address 127.0.0.1; local-as 65001; "
                + "peer-as 65002; hold-time " + hold + "; " + extra + " family { ipv4 unicast; } }";
        return ConfigParser.parse(Path.of("fsm-test.conf"), text).neighbors().get(0);
    }

    void start(NeighborConfig n, int attempts) {
        Peer.Options o = new Peer.Options(179, attempts, false, 60, Duration.ofSeconds(5), "bgpekko/test");
        peer = KIT.spawn(Peer.create(n, o, transport, rib.ref(), parent.ref()));
    }

    static Open theirOpen(int hold) {
        return new Open(4, 65002, hold, THEIR_ID, List.of(new Multiprotocol(Family.IPV4_UNICAST),
                new FourOctetAs(65002)));
    }

    /** Connects and exchanges OPENs; returns the connection in OpenConfirm (our KEEPALIVE read). */
    FakeConnection openConfirm(int hold) throws Exception {
        FakeConnection c = transport.nextAttempt().succeed();
        Open ours = assertInstanceOf(Open.class, c.next());
        assertEquals(OUR_ID, ours.bgpIdentifier());
        c.receive(theirOpen(hold));
        assertInstanceOf(Keepalive.class, c.next());
        return c;
    }

    FakeConnection established(int hold) throws Exception {
        FakeConnection c = openConfirm(hold);
        c.receive(Keepalive.INSTANCE);
        Rib.PeerUp up = rib.expectMessageClass(Rib.PeerUp.class);
        assertEquals(List.of(Family.IPV4_UNICAST), up.session().families());
        assertEquals(65002, up.session().peerAs());
        assertTrue(up.session().options().asn4());
        return c;
    }

    static void assertNotification(int code, int subcode, BgpMessage m) {
        Notification n = assertInstanceOf(Notification.class, m);
        assertEquals(List.of(code, subcode), List.of(n.code(), n.subcode()), n.toString());
    }

}
