// The route server through the Rib actor (issue 12): transparency, per-client best path, withdrawals, ADD-PATH.
package org.bgpekko.rs;

import static org.bgpekko.rs.RsFixtures.announce;
import static org.bgpekko.rs.RsFixtures.attributes;
import static org.bgpekko.rs.RsFixtures.options;
import static org.bgpekko.rs.RsFixtures.withdraw;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.typed.ActorRef;
import org.bgpekko.rib.Rib;
import org.bgpekko.wire.Bytes;
import org.bgpekko.wire.Family;
import org.bgpekko.wire.attribute.AsPath;
import org.bgpekko.wire.attribute.Communities;
import org.bgpekko.wire.attribute.ExtendedCommunities;
import org.bgpekko.wire.attribute.ExtendedCommunity;
import org.bgpekko.wire.attribute.LargeCommunities;
import org.bgpekko.wire.attribute.LargeCommunity;
import org.bgpekko.wire.attribute.LocalPref;
import org.bgpekko.wire.attribute.MultiExitDisc;
import org.bgpekko.wire.attribute.NextHop;
import org.bgpekko.wire.attribute.PathAttribute;
import org.bgpekko.wire.attribute.PathAttributes;
import org.bgpekko.wire.attribute.UnknownAttribute;
import org.bgpekko.wire.nlri.InetNlri;
import org.bgpekko.wire.nlri.Nlri;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class RouteServerRibTest {
    private static final ActorTestKit kit = ActorTestKit.create();
    private static final Nlri P = InetNlri.of("203.0.113.0/24");

    @AfterAll
    static void stop() {
        kit.shutdownTestKit();
    }

    /** Three clients, each up with an empty table (End-of-RIB of both families received). */
    private static List<RsClientProbe> three(String... extra) {
        ActorRef<Rib.Command> rib = kit.spawn(Rib.create());
        List<RsClientProbe> c = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            c.add(new RsClientProbe(kit, rib, i, extra.length >= i ? extra[i - 1] : ""));
        }
        for (RsClientProbe x : c) {
            x.up(options());
            x.await(t -> t.endOfRibs == 2);
        }
        return c;
    }

    private static PathAttributes sent(RsClientProbe c, Nlri n) {
        return c.table.get(n).attributes().without(PathAttribute.MP_REACH_NLRI);
    }

    @Test
    void aClientsRouteReachesTheOthersUnchangedAndNotItself() {
        List<RsClientProbe> c = three();
        RsClientProbe a = c.get(0);
        UnknownAttribute transitive = new UnknownAttribute(0xC0, 0xF0, Bytes.fromHex("010203"));
        UnknownAttribute nonTransitive = new UnknownAttribute(0x80, 0xF1, Bytes.fromHex("04"));
        PathAttributes attrs = attributes("192.0.2.11", List.of(64511L, 65001L), new MultiExitDisc(50),
                new Communities(List.of(0xFDE8_0001L, 0xFDE8_0002L)),
                new ExtendedCommunities(List.of(new ExtendedCommunity(0x0002FDE800000007L))),
                new LargeCommunities(List.of(new LargeCommunity(64511, 1, 2))), transitive, nonTransitive);
        a.send(announce(attrs, Bytes.EMPTY, "203.0.113.0/24", "198.51.100.0/24"));
        for (RsClientProbe other : c.subList(1, 3)) {
            other.await(t -> t.table.size() == 2);
            PathAttributes got = sent(other, P);
            assertEquals(AsPath.sequence(64511L, 65001L), got.get(AsPath.class).orElseThrow(), "no AS prepended");
            assertEquals(NextHop.of("192.0.2.11"), got.get(NextHop.class).orElseThrow());
            assertEquals(new MultiExitDisc(50), got.get(MultiExitDisc.class).orElseThrow());
            assertEquals(attrs.get(Communities.class), got.get(Communities.class));
            assertEquals(attrs.get(ExtendedCommunities.class), got.get(ExtendedCommunities.class));
            assertEquals(attrs.get(LargeCommunities.class), got.get(LargeCommunities.class));
            assertEquals(new UnknownAttribute(0xE0, 0xF0, Bytes.fromHex("010203")), got.get(0xF0).orElseThrow(),
                    "an unrecognised optional transitive attribute is passed on with the Partial bit");
            assertEquals(nonTransitive, got.get(0xF1).orElseThrow(), "non-transitive: passed on (RFC 7947 2.2)");
            assertFalse(got.has(PathAttribute.LOCAL_PREF));
            assertEquals(1, other.updates.size() - 2, "both prefixes in one UPDATE");
        }
        a.quiet();
        assertTrue(a.table.isEmpty(), "a client never gets its own path");
    }

    @Test
    void eachClientGetsTheBestPathOfTheOthersAndTheNextBestWhenItGoes() {
        List<RsClientProbe> c = three();
        RsClientProbe a = c.get(0);
        RsClientProbe b = c.get(1);
        RsClientProbe x = c.get(2);
        a.send(announce(attributes("192.0.2.11", List.of(64511L, 65001L, 65002L)), Bytes.EMPTY, "203.0.113.0/24"));
        x.await(t -> t.table.containsKey(P));
        b.await(t -> t.table.containsKey(P));
        b.send(announce(attributes("192.0.2.12", List.of(64512L)), Bytes.EMPTY, "203.0.113.0/24"));
        x.await(t -> t.table.containsKey(P) && nextHop(t, P).equals("192.0.2.12"));
        a.await(t -> t.table.containsKey(P) && nextHop(t, P).equals("192.0.2.12"));
        assertEquals("192.0.2.11", nextHop(b, P), "B's own path is better but B gets A's");

        b.send(withdraw("203.0.113.0/24"));
        x.await(t -> nextHop(t, P).equals("192.0.2.11"));
        a.await(t -> !t.table.containsKey(P));
        b.quiet();
        assertEquals("192.0.2.11", nextHop(b, P));

        a.send(withdraw("203.0.113.0/24"));
        x.await(t -> t.table.isEmpty());
        b.await(t -> t.table.isEmpty());
    }

    @Test
    void lowerMedWinsWithinANeighbourAsAndHigherLocalPrefFromAnInternalClientWins() {
        List<RsClientProbe> c = three();
        RsClientProbe a = c.get(0);
        RsClientProbe b = c.get(1);
        RsClientProbe x = c.get(2);
        a.send(announce(attributes("192.0.2.11", List.of(65000L), new MultiExitDisc(20)), Bytes.EMPTY,
                "203.0.113.0/24"));
        x.await(t -> t.table.containsKey(P));
        b.send(announce(attributes("192.0.2.12", List.of(65000L), new MultiExitDisc(10)), Bytes.EMPTY,
                "203.0.113.0/24"));
        x.await(t -> nextHop(t, P).equals("192.0.2.12"));
        // an external client's LOCAL_PREF is discarded on receive (RFC 4271 5.1.5): it changes nothing
        a.send(announce(attributes("192.0.2.11", List.of(65000L), new MultiExitDisc(20), new LocalPref(500)),
                Bytes.EMPTY, "203.0.113.0/24"));
        x.quiet();
        assertEquals("192.0.2.12", nextHop(x, P));
    }

    @Test
    void aClientsSessionGoingDownWithdrawsItsRoutesFromTheOthers() {
        List<RsClientProbe> c = three();
        RsClientProbe a = c.get(0);
        RsClientProbe b = c.get(1);
        RsClientProbe x = c.get(2);
        a.send(announce(attributes("192.0.2.11", List.of(64511L, 65001L)), Bytes.EMPTY, "203.0.113.0/24",
                "198.51.100.0/24"));
        b.send(announce(attributes("192.0.2.12", List.of(64512L)), Bytes.EMPTY, "203.0.113.0/24"));
        x.await(t -> t.table.size() == 2 && nextHop(t, P).equals("192.0.2.12"));
        b.down();
        x.await(t -> t.table.size() == 2 && nextHop(t, P).equals("192.0.2.11"));
        a.down();
        x.await(t -> t.table.isEmpty());
        b.up(options());
        b.await(t -> t.endOfRibs == 2);
        assertTrue(b.table.isEmpty());
    }

    @Test
    void ipv6NextHopsGlobalAndLinkLocalPassUnchangedAndPacked() {
        List<RsClientProbe> c = three();
        Bytes both = Bytes.fromHex("20010db8000000000000000000000011fe800000000000000000000000000011");
        List<String> prefixes = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            prefixes.add("2001:db8:" + Integer.toHexString(0x100 + i) + "::/48");
        }
        c.get(0).send(announce(attributes("2001:db8::11", List.of(64511L)), both, prefixes.toArray(new String[0])));
        RsClientProbe x = c.get(2);
        x.await(t -> t.table.size() == 100);
        Nlri first = InetNlri.of(prefixes.get(0));
        assertEquals(both, x.table.get(first).mpNextHop(), "32-byte next hop (global + link-local) kept");
        assertEquals(AsPath.sequence(64511L), sent(x, first).get(AsPath.class).orElseThrow());
        assertEquals(1, x.updates.size() - 2, "100 IPv6 prefixes with one attribute set go in one UPDATE");
        assertEquals(Family.IPV6_UNICAST, first.family());
    }

    @Test
    void addPathClientsGetEveryPathTheyMayReceive() {
        ActorRef<Rib.Command> rib = kit.spawn(Rib.create());
        RsClientProbe a = new RsClientProbe(kit, rib, 1, "");
        RsClientProbe b = new RsClientProbe(kit, rib, 2, "");
        RsClientProbe x = new RsClientProbe(kit, rib, 3, "capability { add-path send; }");
        a.up(options());
        b.up(options());
        x.up(options(Family.IPV4_UNICAST));
        for (RsClientProbe p : List.of(a, b, x)) {
            p.await(t -> t.endOfRibs == 2);
        }
        a.send(announce(attributes("192.0.2.11", List.of(64511L, 65001L)), Bytes.EMPTY, "203.0.113.0/24"));
        b.send(announce(attributes("192.0.2.12", List.of(64512L)), Bytes.EMPTY, "203.0.113.0/24"));
        Nlri fromA = new InetNlri(Family.IPV4_UNICAST, 1, P.prefix());
        Nlri fromB = new InetNlri(Family.IPV4_UNICAST, 2, P.prefix());
        x.await(t -> t.table.containsKey(fromA) && t.table.containsKey(fromB));
        assertEquals("192.0.2.11", nextHop(x, fromA));
        b.send(withdraw("203.0.113.0/24"));
        x.await(t -> !t.table.containsKey(fromB));
        assertTrue(x.table.containsKey(fromA));
        x.send(announce(attributes("192.0.2.13", List.of(64513L)), Bytes.EMPTY, "203.0.113.0/24"));
        a.await(t -> t.table.containsKey(P) && nextHop(t, P).equals("192.0.2.13"));
        x.quiet();
        assertEquals(1, x.table.size(), "its own path is not among them");
    }

    @Test
    void theOperatorsRouteForAClientWinsOverRelayedOnes() {
        List<RsClientProbe> c = three("", "", "static { route 203.0.113.0/24 next-hop 192.0.2.99; }");
        RsClientProbe x = c.get(2);
        assertEquals("192.0.2.99", nextHop(x, P), "the operator's route is in the initial table");
        c.get(0).send(announce(attributes("192.0.2.11", List.of(64511L)), Bytes.EMPTY, "203.0.113.0/24",
                "198.51.100.0/24"));
        x.await(t -> t.table.size() == 2);
        assertEquals("192.0.2.99", nextHop(x, P));
        assertEquals("192.0.2.11", nextHop(x, InetNlri.of("198.51.100.0/24")));
        c.get(1).await(t -> t.table.size() == 2);
        assertEquals("192.0.2.11", nextHop(c.get(1), P), "the operator's route is for its neighbour alone");
    }

    private static String nextHop(RsClientProbe c, Nlri n) {
        RsClientProbe.Held h = c.table.get(n);
        assertTrue(h != null, "client " + c.number + " holds " + n);
        return h.attributes().get(NextHop.class).map(nh -> nh.address().toString()).orElse("none");
    }
}
