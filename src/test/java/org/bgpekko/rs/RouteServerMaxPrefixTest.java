// arouteserver's max_prefix through the Rib actor (issue 13): per client and family, the four actions, and what counts.
package org.bgpekko.rs;

import static org.bgpekko.rs.RsFixtures.announce;
import static org.bgpekko.rs.RsFixtures.attributes;
import static org.bgpekko.rs.RsFixtures.options;
import static org.bgpekko.rs.RsFixtures.show;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.LoggingTestKit;
import org.apache.pekko.actor.typed.ActorRef;
import org.bgpekko.peer.Peer;
import org.bgpekko.rib.Rib;
import org.bgpekko.wire.Bytes;
import org.bgpekko.wire.attribute.MultiExitDisc;
import org.bgpekko.wire.nlri.InetNlri;
import org.bgpekko.wire.nlri.Nlri;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RouteServerMaxPrefixTest {
    private static final ActorTestKit kit = ActorTestKit.create();

    @TempDir
    Path dir;
    private ActorRef<Rib.Command> rib;

    @AfterAll
    static void stop() {
        kit.shutdownTestKit();
    }

    /** Client A (AS 3333) with {@code maxPrefix} as its cfg.filtering.max_prefix, B without limits; both up. */
    private List<RsClientProbe> clients(String maxPrefix) throws IOException {
        Files.writeString(dir.resolve("general.yml"), """
                cfg:
                  rs_as: 64500
                  router_id: "127.0.0.1"
                  filtering:
                    irrdb: {enforce_origin_in_as_set: false, enforce_prefix_in_as_set: false, tag_as_set: false}
                """);
        Files.writeString(dir.resolve("clients.yml"), """
                clients:
                  - {asn: 3333, ip: "127.0.0.11", cfg: {filtering: {max_prefix: %s}}}
                  - {asn: 10745, ip: "127.0.0.12"}
                """.formatted(maxPrefix));
        rib = kit.spawn(Rib.create());
        return RsFixtures.sectionClients(kit, rib, dir, "");
    }

    private static void send(RsClientProbe a, String... prefixes) {
        a.send(announce(attributes("127.0.0.11", List.of(3333L)), Bytes.EMPTY, prefixes));
    }

    private static Set<Nlri> nlri(String... prefixes) {
        return Set.of(java.util.Arrays.stream(prefixes).map(InetNlri::of).toArray(Nlri[]::new));
    }

    @Test
    void shutdownClosesWithCeaseOneAndTheRfc4486DataAndKeepsTheSessionDown() throws IOException {
        List<RsClientProbe> c = clients("{action: shutdown, limit_ipv4: 2, limit_ipv6: 5}");
        RsClientProbe a = c.get(0);
        send(a, "185.1.0.0/24", "185.2.0.0/24");
        c.get(1).await(t -> t.table.size() == 2);
        a.quiet(); // at the limit, not over it
        send(a, "185.3.0.0/24");
        Peer.Disable d = a.disabled();
        assertEquals(6, d.notification().code());
        assertEquals(1, d.notification().subcode(), "Maximum Number of Prefixes Reached");
        assertEquals("00010100000002", d.notification().data().hex(), "AFI 1, SAFI 1, upper bound 2");
        assertNull(d.downFor(), "shutdown: until restarted or reconfigured");
        c.get(1).quiet();
        assertEquals(nlri("185.1.0.0/24", "185.2.0.0/24"), c.get(1).table.keySet(), "the route over the limit is "
                + "not relayed while the session closes");
    }

    @Test
    void restartKeepsTheSessionDownForRestartAfterMinutesAndTheLimitIsPerFamily() throws IOException {
        List<RsClientProbe> c = clients("{action: restart, restart_after: 7, limit_ipv4: 5, limit_ipv6: 1}");
        RsClientProbe a = c.get(0);
        send(a, "185.1.0.0/24", "185.2.0.0/24");
        a.send(announce(attributes("2001:db8::11", List.of(3333L)), Bytes.fromHex("20010db8000000000000000000000011"),
                "2a00:1::/32", "2a00:2::/32"));
        Peer.Disable d = a.disabled();
        assertEquals("00020100000001", d.notification().data().hex(), "AFI 2: the IPv6 limit was reached");
        assertEquals(Duration.ofMinutes(7), d.downFor());
    }

    @Test
    void blockKeepsTheRoutesBeyondTheLimitOutUntilTheyChangeWithRoomLeft() throws IOException {
        List<RsClientProbe> c = clients("{action: block, limit_ipv4: 2}");
        RsClientProbe a = c.get(0);
        RsClientProbe b = c.get(1);
        send(a, "185.1.0.0/24", "185.2.0.0/24", "185.3.0.0/24");
        b.await(t -> t.table.size() == 2);
        b.quiet();
        a.quiet(); // no Disable
        assertEquals(List.of("neighbor 127.0.0.11 ipv4 unicast 185.3.0.0/24 filtered 65534 \"Max-prefix limit "
                + "reached\""), show(kit, rib, "show adj-rib in neighbor 127.0.0.11 filtered"));
        send(a, "185.1.0.0/24"); // a replaced route is not one more
        a.send(RsFixtures.withdraw("185.2.0.0/24"));
        b.await(t -> t.table.size() == 1);
        b.quiet();
        assertEquals(nlri("185.1.0.0/24"), b.table.keySet(), "room is not filled by the blocked route by itself");
        send(a, "185.3.0.0/24");
        b.quiet(); // the same route again: the Adj-RIB-In holds it already, nothing changed
        a.send(announce(attributes("127.0.0.11", List.of(3333L), new MultiExitDisc(5)), Bytes.EMPTY, "185.3.0.0/24"));
        b.await(t -> t.table.keySet().equals(nlri("185.1.0.0/24", "185.3.0.0/24")));
        assertEquals(List.of(), show(kit, rib, "show adj-rib in neighbor 127.0.0.11 filtered"));
    }

    @Test
    void warningTakesEveryRouteAndLogsOnce() throws IOException {
        List<RsClientProbe> c = clients("{action: warning, limit_ipv4: 1}");
        LoggingTestKit.warn("max-prefix limit reached: more than 1 ipv4 unicast routes, action warning")
                .withOccurrences(1).expect(kit.system(), () -> {
                    send(c.get(0), "185.1.0.0/24", "185.2.0.0/24");
                    send(c.get(0), "185.3.0.0/24");
                    c.get(1).await(t -> t.table.size() == 3);
                    return null;
                });
        c.get(0).quiet();
    }

    @Test
    void rejectedRoutesCountUnlessCountRejectedRoutesIsFalse() throws IOException {
        List<RsClientProbe> c = clients("{action: block, limit_ipv4: 2}");
        send(c.get(0), "10.0.0.0/16", "185.1.0.0/24", "185.2.0.0/24"); // a bogon first: it counts
        c.get(1).await(t -> t.table.size() == 1);
        c.get(1).quiet();
        assertEquals(nlri("185.1.0.0/24"), c.get(1).table.keySet());

        c = clients("{action: block, limit_ipv4: 2, count_rejected_routes: false}");
        send(c.get(0), "10.0.0.0/16", "185.1.0.0/24", "185.2.0.0/24");
        c.get(1).await(t -> t.table.size() == 2);
        send(c.get(0), "185.3.0.0/24");
        c.get(1).quiet();
        assertEquals(nlri("185.1.0.0/24", "185.2.0.0/24"), c.get(1).table.keySet(), "two accepted: the third is "
                + "blocked");
    }
}
