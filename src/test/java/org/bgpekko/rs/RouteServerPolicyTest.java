// arouteserver's policy through the Rib actor (issue 13): filtered routes stay out of the candidates, control
// communities steer the export (a refused best falls through to the next), prepends and scrubbing on the wire.
package org.bgpekko.rs;

import static org.bgpekko.rs.RsFixtures.announce;
import static org.bgpekko.rs.RsFixtures.attributes;
import static org.bgpekko.rs.RsFixtures.options;
import static org.bgpekko.rs.RsFixtures.show;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.typed.ActorRef;
import org.bgpekko.rib.Rib;
import org.bgpekko.wire.Bytes;
import org.bgpekko.wire.attribute.AsPath;
import org.bgpekko.wire.attribute.Communities;
import org.bgpekko.wire.attribute.NextHop;
import org.bgpekko.wire.attribute.PathAttribute;
import org.bgpekko.wire.nlri.InetNlri;
import org.bgpekko.wire.nlri.Nlri;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RouteServerPolicyTest {
    private static final ActorTestKit kit = ActorTestKit.create();
    private static final Nlri P = InetNlri.of("185.1.0.0/24");
    private static final Nlri BAD = InetNlri.of("185.2.0.0/24");

    @TempDir
    Path dir;
    private ActorRef<Rib.Command> rib;

    @AfterAll
    static void stop() {
        kit.shutdownTestKit();
    }

    static final String GENERAL = """
            cfg:
              rs_as: 64500
              router_id: "127.0.0.1"
              filtering:
                irrdb: {enforce_origin_in_as_set: false, enforce_prefix_in_as_set: false, tag_as_set: false}
              communities:
                do_not_announce_to_peer: {std: "0:peer_as"}
                prepend_once_to_any: {std: "65501:rs_as"}
                prefix_present_in_as_set: {std: "64500:100"}
            """;
    static final String CLIENTS = """
            clients:
              - {asn: 3333, ip: "127.0.0.11"}
              - {asn: 10745, ip: "127.0.0.12"}
              - {asn: 20940, ip: "127.0.0.13"}
            """;

    /** The three clients of the route-server section, up with empty tables. */
    private List<RsClientProbe> three() throws IOException {
        return three(GENERAL, CLIENTS);
    }

    private List<RsClientProbe> three(String general, String clients) throws IOException {
        return three(general, clients, "");
    }

    private List<RsClientProbe> three(String general, String clients, String section) throws IOException {
        Files.writeString(dir.resolve("general.yml"), general);
        Files.writeString(dir.resolve("clients.yml"), clients);
        rib = kit.spawn(Rib.create());
        return RsFixtures.sectionClients(kit, rib, dir, section);
    }

    private static String nextHop(RsClientProbe c, Nlri n) {
        return c.table.get(n).attributes().get(NextHop.class).orElseThrow().address().toString();
    }

    @Test
    void aRouteTheChecksRejectIsNotRelayedTheOthersAre() throws IOException {
        List<RsClientProbe> c = three();
        RsClientProbe a = c.get(0);
        a.send(announce(attributes("127.0.0.11", List.of(3333L)), Bytes.EMPTY, "185.1.0.0/24"));
        a.send(announce(attributes("127.0.0.99", List.of(3333L)), Bytes.EMPTY, "185.2.0.0/24")); // NEXT_HOP (5)
        a.send(announce(attributes("127.0.0.11", List.of(3333L, 64512L)), Bytes.EMPTY, "185.3.0.0/24")); // ASN (7)
        a.send(announce(attributes("127.0.0.11", List.of(3333L)), Bytes.EMPTY, "10.0.0.0/16")); // bogon (2)
        for (RsClientProbe other : c.subList(1, 3)) {
            other.await(t -> t.table.containsKey(P));
            other.quiet();
            assertEquals(List.of(P), List.copyOf(other.table.keySet()), "only the accepted route");
        }
        // a filtered route that becomes acceptable is relayed, and withdrawn when it is filtered again
        a.send(announce(attributes("127.0.0.11", List.of(3333L)), Bytes.EMPTY, "185.2.0.0/24"));
        c.get(1).await(t -> t.table.containsKey(BAD));
        a.send(announce(attributes("127.0.0.98", List.of(3333L)), Bytes.EMPTY, "185.2.0.0/24"));
        c.get(1).await(t -> !t.table.containsKey(BAD));
    }

    @Test
    void doNotAnnounceToPeerGivesThatPeerTheNextBestAndIsScrubbedOnExport() throws IOException {
        List<RsClientProbe> c = three();
        RsClientProbe a = c.get(0);
        RsClientProbe b = c.get(1);
        RsClientProbe x = c.get(2);
        x.send(announce(attributes("127.0.0.13", List.of(20940L, 1299L, 2914L)), Bytes.EMPTY, "185.1.0.0/24"));
        b.await(t -> t.table.containsKey(P));
        a.send(announce(attributes("127.0.0.11", List.of(3333L), new Communities(List.of(10745L, 3333L << 16 | 1,
                64500L << 16 | 100))), Bytes.EMPTY, "185.1.0.0/24")); // 0:10745, its own, an outbound one
        x.await(t -> t.table.containsKey(P) && nextHop(t, P).equals("127.0.0.11"));
        b.quiet();
        assertEquals("127.0.0.13", nextHop(b, P), "B may not get A's best path: it gets X's, the next best");
        List<Long> seen = x.table.get(P).attributes().get(Communities.class).orElseThrow().values();
        assertEquals(List.of(3333L << 16 | 1), seen, "0:10745 (do_not_announce_to_peer) and 64500:100 (the route "
                + "server's own, sent by a client) removed; the client's own 3333:1 kept");
    }

    @Test
    void prependOnceToAnyPrependsTheLeftMostAs() throws IOException {
        List<RsClientProbe> c = three();
        c.get(0).send(announce(attributes("127.0.0.11", List.of(3333L, 1111L), new Communities(List.of(
                65501L << 16 | 64500))), Bytes.EMPTY, "185.1.0.0/24"));
        RsClientProbe b = c.get(1);
        b.await(t -> t.table.containsKey(P));
        assertEquals(AsPath.sequence(3333L, 3333L, 1111L), b.table.get(P).attributes().get(AsPath.class)
                .orElseThrow());
        assertFalse(b.table.get(P).attributes().has(PathAttribute.COMMUNITIES), "65501:64500 scrubbed, none left");
    }

    @Test
    void showAdjRibInFilteredListsTheFilteredRoutesWithTheirReasons() throws IOException {
        List<RsClientProbe> c = three();
        RsClientProbe a = c.get(0);
        a.send(announce(attributes("127.0.0.11", List.of(3333L)), Bytes.EMPTY, "185.1.0.0/24"));
        a.send(announce(attributes("127.0.0.99", List.of(3333L)), Bytes.EMPTY, "185.2.0.0/24")); // NEXT_HOP (5)
        a.send(announce(attributes("127.0.0.11", List.of(3333L, 64512L)), Bytes.EMPTY, "185.3.0.0/24")); // ASN (7)
        a.send(announce(attributes("127.0.0.11", List.of(3333L)), Bytes.EMPTY, "10.0.0.0/16")); // bogon (2)
        c.get(1).await(t -> t.table.containsKey(P));
        List<String> text = show(kit, rib, "show adj-rib in neighbor 127.0.0.11 filtered");
        assertEquals(List.of(
                "neighbor 127.0.0.11 ipv4 unicast 10.0.0.0/16 filtered 2 \"Prefix is bogon\"",
                "neighbor 127.0.0.11 ipv4 unicast 185.2.0.0/24 filtered 5 \"Invalid NEXT_HOP\"",
                "neighbor 127.0.0.11 ipv4 unicast 185.3.0.0/24 filtered 7 \"Invalid ASN in AS_PATH\""),
                text.stream().sorted().toList());
        assertEquals(text, show(kit, rib, "show adj-rib in 127.0.0.11 filtered"), "ExaBGP's form of the address");

        List<JsonNode> json = show(kit, rib, "show adj-rib in neighbor 127.0.0.11 filtered json").stream()
                .map(RouteServerPolicyTest::json).toList();
        assertEquals(3, json.size());
        JsonNode hop = json.stream().filter(j -> j.get("prefix").asText().equals("185.2.0.0/24")).findFirst()
                .orElseThrow();
        assertEquals("127.0.0.11", hop.get("neighbor").asText());
        assertEquals("in", hop.get("direction").asText());
        assertEquals("127.0.0.99", hop.get("next-hop").asText());
        assertEquals("{\"0\":{\"element\":\"as-sequence\",\"value\":[3333]}}",
                hop.get("attribute").get("as-path").toString(), "the attributes as received");
        assertEquals("{\"code\":5,\"reason\":\"Invalid NEXT_HOP\"}", hop.get("filtered").toString());

        List<JsonNode> all = show(kit, rib, "show adj-rib in neighbor 127.0.0.11 json").stream()
                .map(RouteServerPolicyTest::json).toList();
        assertEquals(4, all.size(), "without filtered: every route, the filtered ones marked");
        assertEquals(List.of("185.1.0.0/24"), all.stream().filter(j -> j.get("filtered") == null)
                .map(j -> j.get("prefix").asText()).toList());
        assertEquals(List.of(), show(kit, rib, "show adj-rib in neighbor 127.0.0.12 filtered json"), "B sent none");
        assertEquals(3, show(kit, rib, "show adj-rib in filtered").size(), "no address: every client's");

        // sent again acceptable, it leaves the list; withdrawn, it is gone from both lists
        a.send(announce(attributes("127.0.0.11", List.of(3333L)), Bytes.EMPTY, "185.2.0.0/24"));
        c.get(1).await(t -> t.table.containsKey(BAD));
        assertEquals(2, show(kit, rib, "show adj-rib in neighbor 127.0.0.11 filtered").size());
        a.send(RsFixtures.withdraw("10.0.0.0/16"));
        assertEquals(List.of("neighbor 127.0.0.11 ipv4 unicast 185.3.0.0/24 filtered 7 \"Invalid ASN in AS_PATH\""),
                show(kit, rib, "show adj-rib in neighbor 127.0.0.11 filtered"));
    }

    @Test
    void aBlackholeHostRouteGoesWithTheBlackholeNextHopToTheClientsThatWantIt() throws IOException {
        List<RsClientProbe> c = three(GENERAL + """
                  blackhole_filtering:
                    policy_ipv4: rewrite-next-hop
                    rewrite_next_hop_ipv4: "127.0.0.66"
                """, CLIENTS.replace("{asn: 20940, ip: \"127.0.0.13\"}", "{asn: 20940, ip: \"127.0.0.13\", cfg: "
                + "{blackhole_filtering: {announce_to_client: false}}}"));
        Nlri host = InetNlri.of("185.1.0.1/32");
        c.get(0).send(announce(attributes("127.0.0.11", List.of(3333L), new Communities(List.of(65535L << 16 | 666))),
                Bytes.EMPTY, "185.1.0.1/32"));
        c.get(0).send(announce(attributes("127.0.0.11", List.of(3333L)), Bytes.EMPTY, "185.1.0.2/32"));
        c.get(2).send(announce(attributes("127.0.0.13", List.of(20940L)), Bytes.EMPTY, "185.1.0.0/24"));
        RsClientProbe b = c.get(1);
        b.await(t -> t.table.containsKey(host) && t.table.containsKey(P));
        assertEquals("127.0.0.66", nextHop(b, host));
        assertEquals(List.of(65535L << 16 | 666, 0xFFFFFF01L),
                b.table.get(host).attributes().get(Communities.class).orElseThrow().values(), "BLACKHOLE, NO_EXPORT");
        b.quiet();
        assertFalse(b.table.containsKey(InetNlri.of("185.1.0.2/32")), "a /32 without BLACKHOLE is too long");
        c.get(2).quiet();
        assertFalse(c.get(2).table.containsKey(host), "announce_to_client: false");
    }

    @Test
    void gracefulShutdownLowersTheLocalPrefOfAnEnabledClientsRouteAndIsRemovedFromTheOthers() throws IOException {
        String general = GENERAL + """
                  graceful_shutdown: {enabled: true, local_pref: 0}
                """;
        String clients = CLIENTS.replace("{asn: 3333, ip: \"127.0.0.11\"}", "{asn: 3333, ip: \"127.0.0.11\", cfg: "
                + "{graceful_shutdown: {enabled: false}}}");
        long gshut = 65535L << 16;
        List<RsClientProbe> c = three(general, CLIENTS); // the clients take general.yml's enabled: true
        RsClientProbe b = c.get(1);
        c.get(2).send(announce(attributes("127.0.0.13", List.of(20940L, 1299L, 2914L)), Bytes.EMPTY, "185.1.0.0/24"));
        b.await(t -> t.table.containsKey(P));
        c.get(0).send(announce(attributes("127.0.0.11", List.of(3333L), new Communities(List.of(gshut))), Bytes.EMPTY,
                "185.1.0.0/24"));
        c.get(2).await(t -> t.table.containsKey(P) && nextHop(t, P).equals("127.0.0.11"));
        b.quiet();
        assertEquals("127.0.0.13", nextHop(b, P), "A's shorter path has LOCAL_PREF 0: X's is best");
        assertEquals(List.of(gshut), c.get(2).table.get(P).attributes().get(Communities.class).orElseThrow().values(),
                "the community goes on with A's path");

        // a client with graceful_shutdown.enabled false: the community is removed, its route ranks as any other
        c = three(general, clients);
        b = c.get(1);
        c.get(2).send(announce(attributes("127.0.0.13", List.of(20940L, 1299L, 2914L)), Bytes.EMPTY, "185.1.0.0/24"));
        b.await(t -> t.table.containsKey(P));
        c.get(0).send(announce(attributes("127.0.0.11", List.of(3333L), new Communities(List.of(gshut, 3333L << 16))),
                Bytes.EMPTY, "185.1.0.0/24"));
        b.await(t -> nextHop(t, P).equals("127.0.0.11"));
        assertEquals(List.of(3333L << 16), b.table.get(P).attributes().get(Communities.class).orElseThrow().values());
    }

    @Test
    void theMaintenanceSwitchAddsGracefulShutdownToEverythingExportedAndTakesItAway() throws IOException {
        List<RsClientProbe> c = three();
        long gshut = 65535L << 16;
        c.get(0).send(announce(attributes("127.0.0.11", List.of(3333L), new Communities(List.of(3333L << 16 | 5))),
                Bytes.EMPTY, "185.1.0.0/24"));
        RsClientProbe b = c.get(1);
        b.await(t -> t.table.containsKey(P));
        show(kit, rib, "route-server graceful-shutdown on");
        for (RsClientProbe x : c.subList(1, 3)) {
            x.await(t -> communities(t, P).equals(List.of(3333L << 16 | 5, gshut)));
        }
        c.get(0).quiet(); // A has no route of another client: nothing to send it
        show(kit, rib, "route-server graceful-shutdown off");
        b.await(t -> communities(t, P).equals(List.of(3333L << 16 | 5)));
    }

    private static List<Long> communities(RsClientProbe c, Nlri n) {
        RsClientProbe.Held h = c.table.get(n);
        return h == null ? List.of() : h.attributes().get(Communities.class).map(Communities::values).orElse(List.of());
    }

    @Test
    void performGracefulShutdownInTheRouteServerSectionAddsItFromTheStart() throws IOException {
        List<RsClientProbe> c = three(GENERAL, CLIENTS, "perform-graceful-shutdown true; ");
        c.get(0).send(announce(attributes("127.0.0.11", List.of(3333L)), Bytes.EMPTY, "185.1.0.0/24"));
        c.get(1).await(t -> communities(t, P).equals(List.of(65535L << 16)));
        show(kit, rib, "route-server graceful-shutdown off");
        c.get(1).await(t -> t.table.containsKey(P) && communities(t, P).isEmpty());
    }

    /** Regression: the withdrawal freed the prefix index before its candidates were read, and the Rib failed. */
    @Test
    void aFilteredRouteCanBeWithdrawnAndTheServerGoesOn() throws IOException {
        List<RsClientProbe> c = three();
        RsClientProbe a = c.get(0);
        a.send(announce(attributes("127.0.0.11", List.of(3333L)), Bytes.EMPTY, "10.0.0.0/16")); // bogon (2)
        a.send(RsFixtures.withdraw("10.0.0.0/16"));
        a.send(announce(attributes("127.0.0.11", List.of(3333L)), Bytes.EMPTY, "185.1.0.0/24"));
        c.get(1).await(t -> t.table.containsKey(P));
        assertEquals(List.of(), show(kit, rib, "show adj-rib in neighbor 127.0.0.11 filtered"));
    }

    private static JsonNode json(String line) {
        try {
            return new ObjectMapper().readTree(line);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + line, e);
        }
    }
}
