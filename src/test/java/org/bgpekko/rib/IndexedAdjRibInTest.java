// A route-server client's Adj-RIB-In kept in the route server's prefix index: the same answers as its own table,
// and the index's reference counts (held routes, candidates) in step with both.
package org.bgpekko.rib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.bgpekko.rs.RouteServer;
import org.bgpekko.wire.Family;
import org.bgpekko.wire.SessionOptions;
import org.bgpekko.wire.Update;
import org.bgpekko.wire.attribute.AsPath;
import org.bgpekko.wire.attribute.AsPathSegment;
import org.bgpekko.wire.attribute.MultiExitDisc;
import org.bgpekko.wire.attribute.NextHop;
import org.bgpekko.wire.attribute.Origin;
import org.bgpekko.wire.attribute.PathAttributes;
import org.bgpekko.wire.nlri.InetNlri;
import org.bgpekko.wire.nlri.IpAddress;
import org.bgpekko.wire.nlri.Nlri;
import org.bgpekko.wire.nlri.NlriBlock;
import org.junit.jupiter.api.Test;

class IndexedAdjRibInTest {
    /** Host bits set in some spellings: both are one route (D7). */
    private static final List<String> PREFIXES = List.of("0.0.0.0/0", "10.0.0.0/8", "10.0.0.0/24", "10.0.0.7/24",
            "10.0.1.0/24", "192.0.2.1/32", "198.51.100.0/23", "198.51.101.0/23");

    private final AttributeStore store = new AttributeStore();
    /** The Rib's route server, as the Rib makes it (its store adapter and policy); nothing here is written. */
    private final RouteServer server = new Relay(store, new NlriSlots()).server;

    private int client(int i) {
        int c = server.addClient();
        server.sessionUp(c, new RouteServer.ClientSession(SessionOptions.DEFAULT.withExternalPeer(true),
                List.of(Family.IPV4_UNICAST), 0x0A000000L + i, IpAddress.ipv4(0x7F00000AL + i), true, List.of()));
        return c;
    }

    private static PathAttributes path(long med) {
        return new PathAttributes(List.of(new Origin(0), new AsPath(List.of(new AsPathSegment(
                AsPathSegment.AS_SEQUENCE, List.of(64511L)))), new NextHop(IpAddress.ipv4(0xC0000201L)),
                new MultiExitDisc(med)));
    }

    private static NlriBlock block(String... prefixes) {
        List<Nlri> n = new ArrayList<>();
        for (String p : prefixes) {
            n.add(InetNlri.of(p));
        }
        return NlriBlock.of(Family.IPV4_UNICAST, false, n.toArray(Nlri[]::new));
    }

    private static Update announce(long med, String... prefixes) {
        return new Update(NlriBlock.empty(Family.IPV4_UNICAST), path(med), block(prefixes));
    }

    private static Update withdraw(String... prefixes) {
        return new Update(block(prefixes), PathAttributes.EMPTY, NlriBlock.empty(Family.IPV4_UNICAST));
    }

    /** Applies an UPDATE to a client's Adj-RIB-In and hands the changes to the route server, as the Rib does. */
    private List<RibChange> receive(int c, AdjRibIn in, Update u) {
        List<RibChange> changes = in.apply(u);
        for (RibChange ch : changes) {
            if (ch.indices() != null) {
                server.apply(c, ch.attributeId(), ch.indices(), ch.indices().length);
            } else {
                server.apply(c, ch.family(), ch.attributeId(), ch.nlri());
            }
        }
        return changes;
    }

    private static Map<Nlri, RouteAttributes> routes(AdjRibIn in) {
        Map<Nlri, RouteAttributes> out = new HashMap<>();
        in.forEach(Family.IPV4_UNICAST, (n, id) -> out.put(n, in.store().get(id)));
        return out;
    }

    @Test
    void aPrefixLeavingOneClientsAdjRibInStaysWhileAnotherHoldsIt() {
        int a = client(1);
        int b = client(2);
        AdjRibIn inA = new AdjRibIn(store, server.indexedRoutes(a));
        AdjRibIn inB = new AdjRibIn(store, server.indexedRoutes(b));
        receive(a, inA, announce(10, "203.0.113.0/24"));
        receive(b, inB, announce(20, "203.0.113.0/24"));
        assertEquals(1, server.prefixCount());
        assertEquals(2, server.pathCount());

        List<RibChange> gone = receive(a, inA, withdraw("203.0.113.0/24"));
        assertEquals(1, gone.size());
        assertNotNull(gone.get(0).indices(), "a withdrawal hands the prefix index on");
        assertEquals(0, inA.size());
        assertEquals(-1, inA.attributeId(InetNlri.of("203.0.113.0/24")));
        assertEquals(1, server.prefixCount(), "B's route and candidate keep the prefix");
        assertEquals(1, server.pathCount());
        assertEquals(20, inB.get(InetNlri.of("203.0.113.0/24")).attributes().get(MultiExitDisc.class).orElseThrow()
                .value());

        receive(b, inB, withdraw("203.0.113.0/24"));
        assertEquals(0, server.prefixCount());
        assertEquals(0, store.size(), "every attribute reference was given back");
    }

    @Test
    void aPrefixClearedFromTheAdjRibInButStillACandidateKeepsItsIndexUntilTheCandidateGoes() {
        int a = client(1);
        AdjRibIn in = new AdjRibIn(store, server.indexedRoutes(a));
        receive(a, in, announce(10, "203.0.113.0/24", "198.51.100.0/24"));
        // cleared without the route server hearing of it (the API's clear adj-rib in): the candidates stay
        List<RibChange> cleared = in.clear();
        assertEquals(1, cleared.size());
        assertNull(cleared.get(0).indices(), "a clear hands no index on: its removals may free them");
        assertEquals(0, in.size());
        assertEquals(2, server.prefixCount());
        assertEquals(2, server.pathCount());
        // the same routes again: the Adj-RIB-In holds them once more, the candidates are as they were
        AdjRibIn again = new AdjRibIn(store, server.indexedRoutes(a));
        receive(a, again, announce(10, "203.0.113.0/24", "198.51.100.0/24"));
        assertEquals(2, again.size());
        assertEquals(2, server.pathCount());
        receive(a, again, withdraw("203.0.113.0/24", "198.51.100.0/24"));
        assertEquals(0, server.prefixCount());
        assertEquals(0, store.size());
    }

    @Test
    void aSessionDownWithdrawsEveryRouteFromTheRouteServer() {
        int a = client(1);
        int b = client(2);
        AdjRibIn in = new AdjRibIn(store, server.indexedRoutes(a));
        receive(a, in, announce(10, "203.0.113.0/24", "198.51.100.0/24"));
        receive(a, in, announce(11, "192.0.2.0/24"));
        for (RibChange ch : in.clear()) {
            server.apply(a, ch.family(), ch.attributeId(), ch.nlri());
        }
        assertEquals(0, server.prefixCount());
        assertEquals(0, server.pathCount());
        assertEquals(0, store.size());
        assertTrue(b >= 0);
    }

    @Test
    void detachedRoutesMoveToATableOfTheirOwnAndLetTheIndexGo() {
        int a = client(1);
        AdjRibIn in = new AdjRibIn(store, server.indexedRoutes(a));
        receive(a, in, announce(10, "203.0.113.0/24", "10.0.0.0/8"));
        Map<Nlri, RouteAttributes> before = routes(in);
        in.detach();
        assertEquals(before, routes(in));
        assertEquals(2, in.size());
        // the candidates are the route server's: it still holds the prefixes while they stand
        assertEquals(2, server.prefixCount());
        server.removeClient(a);
        assertEquals(0, server.prefixCount(), "the detached routes hold no index");
        in.apply(withdraw("203.0.113.0/24"));
        assertEquals(1, in.size(), "the Adj-RIB-In keeps working on its own table");
        in.clear();
        assertEquals(0, store.size());
    }

    @Provide
    Arbitrary<List<List<Integer>>> steps() {
        // each step: op (0 announce, 1 withdraw), MED, and prefix indices
        return Arbitraries.integers().between(0, PREFIXES.size() + 3).list().ofMinSize(2).ofMaxSize(6)
                .list().ofMaxSize(40);
    }

    /**
     * Random UPDATEs from two clients: each indexed Adj-RIB-In answers exactly as an Adj-RIB-In with its own table
     * given the same UPDATEs (changes, size, look-ups, the routes it walks), and when both withdrew everything the
     * route server holds no prefix and the store no reference.
     */
    @Property(tries = 300)
    void answersAsItsOwnTableWould(@ForAll("steps") List<List<Integer>> steps, @ForAll boolean secondClient) {
        int[] c = {client(1), client(2)};
        AdjRibIn[] indexed = {new AdjRibIn(store, server.indexedRoutes(c[0])),
                new AdjRibIn(store, server.indexedRoutes(c[1]))};
        AttributeStore modelStore = new AttributeStore();
        AdjRibIn[] model = {new AdjRibIn(modelStore), new AdjRibIn(modelStore)};
        for (List<Integer> s : steps) {
            int who = secondClient ? s.get(0) & 1 : 0;
            boolean withdraw = s.get(0) % 3 == 0;
            long med = s.get(1) % 3;
            String[] prefixes = s.subList(2, s.size()).stream().map(i -> PREFIXES.get(i % PREFIXES.size()))
                    .toArray(String[]::new);
            if (prefixes.length == 0) {
                continue;
            }
            Update u = withdraw ? withdraw(prefixes) : announce(med, prefixes);
            List<RibChange> got = receive(c[who], indexed[who], u);
            List<RibChange> want = model[who].apply(u);
            assertEquals(want.size(), got.size());
            for (int i = 0; i < want.size(); i++) {
                assertEquals(want.get(i).nlri(), got.get(i).nlri());
                assertEquals(want.get(i).attributes(), got.get(i).attributes());
                assertEquals(got.get(i).nlri().size(), got.get(i).indices().length);
            }
            for (int k = 0; k < 2; k++) {
                assertEquals(model[k].size(), indexed[k].size());
                assertEquals(routes(model[k]), routes(indexed[k]));
                for (String p : PREFIXES) {
                    assertEquals(model[k].get(InetNlri.of(p)), indexed[k].get(InetNlri.of(p)));
                }
            }
        }
        for (int k = 0; k < 2; k++) {
            List<String> all = new ArrayList<>();
            routes(indexed[k]).keySet().forEach(n -> all.add(((InetNlri) n).prefix().toString()));
            if (!all.isEmpty()) {
                receive(c[k], indexed[k], withdraw(all.toArray(String[]::new)));
            }
            assertEquals(0, indexed[k].size());
        }
        assertEquals(0, server.prefixCount());
        assertEquals(0, server.pathCount());
        assertEquals(0, store.size());
    }
}
