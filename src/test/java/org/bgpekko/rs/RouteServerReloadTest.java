// A reload that changes only the route-server policy (issue 13): every Adj-RIB-In is checked again and only the
// difference goes on the wire, without a session reset.
package org.bgpekko.rs;

import static org.bgpekko.rs.RsFixtures.announce;
import static org.bgpekko.rs.RsFixtures.attributes;
import static org.bgpekko.rs.RsFixtures.show;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.typed.ActorRef;
import org.bgpekko.peer.Peer;
import org.bgpekko.rib.Rib;
import org.bgpekko.wire.Bytes;
import org.bgpekko.wire.attribute.AsPath;
import org.bgpekko.wire.attribute.NextHop;
import org.bgpekko.wire.nlri.InetNlri;
import org.bgpekko.wire.nlri.Nlri;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RouteServerReloadTest {
    private static final ActorTestKit kit = ActorTestKit.create();
    private static final Nlri P = InetNlri.of("185.1.0.0/24");
    private static final Nlri Q = InetNlri.of("185.2.0.0/24");
    private static final String BLACK_Q = """
                global_black_list_pref:
                  - {prefix: "185.2.0.0", length: 24, le: 32}
            """;

    @TempDir
    Path dir;
    private ActorRef<Rib.Command> rib;

    @AfterAll
    static void stop() {
        kit.shutdownTestKit();
    }

    /** general.yml with the lines of {@code filtering} added under cfg.filtering. */
    private static String general(String filtering) {
        return RouteServerPolicyTest.GENERAL.replace("""
                    irrdb: {enforce_origin_in_as_set: false, enforce_prefix_in_as_set: false, tag_as_set: false}
                """, """
                    irrdb: {enforce_origin_in_as_set: false, enforce_prefix_in_as_set: false, tag_as_set: false}
                """ + filtering);
    }

    private List<RsClientProbe> three(String general, String clients) throws IOException {
        Files.writeString(dir.resolve("general.yml"), general);
        Files.writeString(dir.resolve("clients.yml"), clients);
        rib = kit.spawn(Rib.create());
        return RsFixtures.sectionClients(kit, rib, dir, "");
    }

    /** Rewrites the files and hands the Rib the neighbours parsed from them, as the guardian does on a reload. */
    private void reload(String general, String clients) throws IOException {
        Files.writeString(dir.resolve("general.yml"), general);
        Files.writeString(dir.resolve("clients.yml"), clients);
        RsFixtures.reload(rib, dir.resolve("rs.conf"));
    }

    private static String nextHop(RsClientProbe c, Nlri n) {
        return c.table.get(n).attributes().get(NextHop.class).orElseThrow().address().toString();
    }

    /** No End-of-RIB again, no Disable: the session was not reset. */
    private static void sameSession(RsClientProbe c) {
        assertEquals(2, c.endOfRibs, "client " + c.number + ": End-of-RIB only after its first table");
        assertTrue(c.probe.getRef() != null);
    }

    @Test
    void aReloadThatRejectsARouteWithdrawsItAndAcceptingItAgainReannouncesIt() throws IOException {
        List<RsClientProbe> c = three(general(""), RouteServerPolicyTest.CLIENTS);
        RsClientProbe a = c.get(0);
        RsClientProbe b = c.get(1);
        a.send(announce(attributes("127.0.0.11", List.of(3333L)), Bytes.EMPTY, "185.1.0.0/24", "185.2.0.0/24"));
        b.await(t -> t.table.containsKey(P) && t.table.containsKey(Q));
        c.get(2).await(t -> t.table.containsKey(Q));
        int before = b.updates.size();

        reload(general(BLACK_Q), RouteServerPolicyTest.CLIENTS);
        b.await(t -> !t.table.containsKey(Q));
        c.get(2).await(t -> !t.table.containsKey(Q));
        b.quiet();
        assertEquals(List.of(P), List.copyOf(b.table.keySet()), "P untouched");
        assertEquals(1, b.updates.size() - before, "one UPDATE: the withdrawal of Q, nothing for P");
        assertTrue(b.updates.get(b.updates.size() - 1).nlri().isEmpty(), "a withdrawal only");
        sameSession(b);
        assertEquals(List.of("neighbor 127.0.0.11 ipv4 unicast 185.2.0.0/24 filtered 3 \"Prefix is in global "
                + "blacklist\""), show(kit, rib, "show adj-rib in neighbor 127.0.0.11 filtered"),
                "the filtered listing gives the new reason");

        reload(general(""), RouteServerPolicyTest.CLIENTS);
        b.await(t -> t.table.containsKey(Q));
        c.get(2).await(t -> t.table.containsKey(Q));
        b.quiet();
        assertEquals("127.0.0.11", nextHop(b, Q));
        assertEquals(List.of(), show(kit, rib, "show adj-rib in neighbor 127.0.0.11 filtered"));
        sameSession(b);
        a.quiet();
    }

    @Test
    void aReloadThatRejectsTheBestPathSendsTheNextBest() throws IOException {
        List<RsClientProbe> c = three(general(""), RouteServerPolicyTest.CLIENTS);
        RsClientProbe a = c.get(0);
        RsClientProbe b = c.get(1);
        RsClientProbe x = c.get(2);
        x.send(announce(attributes("127.0.0.13", List.of(20940L, 1299L, 2914L)), Bytes.EMPTY, "185.2.0.0/24"));
        a.send(announce(attributes("127.0.0.11", List.of(3333L)), Bytes.EMPTY, "185.2.0.0/24"));
        b.await(t -> t.table.containsKey(Q) && nextHop(t, Q).equals("127.0.0.11"));
        // a client black list for A only: its path is filtered, X's is B's best now
        reload(general(""), RouteServerPolicyTest.CLIENTS.replace("{asn: 3333, ip: \"127.0.0.11\"}",
                "{asn: 3333, ip: \"127.0.0.11\", cfg: {filtering: {black_list_pref: [{prefix: \"185.2.0.0\", "
                        + "length: 24}]}}}"));
        b.await(t -> t.table.containsKey(Q) && nextHop(t, Q).equals("127.0.0.13"));
        x.await(t -> !t.table.containsKey(Q)); // X had A's path; its own is no candidate for it
        b.quiet();
        assertEquals(List.of("neighbor 127.0.0.11 ipv4 unicast 185.2.0.0/24 filtered 11 \"Prefix is in client "
                + "blacklist\""), show(kit, rib, "show adj-rib in neighbor 127.0.0.11 filtered"));
        a.await(t -> t.table.containsKey(Q) && nextHop(t, Q).equals("127.0.0.13")); // A had X's all along
        sameSession(a);
        sameSession(b);
        sameSession(x);
    }

    @Test
    void aReloadThatChangesNothingSendsNothing() throws IOException {
        List<RsClientProbe> c = three(general(BLACK_Q), RouteServerPolicyTest.CLIENTS);
        c.get(0).send(announce(attributes("127.0.0.11", List.of(3333L)), Bytes.EMPTY, "185.1.0.0/24",
                "185.2.0.0/24"));
        c.get(1).await(t -> t.table.containsKey(P));
        c.get(2).await(t -> t.table.containsKey(P));
        reload(general(BLACK_Q), RouteServerPolicyTest.CLIENTS); // files read again: new policy objects, same policy
        c.forEach(RsClientProbe::quiet);
        assertEquals(List.of("neighbor 127.0.0.11 ipv4 unicast 185.2.0.0/24 filtered 3 \"Prefix is in global "
                + "blacklist\""), show(kit, rib, "show adj-rib in neighbor 127.0.0.11 filtered"));
    }

    @Test
    void aReloadThatChangesOneClientsExportResendsItsRoutesOnlyToIt() throws IOException {
        List<RsClientProbe> c = three(general(""), RouteServerPolicyTest.CLIENTS);
        c.get(0).send(announce(attributes("127.0.0.11", List.of(3333L)), Bytes.EMPTY, "185.1.0.0/24"));
        RsClientProbe b = c.get(1);
        b.await(t -> t.table.containsKey(P));
        c.get(2).await(t -> t.table.containsKey(P));
        reload(general(""), RouteServerPolicyTest.CLIENTS.replace("{asn: 10745, ip: \"127.0.0.12\"}",
                "{asn: 10745, ip: \"127.0.0.12\", cfg: {prepend_rs_as: true}}"));
        b.await(t -> t.table.get(P).attributes().get(AsPath.class).orElseThrow().equals(AsPath.sequence(64500L,
                3333L)));
        c.get(0).quiet();
        c.get(2).quiet();
        assertEquals(AsPath.sequence(3333L), c.get(2).table.get(P).attributes().get(AsPath.class).orElseThrow());
        sameSession(b);
    }

    @Test
    void routesReevaluatedOnRequestFollowThePolicyAsItIsNow() throws IOException {
        List<RsClientProbe> c = three(general(""), RouteServerPolicyTest.CLIENTS);
        c.get(0).send(announce(attributes("127.0.0.11", List.of(3333L)), Bytes.EMPTY, "185.1.0.0/24"));
        c.get(1).await(t -> t.table.containsKey(P));
        c.get(2).await(t -> t.table.containsKey(P));
        rib.tell(new Rib.Reevaluate(List.of(P)));
        rib.tell(new Rib.Reevaluate(List.of()));
        c.forEach(RsClientProbe::quiet); // the policy is unchanged: nothing moves
        assertFalse(c.get(1).table.isEmpty());
    }
}
