// rs.RouteServer as pure data: the decision order, what each client is written, and that nothing is leaked.
package org.bgpekko.rs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.bgpekko.wire.Family;
import org.bgpekko.wire.MessageCodec;
import org.bgpekko.wire.SessionOptions;
import org.bgpekko.wire.Update;
import org.bgpekko.wire.attribute.AsPath;
import org.bgpekko.wire.attribute.AsPathSegment;
import org.bgpekko.wire.attribute.LocalPref;
import org.bgpekko.wire.attribute.MultiExitDisc;
import org.bgpekko.wire.attribute.NextHop;
import org.bgpekko.wire.attribute.Origin;
import org.bgpekko.wire.attribute.PathAttribute;
import org.bgpekko.wire.attribute.PathAttributes;
import org.bgpekko.wire.nlri.InetNlri;
import org.bgpekko.wire.nlri.IpAddress;
import org.bgpekko.wire.nlri.Nlri;
import org.bgpekko.wire.nlri.NlriBlock;
import org.junit.jupiter.api.Test;

class RouteServerTest {
    private final RsStore store = new RsStore();
    private final Set<String> operator = new java.util.HashSet<>();
    private final RouteServer rs = new RouteServer(store,
            (client, family, hi, lo, length) -> operator.contains(client + " " + lo + "/" + length));

    private int client(int i, boolean external) {
        int c = rs.addClient();
        SessionOptions o = SessionOptions.DEFAULT.withExternalPeer(external);
        rs.sessionUp(c, new RouteServer.ClientSession(o, List.of(Family.IPV4_UNICAST), 0x0A000000L + i,
                IpAddress.ipv4(0x7F00000AL + i), external, List.of()));
        return c;
    }

    private static PathAttributes path(int origin, long med, long localPref, AsPathSegment... segments) {
        List<PathAttribute> a = new ArrayList<>(List.of(new Origin(origin), new AsPath(List.of(segments)),
                new NextHop(IpAddress.ipv4(0xC0000201L)), new MultiExitDisc(med)));
        if (localPref >= 0) {
            a.add(new LocalPref(localPref));
        }
        return new PathAttributes(a);
    }

    private static AsPathSegment seq(Long... as) {
        return new AsPathSegment(AsPathSegment.AS_SEQUENCE, List.of(as));
    }

    private static AsPathSegment set(Long... as) {
        return new AsPathSegment(AsPathSegment.AS_SET, List.of(as));
    }

    private static final NlriBlock P = NlriBlock.of(Family.IPV4_UNICAST, false, InetNlri.of("203.0.113.0/24"));

    /** Everything written to client c, decoded: its best path's MED for P (-1 when withdrawn or none). */
    private long written(int c) {
        long med = -2;
        for (byte[] m : rs.next(c, 1 << 20)) {
            Update u = (Update) MessageCodec.decode(m, SessionOptions.DEFAULT);
            if (!u.withdrawn().isEmpty()) {
                med = -1;
            }
            if (!u.nlri().isEmpty()) {
                med = u.attributes().get(MultiExitDisc.class).orElseThrow().value();
            }
        }
        return med;
    }

    @Test
    void theDecisionProcessInRfc4271Order() {
        int a = client(1, true);
        int b = client(2, true);
        int x = client(3, true);
        written(x);
        // ORIGIN: IGP (0) beats INCOMPLETE (2) with the same path length
        rs.apply(a, Family.IPV4_UNICAST, store.add(path(2, 1, -1, seq(65001L, 65002L))), P);
        rs.apply(b, Family.IPV4_UNICAST, store.add(path(0, 2, -1, seq(65003L, 65004L))), P);
        assertEquals(2, written(x));
        // AS_PATH length: an AS_SET counts one, so [65001 {1 2 3}] (2) beats [65003 65004 65005] (3)
        rs.apply(a, Family.IPV4_UNICAST, store.add(path(0, 3, -1, seq(65001L), set(1L, 2L, 3L))), P);
        rs.apply(b, Family.IPV4_UNICAST, store.add(path(0, 4, -1, seq(65003L, 65004L, 65005L))), P);
        assertEquals(3, written(x));
        // MED only between paths from the same neighbour AS; else the lower BGP identifier (client a)
        rs.apply(a, Family.IPV4_UNICAST, store.add(path(0, 20, -1, seq(65001L))), P);
        rs.apply(b, Family.IPV4_UNICAST, store.add(path(0, 10, -1, seq(65003L))), P);
        assertEquals(20, written(x), "MEDs of different neighbour ASes are not compared");
        rs.apply(b, Family.IPV4_UNICAST, store.add(path(0, 10, -1, seq(65001L))), P);
        assertEquals(10, written(x), "the lower MED within one neighbour AS");
        // LOCAL_PREF first of all
        rs.apply(a, Family.IPV4_UNICAST, store.add(path(2, 30, 200, seq(65001L, 1L, 2L, 3L))), P);
        assertEquals(30, written(x));
        assertEquals(10, written(a), "a gets b's path, never its own");
        assertEquals(30, written(b));
    }

    @Test
    void aBlockThatNamesAPrefixTwiceTakesAndWithdrawsItOnce() {
        int a = client(1, true);
        int x = client(3, true);
        NlriBlock twice = NlriBlock.of(Family.IPV4_UNICAST, false, InetNlri.of("203.0.113.0/24"),
                InetNlri.of("198.51.100.0/24"), InetNlri.of("203.0.113.0/24"));
        int id = store.add(path(0, 5, -1, seq(65001L)));
        rs.apply(a, Family.IPV4_UNICAST, id, twice);
        assertEquals(2, rs.prefixCount());
        assertEquals(2, rs.pathCount());
        // the first withdrawal frees the prefix's index (x has not been written it yet): the second finds nothing
        rs.apply(a, Family.IPV4_UNICAST, -1, twice);
        assertEquals(0, rs.pathCount());
        assertEquals(0, rs.prefixCount());
        assertEquals(1, store.refs.get(id), "only the Adj-RIB-In's reference is left");
        rs.sessionDown(x);
    }

    @Test
    void everyReferenceIsReturnedWhenTheRoutesAndSessionsGo() {
        int a = client(1, true);
        int b = client(2, true);
        int x = client(3, true);
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            NlriBlock n = NlriBlock.of(Family.IPV4_UNICAST, false, InetNlri.of("10." + i + ".0.0/16"));
            int id = store.add(path(0, i, -1, seq(65001L)));
            ids.add(id);
            rs.apply(i % 2 == 0 ? a : b, Family.IPV4_UNICAST, id, n);
        }
        rs.next(x, 1 << 20);
        rs.next(a, 1 << 20);
        assertTrue(rs.prefixCount() == 50 && rs.pathCount() == 50);
        for (int i = 0; i < 50; i += 2) {
            rs.apply(a, Family.IPV4_UNICAST, -1,
                    NlriBlock.of(Family.IPV4_UNICAST, false, InetNlri.of("10." + i + ".0.0/16")));
        }
        rs.sessionDown(x); // x was sent all 50; b's 25 remain for a, b itself holds a's nothing now
        assertEquals(25, rs.pathCount());
        rs.removeClient(b);
        rs.sessionDown(a);
        assertEquals(0, rs.pathCount());
        assertEquals(0, rs.prefixCount(), "no prefix index is left referenced");
        for (int id : ids) {
            assertEquals(1, store.refs.get(id), "only the Adj-RIB-In's reference is left on " + id);
        }
    }

    @Test
    void theOperatorsRouteHoldsThePrefixAndItsWithdrawalLetsTheRelayedOneIn() {
        int a = client(1, true);
        int x = client(3, true);
        written(x);
        operator.add(x + " " + 0xCB007100L + "/24");
        rs.apply(a, Family.IPV4_UNICAST, store.add(path(0, 7, -1, seq(65001L))), P);
        assertEquals(-2, written(x), "nothing relayed while the operator announces the prefix");
        operator.clear();
        Nlri n = InetNlri.of("203.0.113.0/24");
        assertTrue(rs.operatorWithdrew(x, n));
        assertEquals(7, written(x));
    }
}
