// The Rib actor: initial table and End-of-RIB on session up, one batch in flight, resend after a reset, reload diff.
package org.bgpekko.rib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.bgpekko.config.ConfigParser;
import org.bgpekko.config.NeighborConfig;
import org.bgpekko.peer.Peer;
import org.bgpekko.peer.PeerId;
import org.bgpekko.peer.Session;
import org.bgpekko.wire.BgpMessage;
import org.bgpekko.wire.Family;
import org.bgpekko.wire.MessageCodec;
import org.bgpekko.wire.SessionOptions;
import org.bgpekko.wire.Open;
import org.bgpekko.wire.RouteRefreshMessage;
import org.bgpekko.wire.Update;
import org.bgpekko.wire.capability.Capability;
import org.bgpekko.wire.capability.EnhancedRouteRefresh;
import org.bgpekko.wire.capability.RouteRefresh;
import org.bgpekko.wire.nlri.Nlri;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class RibTest {
    private static final ActorTestKit kit = ActorTestKit.create();

    @AfterAll
    static void stop() {
        kit.shutdownTestKit();
    }

    static NeighborConfig neighbor(String routes) {
        String conf = "neighbor 127.0.0.1 { router-id 10.0.0.1; local-address 127.0.0.1; local-as 65000;"
                + " peer-as 65000; family { ipv4 unicast; } static { " + routes + " } }";
        return ConfigParser.parse(Path.of("test.conf"), conf).neighbors().get(0);
    }

    static Session session(NeighborConfig n, long generation) {
        return new Session(PeerId.of(n), generation, SessionOptions.DEFAULT, List.of(Family.IPV4_UNICAST),
                n.localAddress(), n.peerAddress(), n.localAs(), n.peerAs(), null, null);
    }

    /** A session whose OPENs both carry {@code capabilities}. */
    static Session session(NeighborConfig n, long generation, Capability... capabilities) {
        Open open = new Open(4, (int) n.localAs(), 180, 1, List.of(capabilities));
        return new Session(PeerId.of(n), generation, SessionOptions.DEFAULT, List.of(Family.IPV4_UNICAST),
                n.localAddress(), n.peerAddress(), n.localAs(), n.peerAs(), open, open);
    }

    /** Receives Send batches until an End-of-RIB or the given count of UPDATEs, acknowledging each batch. */
    static List<Update> receive(TestProbe<Peer.Command> probe, ActorRef<Rib.Command> rib, PeerId id,
                                int messages) {
        List<Update> out = new ArrayList<>();
        while (out.size() < messages) {
            Peer.Send s = probe.expectMessageClass(Peer.Send.class, Duration.ofSeconds(3));
            s.messages().forEach(b -> out.add((Update) MessageCodec.decode(b.toArray(), SessionOptions.DEFAULT)));
            rib.tell(new Rib.SendDone(id, s.generation()));
        }
        return out;
    }

    static Set<Nlri> announced(List<Update> updates) {
        Set<Nlri> out = new java.util.HashSet<>();
        updates.forEach(u -> u.nlri().forEach(out::add));
        return out;
    }

    /** A Rib with one configured neighbour whose first session is up; the probe stands for its Peer. */
    record Running(NeighborConfig n, PeerId id, ActorRef<Rib.Command> rib, TestProbe<Peer.Command> peer) {}

    static Running running(NeighborConfig n) {
        return running(n, session(n, 1));
    }

    static Running running(NeighborConfig n, Session session) {
        Running r = new Running(n, PeerId.of(n), kit.spawn(Rib.create()), kit.createTestProbe());
        r.rib().tell(new Rib.PeerConfigured(r.id(), n));
        r.rib().tell(new Rib.PeerUp(session, r.peer().getRef()));
        return r;
    }

    @Test
    void initialTableThenEndOfRibAndResendAfterReset() {
        NeighborConfig n = neighbor("route 10.0.0.0/24 next-hop 1.1.1.1; route 10.0.1.0/24 next-hop 1.1.1.1;"
                + " route 10.0.2.0/24 next-hop 2.2.2.2;");
        Running r = running(n);
        PeerId id = r.id();
        ActorRef<Rib.Command> rib = r.rib();
        TestProbe<Peer.Command> peer = r.peer();
        List<Update> first = receive(peer, rib, id, 3);
        assertEquals(3, first.size(), "two attribute sets, then End-of-RIB");
        assertEquals(3, announced(first).size());
        assertEquals(Family.IPV4_UNICAST, first.get(2).endOfRibFamily().orElseThrow());

        rib.tell(new Rib.PeerDown(id, 1));
        rib.tell(new Rib.PeerUp(session(n, 2), peer.getRef()));
        List<Update> second = receive(peer, rib, id, 3);
        assertEquals(announced(first), announced(second), "the Adj-RIB-Out survives the reset");
        peer.expectNoMessage(Duration.ofMillis(100));
    }

    @Test
    void reloadWithdrawsRemovedRoutesAndAnnouncesOnlyNewOnes() {
        NeighborConfig before = neighbor("route 10.0.0.0/24 next-hop 1.1.1.1; route 10.0.1.0/24 next-hop 1.1.1.1;");
        NeighborConfig after = neighbor("route 10.0.0.0/24 next-hop 1.1.1.1; route 10.0.3.0/24 next-hop 1.1.1.1;");
        Running r = running(before);
        PeerId id = r.id();
        ActorRef<Rib.Command> rib = r.rib();
        TestProbe<Peer.Command> peer = r.peer();
        receive(peer, rib, id, 2);
        rib.tell(new Rib.PeerConfigured(id, after));
        List<Update> diff = receive(peer, rib, id, 2);
        assertEquals(1, diff.get(0).withdrawn().size(), "withdrawals first");
        assertEquals("10.0.1.0/24", diff.get(0).withdrawn().iterator().next().prefix().toString());
        assertEquals(Set.of(Nlri.class.cast(org.bgpekko.wire.nlri.InetNlri.of("10.0.3.0/24"))), announced(diff));
    }

    @Test
    void aBigTableTravelsInBoundedBatchesOneAtATime() {
        StringBuilder routes = new StringBuilder("route 10.0.0.0/8 next-hop 1.1.1.1 split /24;");
        NeighborConfig n = neighbor(routes.toString());
        Running r = running(n);
        PeerId id = r.id();
        ActorRef<Rib.Command> rib = r.rib();
        TestProbe<Peer.Command> peer = r.peer();
        int prefixes = 0;
        int batches = 0;
        boolean eor = false;
        while (!eor) {
            // 65,536 configured routes: on a loaded machine the first batch may take seconds
            Peer.Send s = peer.expectMessageClass(Peer.Send.class, Duration.ofSeconds(15));
            peer.expectNoMessage(Duration.ofMillis(20)); // nothing more until this batch is done
            int bytes = s.messages().stream().mapToInt(b -> b.length()).sum();
            assertTrue(bytes <= Rib.BATCH_BYTES, "batch of " + bytes + " bytes");
            for (var b : s.messages()) {
                BgpMessage m = MessageCodec.decode(b.toArray(), SessionOptions.DEFAULT);
                prefixes += ((Update) m).nlri().size();
                eor |= ((Update) m).endOfRibFamily().isPresent();
            }
            batches++;
            rib.tell(new Rib.SendDone(id, s.generation()));
        }
        assertEquals(65536, prefixes);
        assertTrue(batches > 1);
    }

    @Test
    void aRouteRefreshFromThePeerSendsTheFamilyAgain() {
        NeighborConfig n = neighbor("route 10.0.0.0/24 next-hop 1.1.1.1; route 10.0.1.0/24 next-hop 2.2.2.2;");
        Running r = running(n, session(n, 1, new RouteRefresh()));
        PeerId id = r.id();
        ActorRef<Rib.Command> rib = r.rib();
        TestProbe<Peer.Command> peer = r.peer();
        List<Update> table = receive(peer, rib, id, 3);
        rib.tell(new Rib.RouteRefreshReceived(id, 1, Family.IPV4_UNICAST));
        List<Update> again = receive(peer, rib, id, 2);
        assertEquals(announced(table), announced(again));
        peer.expectNoMessage(Duration.ofMillis(100));
    }

    /** RFC 2918: a ROUTE-REFRESH is answered only when we advertised the capability (ExaBGP's OPEN never does). */
    @Test
    void aRouteRefreshWithoutTheCapabilityIsIgnored() {
        NeighborConfig n = neighbor("route 10.0.0.0/24 next-hop 1.1.1.1;");
        Running r = running(n);
        receive(r.peer(), r.rib(), r.id(), 2);
        r.rib().tell(new Rib.RouteRefreshReceived(r.id(), 1, Family.IPV4_UNICAST));
        r.peer().expectNoMessage(Duration.ofMillis(200));
    }

    /**
     * Issue 10: 1,000 ROUTE-REFRESH cost +281 MB, each appending the whole family. However many arrive while a
     * batch is in flight, the family is re-sent once, in BoRR/EoRR only when enhanced route refresh was negotiated.
     */
    @Test
    void manyRouteRefreshesAreOneResendOfTheFamily() {
        StringBuilder routes = new StringBuilder("route 10.0.0.0/16 next-hop 1.1.1.1 split /24;");
        NeighborConfig n = neighbor(routes.toString());
        Running r = running(n, session(n, 1, new RouteRefresh(), new EnhancedRouteRefresh()));
        ActorRef<Rib.Command> rib = r.rib();
        List<Update> table = receive(r.peer(), rib, r.id(), 2);
        assertEquals(256, announced(table).size());
        Peer.Send inFlight = null;
        for (int i = 0; i < 1000; i++) {
            rib.tell(new Rib.RouteRefreshReceived(r.id(), 1, Family.IPV4_UNICAST));
            if (i == 0) {
                inFlight = r.peer().expectMessageClass(Peer.Send.class); // the first re-send is on its way
            }
        }
        rib.tell(new Rib.SendDone(r.id(), inFlight.generation()));
        List<BgpMessage> rest = new ArrayList<>();
        while (true) {
            Peer.Send s;
            try {
                s = r.peer().expectMessageClass(Peer.Send.class, Duration.ofMillis(500));
            } catch (AssertionError none) {
                break;
            }
            s.messages().forEach(b -> rest.add(MessageCodec.decode(b.toArray(), SessionOptions.DEFAULT)));
            rib.tell(new Rib.SendDone(r.id(), s.generation()));
        }
        long updates = rest.stream().filter(m -> m instanceof Update).count();
        long markers = rest.stream().filter(m -> m instanceof RouteRefreshMessage).count();
        assertEquals(256, updates, "the 999 later requests are one more re-send of the family");
        assertEquals(2, markers, "BoRR and EoRR around it");
    }

    @Test
    void aStaleSessionsDoneIsIgnored() {
        NeighborConfig n = neighbor("route 10.0.0.0/24 next-hop 1.1.1.1;");
        Running r = running(n);
        PeerId id = r.id();
        ActorRef<Rib.Command> rib = r.rib();
        TestProbe<Peer.Command> peer = r.peer();
        peer.expectMessageClass(Peer.Send.class);
        rib.tell(new Rib.PeerDown(id, 1));
        rib.tell(new Rib.SendDone(id, 1));
        peer.expectNoMessage(Duration.ofMillis(100));
    }

    /**
     * Issue 10: a neighbour removed by a reload kept its Adj-RIB-In's references in the shared attribute store
     * (and its routes). Everything it held is released: received and outbound sets, numbered prefixes.
     */
    @Test
    void aRemovedNeighbourReleasesEverythingItHeld() {
        NeighborConfig n = neighbor("route 10.0.0.0/24 next-hop 1.1.1.1; route 10.0.1.0/24 next-hop 2.2.2.2;");
        Running r = running(n);
        receive(r.peer(), r.rib(), r.id(), 3);
        TestProbe<Rib.Stats> stats = kit.createTestProbe();
        r.rib().tell(new Rib.Received(r.id(), 1, List.of(RibFixtures.announce(RibFixtures.attrs(5), "192.0.2.0/24"),
                RibFixtures.announce(RibFixtures.attrs(6), "198.51.100.0/24"))));
        r.peer().expectMessageClass(Peer.ReceivedAck.class);
        r.rib().tell(new Rib.GetStats(stats.getRef()));
        Rib.Stats before = stats.receiveMessage();
        assertEquals(2, before.receivedAttributeSets());
        assertEquals(2, before.outboundAttributeSets());
        assertEquals(2, before.outboundPrefixes());
        r.rib().tell(new Rib.PeerRemoved(r.id()));
        r.rib().tell(new Rib.PeerDown(r.id(), 1)); // the Peer's own report comes after: nothing left to do
        r.rib().tell(new Rib.GetStats(stats.getRef()));
        assertEquals(new Rib.Stats(0, 0, 0, 0, 0, 0), stats.receiveMessage());
    }
}
