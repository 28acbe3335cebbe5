// show adj-rib in|out for route-server clients (issue 12): one neighbour selected, relayed routes listed, JSON lines.
package org.bgpekko.rs;

import static org.bgpekko.rs.RsFixtures.announce;
import static org.bgpekko.rs.RsFixtures.attributes;
import static org.bgpekko.rs.RsFixtures.options;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.typed.ActorRef;
import org.bgpekko.rib.Rib;
import org.bgpekko.wire.Bytes;
import org.bgpekko.wire.Family;
import org.bgpekko.wire.attribute.Communities;
import org.bgpekko.wire.attribute.MultiExitDisc;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class RouteServerShowTest {
    private static final ActorTestKit kit = ActorTestKit.create();
    private static final ObjectMapper JSON = new ObjectMapper();

    @AfterAll
    static void stop() {
        kit.shutdownTestKit();
    }

    private static List<String> show(ActorRef<Rib.Command> rib, String text) {
        return RsFixtures.show(kit, rib, text);
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + line, e);
        }
    }

    private record Setup(ActorRef<Rib.Command> rib, RsClientProbe a, RsClientProbe b, RsClientProbe x) {}

    /** A and B announce; X (ADD-PATH send for IPv4 when {@code addPath}) holds what it was relayed. */
    private static Setup setup(boolean addPath, String xExtra) {
        ActorRef<Rib.Command> rib = kit.spawn(Rib.create());
        RsClientProbe a = new RsClientProbe(kit, rib, 1, "");
        RsClientProbe b = new RsClientProbe(kit, rib, 2, "");
        RsClientProbe x = new RsClientProbe(kit, rib, 3, (addPath ? "capability { add-path send; } " : "") + xExtra);
        a.up(options());
        b.up(options());
        x.up(addPath ? options(Family.IPV4_UNICAST) : options());
        for (RsClientProbe p : List.of(a, b, x)) {
            p.await(t -> t.endOfRibs == 2);
        }
        a.send(announce(attributes("192.0.2.11", List.of(64511L, 65001L), new MultiExitDisc(7),
                new Communities(List.of(0xFBFF_0001L))), Bytes.EMPTY, "203.0.113.0/24", "198.51.100.0/24"));
        b.send(announce(attributes("192.0.2.12", List.of(64512L)), Bytes.EMPTY, "203.0.113.0/24"));
        a.send(announce(attributes("2001:db8::11", List.of(64511L)), Bytes.fromHex("20010db8000000000000000000000011"),
                "2001:db8:1::/48"));
        int paths = addPath ? 4 : 3;
        x.await(t -> t.table.size() == paths);
        b.await(t -> t.table.size() == 3);
        return new Setup(rib, a, b, x);
    }

    @Test
    void adjRibOutListsTheRoutesRelayedToTheSelectedClientWithTheirSource() {
        Setup s = setup(false, "");
        List<String> out = show(s.rib(), "show adj-rib out 127.0.0.13");
        assertEquals(List.of(
                "neighbor 127.0.0.13 ipv4 unicast 203.0.113.0/24 next-hop 192.0.2.12 source 127.0.0.12",
                "neighbor 127.0.0.13 ipv4 unicast 198.51.100.0/24 next-hop 192.0.2.11 source 127.0.0.11",
                "neighbor 127.0.0.13 ipv6 unicast 2001:db8:1::/48 next-hop 2001:db8::11 source 127.0.0.11"),
                out, "in the route server's prefix order");
        List<String> toB = show(s.rib(), "show adj-rib out 127.0.0.12");
        assertEquals(3, toB.size(), String.join("\n", toB));
        assertEquals(true, toB.contains(
                "neighbor 127.0.0.12 ipv4 unicast 203.0.113.0/24 next-hop 192.0.2.11 source 127.0.0.11"),
                "B gets A's path for the prefix both announce: " + toB);
        // A gets B's path for the prefix both announce, B and X get three each
        assertEquals(7, show(s.rib(), "show adj-rib out").size(), "no selector: every client's");
    }

    @Test
    void jsonLinesCarryPrefixNextHopAttributesAndSource() {
        Setup s = setup(false, "");
        List<String> out = show(s.rib(), "show adj-rib out 127.0.0.12 json");
        assertEquals(3, out.size());
        JsonNode r = out.stream().map(RouteServerShowTest::parse)
                .filter(n -> n.get("prefix").asText().equals("198.51.100.0/24")).findFirst().orElseThrow();
        assertEquals("127.0.0.12", r.get("neighbor").asText());
        assertEquals("out", r.get("direction").asText());
        assertEquals("ipv4 unicast", r.get("family").asText());
        assertEquals("192.0.2.11", r.get("next-hop").asText());
        assertEquals("127.0.0.11", r.get("source").asText());
        assertEquals("igp", r.get("attribute").get("origin").asText());
        assertEquals("{\"0\":{\"element\":\"as-sequence\",\"value\":[64511,65001]}}",
                r.get("attribute").get("as-path").toString(), "ExaBGP's as-path object");
        assertEquals(7, r.get("attribute").get("med").asInt());
        assertEquals("[[64511,1]]", r.get("attribute").get("community").toString());
        assertEquals(null, r.get("path-information"));

        List<String> in = show(s.rib(), "show adj-rib in 127.0.0.11 json");
        assertEquals(3, in.size(), String.join("\n", in));
        JsonNode v6 = in.stream().map(RouteServerShowTest::parse)
                .filter(n -> n.get("family").asText().equals("ipv6 unicast")).findFirst().orElseThrow();
        assertEquals("in", v6.get("direction").asText());
        assertEquals("2001:db8:1::/48", v6.get("prefix").asText());
        assertEquals("2001:db8::11", v6.get("next-hop").asText());
        assertEquals(null, v6.get("source"), "a received route has no source member");
        assertEquals(List.of(), show(s.rib(), "show adj-rib in 127.0.0.13 json"), "X sent nothing");
    }

    @Test
    void addPathClientsSeeEveryPathWithItsIdentifier() {
        Setup s = setup(true, "");
        List<JsonNode> out = show(s.rib(), "show adj-rib out 127.0.0.13 json").stream()
                .map(RouteServerShowTest::parse).toList();
        List<String> both = out.stream().filter(n -> n.get("prefix").asText().equals("203.0.113.0/24"))
                .map(n -> n.get("path-information").asText() + " " + n.get("source").asText()).sorted().toList();
        assertEquals(List.of("0.0.0.1 127.0.0.11", "0.0.0.2 127.0.0.12"), both);
    }

    @Test
    void theOperatorsRouteIsListedInsteadOfTheRelayedOne() {
        Setup s = setup(false, "static { route 203.0.113.0/24 next-hop 192.0.2.99; }");
        List<String> out = show(s.rib(), "show adj-rib out 127.0.0.13");
        assertEquals(3, out.size(), String.join("\n", out));
        assertEquals(true, out.contains("neighbor 127.0.0.13 ipv4 unicast 203.0.113.0/24 next-hop 192.0.2.99"), out
                .toString());
    }
}
