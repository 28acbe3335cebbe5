// The JSON encoder against README 5.5's examples (exact text), the decoding cases ExaBGP's JSON is known for,
// and JSON validity of every event.
package org.bgpekko.api;

import static org.bgpekko.api.EncoderFixtures.ctx;
import static org.bgpekko.api.EncoderFixtures.message;
import static org.bgpekko.api.EncoderFixtures.raw;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import org.bgpekko.api.json.JsonEncoder;
import org.bgpekko.testing.Conformance;
import org.bgpekko.wire.Family;
import org.bgpekko.wire.Hex;
import org.bgpekko.wire.MessageCodec;
import org.bgpekko.wire.SessionOptions;
import org.bgpekko.wire.Update;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonEncoderTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String HEAD = "{ \"exabgp\": \"5.0.0\", \"time\": 1700000000.12, \"host\" : \"h\", \"pid\" : 101, "
            + "\"ppid\" : 100, ";
    private static final String LOCAL = "\"neighbor\": { \"address\": { \"local\": \"127.0.0.1\", \"peer\": "
            + "\"127.0.0.1\" }, \"asn\": { \"local\": 1, \"peer\": 1 } , ";

    private final JsonEncoder json = new JsonEncoder("h", 101, 100, () -> 1700000000.12);
    private final EventContext in = ctx("127.0.0.1", 1, EventContext.RECEIVE, 1);
    private final EventContext out = ctx("127.0.0.1", 1, EventContext.SEND, 2);

    private static JsonNode valid(String line) throws Exception {
        assertTrue(line.endsWith(" }\n") && line.indexOf('\n') == line.length() - 1, line);
        return MAPPER.readTree(line);
    }

    @Test
    void receivedUpdateExactlyAsApiRrReadsIt() throws Exception {
        String line = json.message(in, message(EncoderFixtures.RR_UPDATE), Optional.empty());
        assertEquals(HEAD + "\"counter\": 1, \"type\": \"update\", " + LOCAL + "\"direction\": \"receive\", \"message\": "
                + "{ \"update\": { \"attribute\": { \"origin\": \"igp\", \"local-preference\": 100 }, \"announce\": { "
                + "\"ipv4 unicast\": { \"10.0.0.0\": [ { \"nlri\": \"192.168.0.0/32\" } ] } } } } } }\n", line);
        valid(line);
    }

    /** Issue 10: text a peer controls stays inside its JSON string; the event is one line whatever it holds. */
    @Test
    void peerTextStaysInsideItsString() throws Exception {
        String forged = "r1\n{ \"exabgp\": \"5.0.0\" }\r\u2028\u0000\"";
        org.bgpekko.wire.Open o = new org.bgpekko.wire.Open(4, 65000, 180, 0x01020304L, List.of(
                new org.bgpekko.wire.capability.Fqdn(forged, "d"),
                new org.bgpekko.wire.capability.SoftwareVersion(forged)));
        String line = json.message(in, o, Optional.empty());
        List<String> texts = new java.util.ArrayList<>();
        java.util.ArrayDeque<JsonNode> todo = new java.util.ArrayDeque<>(List.of(valid(line)));
        while (!todo.isEmpty()) {
            JsonNode n = todo.poll();
            if (n.isTextual()) {
                texts.add(n.asText());
            }
            n.elements().forEachRemaining(todo::add);
        }
        assertEquals(2, java.util.Collections.frequency(texts, forged), "host name and version, whole: " + line);
    }

    @Test
    void keepaliveHasTwoSpacesAfterDirection() throws Exception {
        String line = json.message(out, message(EncoderFixtures.KEEPALIVE), Optional.empty());
        assertEquals(HEAD + "\"counter\": 2, \"type\": \"keepalive\", " + LOCAL + "\"direction\": \"send\"  } }\n", line);
        valid(line);
    }

    @Test
    void sentEorWithNegotiatedIsValidJson() throws Exception {
        EventContext.Negotiated n = new EventContext.Negotiated(4096, 180, true, false, false, "normal",
                List.of(Family.IPV4_UNICAST, Family.IPV6_UNICAST), List.of(), List.of(Family.IPV4_UNICAST), List.of());
        EventContext c = new EventContext("127.0.0.1", "127.0.0.1", 1, 1, "send", 5, Optional.of(n));
        String line = json.message(c, Update.endOfRib(Family.IPV4_UNICAST), Optional.empty());
        assertTrue(line.contains("\"message\": { \"eor\": { \"afi\" : \"ipv4\", \"safi\" : \"unicast\" } }, "
                + "\"negotiated\": { \"message_size\": 4096, \"hold_time\": 180, \"asn4\": true, "), line);
        JsonNode neg = valid(line).path("neighbor").path("negotiated");
        assertEquals("ipv6 unicast", neg.path("families").get(1).asText());
        assertEquals("ipv4 unicast", neg.path("add_path").path("send").get(0).asText());
        assertEquals("normal", neg.path("refresh").asText());
    }

    @Test
    void stateEvents() throws Exception {
        assertEquals(HEAD + "\"counter\": 1, \"type\": \"state\", " + LOCAL + "\"state\": \"up\" } }\n", json.up(in));
        assertEquals("connected", valid(json.connected(in)).path("neighbor").path("state").asText());
        JsonNode down = valid(json.down(in, "peer said \"bye\" [x] {y}"));
        assertEquals("down", down.path("neighbor").path("state").asText());
        assertEquals("peer said \"bye\" (x) (y)", down.path("neighbor").path("reason").asText());
    }

    @Test
    void shutdownNotice() throws Exception {
        assertEquals(HEAD + "\"type\": \"notification\", \"notification\": \"shutdown\" }\n", json.shutdown());
        valid(json.shutdown());
    }

    @Test
    void consolidatedAndPackets() throws Exception {
        String hex = EncoderFixtures.RR_UPDATE;
        String line = json.message(in, message(hex), Optional.of(raw(hex)));
        assertTrue(line.contains("\"counter\": 1, \"type\": \"update\", \"header\": \"0x" + hex.substring(0, 38)
                + "\", \"body\": \"0x" + hex.substring(38) + "\", \"neighbor\": {"), line);
        valid(line);
        String packet = json.packets(in, 2, raw(hex));
        assertTrue(packet.endsWith("\"direction\": \"receive\", \"message\": { \"category\": 2, \"header\": \"0x"
                + hex.substring(0, 38) + "\", \"body\": \"0x" + hex.substring(38) + "\" }  } }\n"), packet);
        assertEquals("update", valid(packet).path("type").asText());
    }

    @Test
    void notificationAndRefreshAreValid() throws Exception {
        JsonNode n = valid(json.message(in, message(EncoderFixtures.NOTIFICATION), Optional.empty()));
        assertEquals(6, n.path("neighbor").path("notification").path("code").asInt());
        JsonNode r = valid(json.message(in, new org.bgpekko.wire.RouteRefreshMessage(Family.IPV4_UNICAST, 1),
                Optional.empty()));
        assertEquals("begin", r.path("neighbor").path("route-refresh").path("subtype").asText());
    }

    /** A received message is the object ExaBGP's decoder prints (decoding cases: direction "in", AS 65533). */
    @ParameterizedTest
    @ValueSource(strings = {"ipv4-unicast-1", "ipv4-unicast-2", "bgp-open-sofware-version"})
    void receivedMessagesMatchExaBgpDecoding(String name) throws Exception {
        List<String> lines = Files.readAllLines(Conformance.root().resolve("decoding").resolve(name));
        EventContext c = new EventContext("127.0.0.1", "127.0.0.1", 65533, 65533, "in", 1, Optional.empty());
        String line = json.message(c, MessageCodec.decode(Hex.decode(lines.get(1).strip()), SessionOptions.DEFAULT),
                Optional.empty());
        assertEquals(clean(MAPPER.readTree(lines.get(2))), clean(valid(line)));
    }

    private static JsonNode clean(JsonNode n) {
        for (String k : List.of("exabgp", "host", "pid", "ppid", "time")) {
            ((ObjectNode) n).remove(k);
        }
        return n;
    }
}
