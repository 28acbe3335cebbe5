// FlowSpec in helper events, ExaBGP's shapes: JSON flow objects (with "next-hop" and "rd" when present, and
// "string"), text lines "announced flow …" / "withdrawn flow …".
package org.bgpekko.api;

import static org.bgpekko.api.EncoderFixtures.MARKER;
import static org.bgpekko.api.EncoderFixtures.ctx;
import static org.bgpekko.api.EncoderFixtures.message;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Optional;
import org.bgpekko.api.json.JsonEncoder;
import org.bgpekko.api.text.TextEncoder;
import org.junit.jupiter.api.Test;

class FlowEventsTest {
    /** conf-flow: destination 192.168.0.1/32, redirect to 1.2.3.4 (next hop and 0x0800). */
    static final String REDIRECT = MARKER + "0043020000002C4001010040020040050400000064C010080800000000000000800E10"
            + "000185040102030400060120C0A80001";
    /** api-broken-flow: withdraw of flow A, with its rate-limit 1. */
    static final String WITHDRAW = MARKER + "0043020000002C4001010040020040050400000064C01008800600003F800000800F10"
            + "0001850C0120AAAAAAAA0220AAAAAAAA";
    /** conf-flow: the flow-vpn route with rd 65535:65536 and next hop 5.6.7.8. */
    static final String VPN = MARKER + "004B02000000344001010040020040050400000064C010080800000000000000800E1800"
            + "01860405060708000E0000FFFF0001000002200A000003";

    private final EventContext in = ctx("127.0.0.1", 1, EventContext.RECEIVE, 1);
    private final ObjectMapper mapper = new ObjectMapper();

    private JsonNode json(String hex) throws Exception {
        String line = new JsonEncoder("h", 1, 1, () -> 1.0).message(in, message(hex), Optional.empty());
        return mapper.readTree(line).get("neighbor").get("message").get("update");
    }

    @Test
    void jsonAnnouncementWithANextHop() throws Exception {
        JsonNode u = json(REDIRECT);
        assertEquals(mapper.readTree("{ \"1.2.3.4\": [ { \"destination-ipv4\": [ \"192.168.0.1/32\" ], \"next-hop\": "
                + "\"1.2.3.4\", \"string\": \"flow destination-ipv4 192.168.0.1/32 next-hop 1.2.3.4\" } ] }"),
                u.get("announce").get("ipv4 flow"));
        assertEquals("redirect-to-nexthop", u.get("attribute").get("extended-community").get(0).get("string").asText());
    }

    @Test
    void jsonWithdrawalAndRd() throws Exception {
        assertEquals(mapper.readTree("[ { \"destination-ipv4\": [ \"170.170.170.170/32\" ], \"source-ipv4\": "
                + "[ \"170.170.170.170/32\" ], \"string\": \"flow destination-ipv4 170.170.170.170/32 source-ipv4 "
                + "170.170.170.170/32\" } ]"), json(WITHDRAW).get("withdraw").get("ipv4 flow"));
        assertEquals(mapper.readTree("{ \"5.6.7.8\": [ { \"source-ipv4\": [ \"10.0.0.3/32\" ], \"rd\": \"65535:65536\","
                + " \"next-hop\": \"5.6.7.8\", \"string\": \"flow source-ipv4 10.0.0.3/32 rd 65535:65536 next-hop "
                + "5.6.7.8\" } ] }"), json(VPN).get("announce").get("ipv4 flow-vpn"));
    }

    @Test
    void textLines() {
        TextEncoder text = new TextEncoder(1, 1);
        assertEquals("neighbor 127.0.0.1 receive update announced flow destination-ipv4 192.168.0.1/32 next-hop "
                + "1.2.3.4 origin igp local-preference 100 extended-community redirect-to-nexthop",
                text.message(in, message(REDIRECT), Optional.empty()).lines().toList().get(1));
        assertEquals(List.of("neighbor 127.0.0.1 receive update start", "neighbor 127.0.0.1 receive update withdrawn "
                        + "flow destination-ipv4 170.170.170.170/32 source-ipv4 170.170.170.170/32",
                "neighbor 127.0.0.1 receive update end", ""),
                text.message(in, message(WITHDRAW), Optional.empty()).lines().toList());
        // without a next hop ExaBGP still writes "announced" (its no-nexthop object is true)
        String noHop = MARKER + "003E02000000274001010040020040050400000064C010088006000000000000800E0B0001850000"
                + "050901048109";
        assertEquals("neighbor 127.0.0.1 receive update announced flow tcp-flags [ =rst =fin+push ] origin igp "
                + "local-preference 100 extended-community rate-limit:0",
                text.message(in, message(noHop), Optional.empty()).lines().toList().get(1));
    }

    /** The traffic actions as ExaBGP names them (attribute "string"s). */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({
        "8006000046160000, rate-limit:9600",
        "8006000000000000, rate-limit:0",
        "8007000000000003, action sample-terminal",
        "8007000000000001, action terminal",
        "8008FFDC00003039, redirect:65500:12345",
        "8208FA56EA000007, redirect:4200000000:7",
        "800900000000000A, mark 10",
        "0800000000000000, redirect-to-nexthop",
        "0800000000000001, copy-to-nexthop",
        "010C010203040000, redirect-to-nexthop-ietf 1.2.3.4",
        "4702CAFFEE014001, interface-set:input:3405770241:1",
        "0702000000FE80FE, interface-set:output:254:254",
    })
    void trafficActionTexts(String hex, String text) {
        assertEquals(text, org.bgpekko.api.json.ExtendedCommunityText.of(
                new org.bgpekko.wire.attribute.ExtendedCommunity(Long.parseUnsignedLong(hex, 16))));
    }
}
