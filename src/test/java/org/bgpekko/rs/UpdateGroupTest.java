// Update groups (docs/decisions.md D18): shared encodings, own paths, members that stop reading, ADD-PATH, policy.
package org.bgpekko.rs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.bgpekko.wire.Family;
import org.bgpekko.wire.MessageCodec;
import org.bgpekko.wire.SessionOptions;
import org.bgpekko.wire.Update;
import org.bgpekko.wire.attribute.AsPath;
import org.bgpekko.wire.attribute.MultiExitDisc;
import org.bgpekko.wire.attribute.NextHop;
import org.bgpekko.wire.attribute.Origin;
import org.bgpekko.wire.attribute.PathAttributes;
import org.bgpekko.wire.nlri.InetNlri;
import org.bgpekko.wire.nlri.IpAddress;
import org.bgpekko.wire.nlri.Nlri;
import org.bgpekko.wire.nlri.NlriBlock;
import org.junit.jupiter.api.Test;

class UpdateGroupTest {
    /** The operator announces nothing, so every client may be in a group. */
    private static final RouteServer.OperatorRoutes NO_OPERATOR = new RouteServer.OperatorRoutes() {
        @Override
        public boolean announces(int client, Family family, long hi, long lo, int length) {
            return false;
        }

        @Override
        public boolean any(int client) {
            return false;
        }
    };

    /** A route server and what each of its clients holds, decoded from what it was written. */
    static final class Exchange {
        final RsStore store = new RsStore();
        final RouteServer rs;
        final List<Map<String, String>> tables = new ArrayList<>();
        final List<List<byte[]>> written = new ArrayList<>();
        final List<SessionOptions> options = new ArrayList<>();

        Exchange(ServerPolicy policy, int logLimit) {
            rs = new RouteServer(store, NO_OPERATOR, policy, logLimit);
        }

        int client(SessionOptions o) {
            int c = rs.addClient();
            while (tables.size() <= c) {
                tables.add(new TreeMap<>());
                written.add(new ArrayList<>());
                options.add(null);
            }
            options.set(c, o);
            up(c);
            return c;
        }

        void up(int c) {
            tables.get(c).clear();
            rs.sessionUp(c, new RouteServer.ClientSession(options.get(c), List.of(Family.IPV4_UNICAST),
                    0x0A000000L + c, IpAddress.ipv4(0x7F00000AL + c), true, List.of()));
        }

        /** One batch for client c, as its Peer would ask after a SendDone. */
        void batch(int c) {
            for (byte[] m : rs.next(c, 4096)) {
                written.get(c).add(m);
                SessionOptions o = options.get(c);
                Update u = (Update) MessageCodec.decode(m, o.withAddPath(o.addPathSend(), Set.of()));
                Map<String, String> t = tables.get(c);
                u.withdrawn().forEach(n -> t.remove(key(n)));
                String a = u.attributes().toString();
                u.nlri().forEach(n -> t.put(key(n), a));
            }
        }

        void drain(int c) {
            for (int i = 0; rs.pending(c); i++) {
                assertTrue(i < 100_000, "client " + c + " drains");
                batch(c);
            }
        }

        void announce(int c, int prefix, int med, int pathLength) {
            List<Long> path = new ArrayList<>();
            for (int i = 0; i < pathLength; i++) {
                path.add(64600L + c);
            }
            PathAttributes a = new PathAttributes(List.of(Origin.IGP, AsPath.sequence(path.toArray(new Long[0])),
                    new NextHop(IpAddress.ipv4(0xC0000200L + c)), new MultiExitDisc(med)));
            rs.apply(c, Family.IPV4_UNICAST, store.add(a), nlri(prefix));
        }

        void withdraw(int c, int prefix) {
            rs.apply(c, Family.IPV4_UNICAST, -1, nlri(prefix));
        }

        /** What client c should hold: its best path for each prefix (the route server's own view, not the wire). */
        Map<String, String> expected(int c) {
            Map<String, String> t = new TreeMap<>();
            rs.relayed(c, 0, Integer.MAX_VALUE, (n, source, attributes, mp) -> t.put(key(n),
                    attributes.toString()));
            return t;
        }
    }

    /** The prefix, and the path identifier when there is one. */
    static String key(Nlri n) {
        InetNlri i = (InetNlri) n;
        return i.prefix() + (i.pathId() == Nlri.NO_PATH_ID ? "" : " path " + i.pathId());
    }

    static NlriBlock nlri(int prefix) {
        return NlriBlock.of(Family.IPV4_UNICAST, false, InetNlri.of("10." + (prefix >> 8 & 0xFF) + "."
                + (prefix & 0xFF) + ".0/24"));
    }

    static final SessionOptions EXTERNAL = SessionOptions.DEFAULT.withExternalPeer(true);

    @Test
    void membersShareOneEncodingOfEachUpdate() {
        Exchange x = new Exchange(ServerPolicy.NONE, UpdateGroup.LOG_LIMIT);
        int feeder = x.client(EXTERNAL);
        List<Integer> members = List.of(x.client(EXTERNAL), x.client(EXTERNAL), x.client(EXTERNAL));
        members.forEach(x::drain); // the first pass (an empty table), then they join
        x.drain(feeder);
        assertNotNull(x.rs.group(members.get(0)));
        for (int p = 0; p < 300; p++) {
            x.announce(feeder, p, p, 2);
        }
        members.forEach(x::drain);
        List<byte[]> first = x.written.get(members.get(0));
        assertTrue(first.size() > 1, "several UPDATEs");
        for (int m : members) {
            assertSame(x.rs.group(members.get(0)), x.rs.group(m));
            assertEquals(300, x.tables.get(m).size());
            List<byte[]> got = x.written.get(m);
            assertEquals(first.size(), got.size());
            for (int i = 0; i < got.size(); i++) {
                assertSame(first.get(i), got.get(i), "the same encoded UPDATE, not a copy");
            }
            assertEquals(x.expected(m), x.tables.get(m));
        }
        x.drain(feeder); // a member too: it skips the entries of its own paths
        assertEquals(0, x.rs.group(members.get(0)).logBytes(), "read by every member: the log is empty");
    }

    @Test
    void aMemberWhoseOwnPathIsTheGroupsBestGetsTheNextBestAndNoDuplicate() {
        Exchange x = new Exchange(ServerPolicy.NONE, UpdateGroup.LOG_LIMIT);
        int a = x.client(EXTERNAL);
        int b = x.client(EXTERNAL);
        int c = x.client(EXTERNAL);
        List.of(a, b, c).forEach(x::drain);
        x.announce(a, 1, 10, 3);
        List.of(a, b, c).forEach(x::drain);
        x.announce(b, 1, 20, 1); // b's path is better: the group's best, but b keeps a's
        List.of(a, b, c).forEach(x::drain);
        assertTrue(x.tables.get(a).values().iterator().next().contains("MultiExitDisc[value=20]"), x.tables.get(a).toString());
        assertTrue(x.tables.get(c).values().iterator().next().contains("MultiExitDisc[value=20]"));
        assertTrue(x.tables.get(b).values().iterator().next().contains("MultiExitDisc[value=10]"), "no path hiding");
        assertEquals(1, x.written.get(b).size(), "b was written a's path once, not again when its own came");
        x.withdraw(b, 1);
        List.of(a, b, c).forEach(x::drain);
        assertEquals(1, x.written.get(b).size(), "b's best did not change when its own path went");
        assertEquals(Map.of(), x.tables.get(a));
        assertTrue(x.tables.get(c).values().iterator().next().contains("MultiExitDisc[value=10]"));
        x.withdraw(a, 1);
        List.of(a, b, c).forEach(x::drain);
        for (int m : List.of(a, b, c)) {
            assertEquals(Map.of(), x.tables.get(m));
        }
        assertEquals(2, x.written.get(a).size(), "a: b's path, then its withdrawal; nothing about its own");
    }

    @Test
    void aMemberThatStopsReadingLeavesTheGroupAndLaterGetsExactlyTheFinalState() {
        Exchange x = new Exchange(ServerPolicy.NONE, 16 << 10);
        int feeder = x.client(EXTERNAL);
        int other = x.client(EXTERNAL);
        int fast = x.client(EXTERNAL);
        int slow = x.client(EXTERNAL);
        List.of(feeder, other, fast, slow).forEach(x::drain);
        for (int p = 0; p < 500; p++) {
            x.announce(feeder, p, 1, 2);
            x.announce(other, p, 1, 3);
        }
        x.batch(slow); // one batch, then it stops reading
        for (int round = 0; round < 3; round++) {
            for (int p = 0; p < 500; p += 2) {
                x.withdraw(feeder, p); // the others' next best (other's path) for the even prefixes
            }
            for (int p = 0; p < 500; p += 7) {
                x.withdraw(other, p);
            }
            x.drain(fast);
            x.drain(feeder);
            x.drain(other);
            for (int p = 0; p < 500; p += 2) {
                x.announce(feeder, p, 2 + round, 2);
            }
        }
        for (int p = 0; p < 500; p += 3) {
            x.withdraw(feeder, p); // gone for good where other withdrew too
        }
        x.drain(fast);
        assertNull(x.rs.group(slow), "the slow member left the group");
        assertNotNull(x.rs.group(fast));
        assertTrue(x.rs.group(fast).logBytes() <= 16 << 10, "the log stays bounded");
        x.drain(slow);
        assertEquals(x.expected(slow), x.tables.get(slow), "no stale route, no missed withdrawal");
        assertEquals(x.expected(fast), x.tables.get(fast));
        assertSame(x.rs.group(fast), x.rs.group(slow), "caught up, it joined again");
        x.announce(feeder, 0, 9, 1);
        x.drain(fast);
        x.drain(slow);
        List<byte[]> f = x.written.get(fast);
        List<byte[]> s = x.written.get(slow);
        assertSame(f.get(f.size() - 1), s.get(s.size() - 1), "sharing again");
    }

    @Test
    void addPathClientsGetEveryPathButTheirOwnBesideAGroup() {
        Exchange x = new Exchange(ServerPolicy.NONE, UpdateGroup.LOG_LIMIT);
        SessionOptions addPath = EXTERNAL.withAddPath(Set.of(), Set.of(Family.IPV4_UNICAST));
        int a = x.client(EXTERNAL);
        int b = x.client(EXTERNAL);
        int ap1 = x.client(addPath);
        int ap2 = x.client(addPath);
        List.of(a, b, ap1, ap2).forEach(x::drain);
        assertNotNull(x.rs.group(ap1), "ADD-PATH clients share a group too (GroupPaths)");
        assertSame(x.rs.group(ap1), x.rs.group(ap2));
        assertNotSame(x.rs.group(a), x.rs.group(ap1), "another session option: another group");
        assertNotNull(x.rs.group(a));
        x.announce(a, 1, 1, 1);
        x.announce(b, 1, 2, 2);
        x.announce(ap1, 1, 3, 1);
        List.of(a, b, ap1, ap2).forEach(x::drain);
        assertEquals(2, x.tables.get(ap1).size(), "a's and b's paths: " + x.tables.get(ap1));
        assertEquals(3, x.tables.get(ap2).size());
        for (int c : List.of(a, b, ap1, ap2)) {
            assertEquals(x.expected(c), x.tables.get(c));
        }
        assertTrue(x.tables.get(a).values().iterator().next().contains("MultiExitDisc[value=3]"), "ap1's is a's best");
        x.withdraw(ap1, 1);
        List.of(a, b, ap1, ap2).forEach(x::drain);
        for (int c : List.of(a, b, ap1, ap2)) {
            assertEquals(x.expected(c), x.tables.get(c));
        }
    }

    /** A policy that refuses paths with MED 1 to client 1, and so gives client 1 its own export identity. */
    private static final class NoMedOneForClient1 implements ServerPolicy {
        Exchange x;

        @Override
        public boolean exportable(int target, int source, int attr) {
            return target != 1 || x.rs.ranks.med(attr) != 1;
        }

        @Override
        public Object exportIdentity(int target) {
            return target == 1 ? "no MED 1" : ServerPolicy.NO_POLICY;
        }
    }

    @Test
    void aDifferentExportPolicySplitsTheGroupAndTheClientGetsItsOwnBest() {
        NoMedOneForClient1 policy = new NoMedOneForClient1();
        Exchange x = new Exchange(policy, UpdateGroup.LOG_LIMIT);
        policy.x = x;
        int a = x.client(EXTERNAL);
        int restricted = x.client(EXTERNAL);
        int b = x.client(EXTERNAL);
        int c = x.client(EXTERNAL);
        assertEquals(1, restricted);
        List.of(a, restricted, b, c).forEach(x::drain);
        assertNotNull(x.rs.group(restricted));
        assertNotSame(x.rs.group(b), x.rs.group(restricted), "another export policy: another group");
        assertSame(x.rs.group(b), x.rs.group(c));
        x.announce(a, 1, 1, 1);
        x.announce(a, 2, 5, 1);
        x.announce(b, 1, 2, 3);
        List.of(a, restricted, b, c).forEach(x::drain);
        assertTrue(x.tables.get(c).get("10.0.1.0/24").contains("MultiExitDisc[value=1]"));
        assertTrue(x.tables.get(restricted).get("10.0.1.0/24").contains("MultiExitDisc[value=2]"), "its policy refuses MED 1");
        for (int m : List.of(a, restricted, b, c)) {
            assertEquals(x.expected(m), x.tables.get(m));
        }
    }

    /**
     * A policy that names clients as arouteserver's {@code peer_as} control communities do, keyed on a set's MED
     * 10..39 (tens: the control, units: the client named): 1x, not to client x (do_not_announce_to_peer); 2x, only
     * to client x (announce_to_peer over do_not_announce_to_any); 3x, to every client with MED 100 + x, and to
     * client x with MED 200 + x (a rewrite for one peer, as prepend_to_peer). Every client has one export identity.
     */
    private static final class PeerControls implements ServerPolicy {
        Exchange x;

        private int control(int attr) {
            long m = x.rs.ranks.med(attr);
            return m >= 10 && m < 40 ? (int) (m / 10) : 0;
        }

        private int named(int attr) {
            return (int) (x.rs.ranks.med(attr) % 10);
        }

        @Override
        public boolean exportable(int target, int source, int attr) {
            return switch (control(attr)) {
                case 1 -> target != named(attr);
                case 2 -> target == named(attr);
                default -> true;
            };
        }

        @Override
        public boolean rewrites(int target, int attr) {
            return control(attr) == 3;
        }

        @Override
        public byte[] exportCanonical(int target, int attr, byte[] canonical) {
            long med = (target == named(attr) ? 200 : 100) + named(attr);
            return RsStore.canonical(x.store.attributes.get(attr).with(new MultiExitDisc(med)));
        }

        @Override
        public boolean peerSpecific(int target, int attr) {
            return control(attr) != 0;
        }

        @Override
        public boolean names(int target, int attr) {
            return control(attr) != 0 && named(attr) == target;
        }
    }

    private static Exchange withPeerControls(int logLimit) {
        PeerControls policy = new PeerControls();
        Exchange x = new Exchange(policy, logLimit);
        policy.x = x;
        return x;
    }

    private static String med(Exchange x, int c, String prefix) {
        String a = x.tables.get(c).get(prefix);
        if (a == null) {
            return "none";
        }
        int at = a.indexOf("MultiExitDisc[value=");
        return a.substring(at + 20, a.indexOf(']', at));
    }

    @Test
    void aMemberAPeerSpecificControlExcludesGetsItsSecondBestWhileTheOthersShare() {
        Exchange x = withPeerControls(UpdateGroup.LOG_LIMIT);
        int a = x.client(EXTERNAL);
        int b = x.client(EXTERNAL);
        int m1 = x.client(EXTERNAL);
        int m2 = x.client(EXTERNAL);
        int m3 = x.client(EXTERNAL);
        List<Integer> all = List.of(a, b, m1, m2, m3);
        all.forEach(x::drain);
        assertSame(x.rs.group(m1), x.rs.group(m2), "one export identity: one group, control communities or not");
        assertSame(x.rs.group(m1), x.rs.group(m3));
        String p = "10.0.1.0/24";
        x.announce(b, 1, 5, 3); // the second best
        x.announce(a, 1, 10 + m1, 1); // the best, "not to m1"
        all.forEach(x::drain);
        assertEquals(String.valueOf(10 + m1), med(x, m2, p));
        assertEquals(String.valueOf(10 + m1), med(x, m3, p));
        assertEquals("5", med(x, m1, p), "the best is not for m1: its second best, no path hiding");
        List<byte[]> w2 = x.written.get(m2);
        List<byte[]> w3 = x.written.get(m3);
        assertSame(w2.get(w2.size() - 1), w3.get(w3.size() - 1), "m2 and m3 share the group's encoding");
        int m1Before = x.written.get(m1).size();

        x.announce(b, 1, 6, 3); // m1's best changes, the group's does not
        all.forEach(x::drain);
        assertEquals("6", med(x, m1, p));
        assertEquals(String.valueOf(10 + m1), med(x, m2, p));
        assertEquals(m1Before + 1, x.written.get(m1).size(), "one UPDATE for m1");

        x.announce(a, 1, 10 + m2, 1); // the best changes: now "not to m2"
        all.forEach(x::drain);
        assertEquals(String.valueOf(10 + m2), med(x, m1, p));
        assertEquals("6", med(x, m2, p));
        assertEquals(String.valueOf(10 + m2), med(x, m3, p));

        x.withdraw(b, 1); // m2 has nothing left
        all.forEach(x::drain);
        assertEquals("none", med(x, m2, p), "withdrawn from the member the best is not for");
        assertEquals(String.valueOf(10 + m2), med(x, m1, p));

        x.announce(b, 1, 7, 3);
        x.withdraw(a, 1); // the group's best goes: b's for everybody
        all.forEach(x::drain);
        for (int c : List.of(a, m1, m2, m3)) {
            assertEquals("7", med(x, c, p), "client " + c);
        }
        x.withdraw(b, 1);
        all.forEach(x::drain);
        for (int c : all) {
            assertEquals(x.expected(c), x.tables.get(c));
            assertEquals(Map.of(), x.tables.get(c), "nothing stale at " + c);
        }
    }

    @Test
    void theGroupsEncodingIsNeverTheOneOfAMemberTheSetNames() {
        Exchange x = withPeerControls(UpdateGroup.LOG_LIMIT);
        int feeder = x.client(EXTERNAL);
        int first = x.client(EXTERNAL);
        int other = x.client(EXTERNAL);
        List.of(feeder, first, other).forEach(x::drain);
        assertSame(x.rs.group(first), x.rs.group(other));
        assertEquals(feeder, x.rs.group(first).members.get(0).index, "the feeder is the group's first member");
        x.announce(other, 1, 30 + feeder, 1); // a rewrite for the feeder (the first member), another for the rest
        x.announce(other, 2, 20 + first, 1); // only to first
        List.of(feeder, first, other).forEach(x::drain);
        assertEquals(String.valueOf(200 + feeder), med(x, feeder, "10.0.1.0/24"));
        assertEquals(String.valueOf(100 + feeder), med(x, first, "10.0.1.0/24"));
        assertEquals("none", med(x, feeder, "10.0.2.0/24"));
        assertEquals(String.valueOf(20 + first), med(x, first, "10.0.2.0/24"));
        for (int c : List.of(feeder, first, other)) {
            assertEquals(x.expected(c), x.tables.get(c));
        }
    }

    /**
     * Random announcements, withdrawals, session resets and members that read late or not at all, against the same
     * route server with every client written on its own: every client ends with the same table, which is its best
     * paths, and no reference is left when everything is gone.
     */
    @Test
    void randomChangesEndAsWithoutGroups() {
        randomChanges(false);
    }

    /** The same with control communities that name members of the group (exclude, only to, rewrite for). */
    @Test
    void randomPeerSpecificControlsEndAsWithoutGroups() {
        randomChanges(true);
    }

    /** The same with three ADD-PATH clients in one group, one of them reading seldom. */
    @Test
    void randomChangesWithAddPathGroupsEndAsWithoutGroups() {
        randomChanges(false, Set.of(2, 4, 5));
    }

    @Test
    void randomPeerSpecificControlsWithAddPathGroupsEndAsWithoutGroups() {
        randomChanges(true, Set.of(2, 4, 5));
    }

    private static void randomChanges(boolean controls) {
        randomChanges(controls, Set.of(5));
    }

    private static void randomChanges(boolean controls, Set<Integer> addPath) {
        for (long seed = 1; seed <= 30; seed++) {
            Exchange grouped = controls ? withPeerControls(2048) : new Exchange(ServerPolicy.NONE, 2048);
            Exchange alone = controls ? withPeerControls(0) : new Exchange(ServerPolicy.NONE, 0);
            Random r = new Random(seed);
            int n = 6;
            for (Exchange x : List.of(grouped, alone)) {
                for (int i = 0; i < n; i++) {
                    x.client(addPath.contains(i) ? EXTERNAL.withAddPath(Set.of(), Set.of(Family.IPV4_UNICAST)) : EXTERNAL);
                }
            }
            for (int step = 0; step < 3000; step++) {
                int op = r.nextInt(100);
                int c = r.nextInt(n);
                int p = r.nextInt(40);
                int med = controls && r.nextInt(3) == 0 ? 10 * (1 + r.nextInt(3)) + r.nextInt(6) : r.nextInt(3);
                int len = 1 + r.nextInt(3);
                int reader = r.nextInt(n);
                boolean slow = reader == 4 && r.nextInt(10) != 0; // client 4 reads seldom
                for (Exchange x : List.of(grouped, alone)) {
                    if (op < 45) {
                        x.announce(c, p, med, len);
                    } else if (op < 75) {
                        x.withdraw(c, p);
                    } else if (op < 77) {
                        for (int q = 0; q < 40; q++) {
                            x.withdraw(c, q); // the session goes: its paths go, then what it was sent
                        }
                        x.rs.sessionDown(c);
                        x.up(c);
                    } else if (!slow) {
                        x.batch(reader);
                    }
                }
            }
            for (int c = 0; c < n; c++) {
                grouped.drain(c);
                alone.drain(c);
                assertEquals(alone.tables.get(c), grouped.tables.get(c), "seed " + seed + " client " + c);
                assertEquals(grouped.expected(c), grouped.tables.get(c), "seed " + seed + " client " + c);
            }
            for (int c = 0; c < n; c++) {
                for (int q = 0; q < 40; q++) {
                    grouped.withdraw(c, q);
                }
            }
            for (int c = 0; c < n; c++) {
                grouped.drain(c);
                assertEquals(Map.of(), grouped.tables.get(c));
            }
            for (int c = 0; c < n; c++) {
                grouped.rs.sessionDown(c);
            }
            assertEquals(0, grouped.rs.prefixCount(), "seed " + seed + ": no prefix index is left referenced");
            for (int id = 0; id < grouped.store.values.size(); id++) {
                assertEquals(1, grouped.store.refs.get(id), "seed " + seed + ": attribute set " + id);
            }
            assertFalse(grouped.rs.pending(0));
        }
    }
}
