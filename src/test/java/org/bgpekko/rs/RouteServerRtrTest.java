// RPKI origin validation over RTR through the Rib: a ROA that comes or goes re-checks the routes it covers, at once,
// and only the difference reaches the other clients (an in-process fake cache on loopback).
package org.bgpekko.rs;

import static org.bgpekko.rs.RsFixtures.announce;
import static org.bgpekko.rs.RsFixtures.attributes;
import static org.bgpekko.rs.RsFixtures.show;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.typed.ActorRef;
import org.bgpekko.rib.Rib;
import org.bgpekko.rtr.RtrPdu;
import org.bgpekko.wire.Bytes;
import org.bgpekko.wire.Update;
import org.bgpekko.wire.nlri.InetNlri;
import org.bgpekko.wire.nlri.Nlri;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RouteServerRtrTest {
    private static final ActorTestKit kit = ActorTestKit.create();
    static final Nlri P = InetNlri.of("185.1.0.0/24");
    static final Nlri OTHER = InetNlri.of("185.9.0.0/24");

    @TempDir
    Path dir;
    /** The fake RPKI cache's listening socket. */
    private ServerSocket server;
    private ActorRef<Rib.Command> rib;

    @BeforeEach
    void listen() throws IOException {
        server = new ServerSocket();
        server.setSoTimeout(10_000);
        server.bind(new InetSocketAddress("127.0.0.1", 0));
    }

    @AfterEach
    void close() throws IOException {
        if (rib != null) {
            kit.stop(rib);
        }
        server.close();
    }

    /** A Rib with the two clients up under general.yml ({@code rejectInvalid}), its RTR cache the fake one. */
    private List<RsClientProbe> start(boolean rejectInvalid) throws IOException {
        Files.writeString(dir.resolve("general.yml"), general(rejectInvalid));
        Files.writeString(dir.resolve("clients.yml"), CLIENTS);
        rib = kit.spawn(Rib.create());
        return RsFixtures.sectionClients(kit, rib, dir, "rtr-cache 127.0.0.1 " + server.getLocalPort() + "; ");
    }

    @AfterAll
    static void stop() {
        kit.shutdownTestKit();
    }

    static String general(boolean rejectInvalid) {
        return """
                cfg:
                  rs_as: 64500
                  router_id: "127.0.0.1"
                  filtering:
                    irrdb: {enforce_origin_in_as_set: false, enforce_prefix_in_as_set: false, tag_as_set: false}
                    rpki_bgp_origin_validation: {enabled: true, reject_invalid: %s}
                  rpki_roas:
                    source: rtr
                """.formatted(rejectInvalid);
    }

    static final String CLIENTS = """
            clients:
              - {asn: 3333, ip: "127.0.0.11"}
              - {asn: 10745, ip: "127.0.0.12"}
            """;

    static RtrPdu.Prefix roa(boolean announce, String prefix, int max, long asn) {
        return new RtrPdu.Prefix(announce, RtrClientTest.vrp(prefix, max, asn));
    }

    static RtrPdu.EndOfData eod(long serial) {
        return new RtrPdu.EndOfData(1, serial, 3600, 600, 7200);
    }

    /** The updates B was sent from {@code from} on that concern {@code n}. */
    static long concerning(RsClientProbe b, int from, Nlri n) {
        return b.updates.subList(from, b.updates.size()).stream().filter(u -> mentions(u, n)).count();
    }

    private static boolean mentions(Update u, Nlri n) {
        return u.nlri().toList().contains(n) || u.withdrawn().toList().contains(n);
    }

    @Test
    void aRouteFlipsInvalidAndBackAsRoasComeAndGoWithoutTouchingOthers() throws IOException {
        List<RsClientProbe> c = start(true);
        RsClientProbe a = c.get(0);
        RsClientProbe b = c.get(1);
        try (RtrClientTest.Conn cache = new RtrClientTest.Conn(server)) {
            assertEquals(new RtrPdu.ResetQuery(), cache.read().pdu());
            // before the first End of Data no ROA is known: every route is NotFound, and relayed
            a.send(announce(attributes("127.0.0.11", List.of(3333L)), Bytes.EMPTY, "185.1.0.0/24",
                    "185.9.0.0/24"));
            b.await(t -> t.table.containsKey(P) && t.table.containsKey(OTHER));

            int mark = b.updates.size();
            cache.send(1, new RtrPdu.CacheResponse(1), roa(true, "185.1.0.0/16", 24, 64999), eod(1));
            b.await(t -> !t.table.containsKey(P)); // invalid: withdrawn from B
            assertEquals(List.of("neighbor 127.0.0.11 ipv4 unicast 185.1.0.0/24 filtered 14 \"RPKI INVALID "
                    + "route\""), show(kit, rib, "show adj-rib in neighbor 127.0.0.11 filtered"));

            cache.send(1, new RtrPdu.SerialNotify(1, 2));
            assertEquals(new RtrPdu.SerialQuery(1, 1), cache.read().pdu());
            cache.send(1, new RtrPdu.CacheResponse(1), roa(true, "185.1.0.0/16", 24, 3333), eod(2));
            b.await(t -> t.table.containsKey(P)); // valid now: relayed again
            assertEquals(List.of(), show(kit, rib, "show adj-rib in neighbor 127.0.0.11 filtered"));

            cache.send(1, new RtrPdu.SerialNotify(1, 3));
            assertEquals(new RtrPdu.SerialQuery(1, 2), cache.read().pdu());
            cache.send(1, new RtrPdu.CacheResponse(1), roa(true, "203.0.113.0/24", 24, 64999), eod(3));
            b.quiet(); // a ROA that covers none of the routes changes nothing on the wire

            assertEquals(2, concerning(b, mark, P), "one withdrawal, one announcement");
            assertEquals(0, concerning(b, mark, OTHER), "the route no ROA change covered was not sent again");
            assertEquals(1, b.generation, "no session was reset");
            assertTrue(a.table.isEmpty(), "A is not sent its own routes");
        }
    }

    @Test
    void aReloadThatRemovesTheRtrCacheStopsTheClientAndOneThatAddsItBackStartsANewOne() throws IOException {
        List<RsClientProbe> c = start(true);
        String section = "rtr-cache 127.0.0.1 " + server.getLocalPort() + "; ";
        String conf = Files.readString(dir.resolve("rs.conf"));
        try (RtrClientTest.Conn cache = new RtrClientTest.Conn(server)) {
            cache.read();
            c.get(0).send(announce(attributes("127.0.0.11", List.of(3333L)), Bytes.EMPTY, "185.1.0.0/24"));
            c.get(1).await(t -> t.table.containsKey(P));
            cache.send(1, new RtrPdu.CacheResponse(1), roa(true, "185.1.0.0/16", 24, 64999), eod(1));
            c.get(1).await(t -> !t.table.containsKey(P)); // invalid

            Files.writeString(dir.resolve("general.yml"), general(true).replace("enabled: true", "enabled: false")
                    .replace("rpki_roas:\n    source: rtr\n", ""));
            Files.writeString(dir.resolve("rs.conf"), conf.replace(section, ""));
            RsFixtures.reload(rib, dir.resolve("rs.conf"));
            assertTrue(cache.closedByClient(), "the RTR session ends when no policy names the cache");
            c.get(1).await(t -> t.table.containsKey(P)); // not RPKI-checked any more: relayed
            assertEquals(1, c.get(1).generation, "no session was reset");

            Files.writeString(dir.resolve("general.yml"), general(true));
            Files.writeString(dir.resolve("rs.conf"), conf);
            RsFixtures.reload(rib, dir.resolve("rs.conf"));
            try (RtrClientTest.Conn again = new RtrClientTest.Conn(server)) {
                assertEquals(new RtrPdu.ResetQuery(), again.read().pdu(), "a new client, a new data set");
                again.send(1, new RtrPdu.CacheResponse(1), roa(true, "185.1.0.0/16", 24, 64999), eod(1));
                c.get(1).await(t -> !t.table.containsKey(P));
            }
        }
    }

    @Test
    void withoutRejectInvalidAnInvalidRouteIsKeptAndAnnouncedToNobody() throws IOException {
        List<RsClientProbe> c = start(false);
        try (RtrClientTest.Conn cache = new RtrClientTest.Conn(server)) {
            cache.read();
            Nlri first = InetNlri.of("185.1.1.0/24");
            c.get(0).send(announce(attributes("127.0.0.11", List.of(3333L)), Bytes.EMPTY, "185.1.1.0/24"));
            c.get(1).await(t -> t.table.containsKey(first));
            cache.send(1, new RtrPdu.CacheResponse(1), roa(true, "185.1.0.0/16", 16, 3333), eod(1));
            c.get(1).await(t -> !t.table.containsKey(first)); // the ROAs are in: longer than maxLength 16
            c.get(0).send(announce(attributes("127.0.0.11", List.of(3333L)), Bytes.EMPTY, "185.1.0.0/24",
                    "185.9.0.0/24"));
            c.get(1).await(t -> t.table.containsKey(OTHER));
            c.get(1).quiet();
            assertEquals(List.of(OTHER), List.copyOf(c.get(1).table.keySet()), "185.1.0.0/24 is longer than "
                    + "the ROA's maxLength 16: invalid, kept and announced to nobody");
            assertEquals(List.of(), show(kit, rib, "show adj-rib in neighbor 127.0.0.11 filtered"),
                    "accepted (not filtered), as arouteserver's BIRD filter does without reject_invalid");
            cache.send(1, new RtrPdu.SerialNotify(1, 2));
            cache.read();
            cache.send(1, new RtrPdu.CacheResponse(1), roa(false, "185.1.0.0/16", 16, 3333), eod(2));
            c.get(1).await(t -> t.table.containsKey(P) && t.table.containsKey(first)); // no ROA: NotFound
        }
    }
}
