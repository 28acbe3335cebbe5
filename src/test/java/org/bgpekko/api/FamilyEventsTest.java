// Helper events of VPLS, MVPN, MUP and prefix-SID UPDATEs: ExaBGP's JSON objects (checked member by member on the
// conformance messages) and text lines, and every message of the family cases rendered as valid JSON.
package org.bgpekko.api;

import static org.bgpekko.api.EncoderFixtures.ctx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.bgpekko.api.json.JsonEncoder;
import org.bgpekko.api.text.TextEncoder;
import org.bgpekko.testing.CaseSessionOptions;
import org.bgpekko.testing.Conformance;
import org.bgpekko.wire.BgpMessage;
import org.bgpekko.wire.Hex;
import org.bgpekko.wire.MessageCodec;
import org.bgpekko.wire.SessionOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FamilyEventsTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String M = EncoderFixtures.MARKER;
    private final JsonEncoder json = new JsonEncoder("h", 101, 100, () -> 1700000000.12);
    private final TextEncoder text = new TextEncoder(101, 100);
    private final EventContext in = ctx("127.0.0.1", 1, EventContext.RECEIVE, 1);

    /** conf-l2vpn's third message: a VPLS route with local-preference 100. */
    static final String VPLS = M + "0095" + "02" + "0000007E4001010040021E02070000781400007814000078140000781400007814"
            + "00007814000078148004" + "04000007D040050400000064C00804D53F007B800904C0A81601800A0803030303C0A8C901C0"
            + "10100002D53F00000006800A130005DC006F800E1C00194104C0A8C9010000110001C0A8C901007B000500010008029CE1";
    /** api-mvpn's IPv4 shared tree join. */
    static final String MVPN = M + "005B" + "02" + "00000044400101004002004003040A0A060340050400000064C010080102C0A8"
            + "5E0C0005800E21000105040A0A06030006160000FDE80001869F0000FDE8200A63C70120EFFBFFE4";
    /** api-ipv4's MUP interwork segment discovery route with its SRv6 prefix-SID. */
    static final String MUP = M + "0080" + "02" + "000000694001010040020040050400000064C010080002000A0000000AC0282505"
            + "00220001001E0020010DB800010001000000000000000000004800010006401810000000800E250001551020010000000000"
            + "000000000000000001000100010C0000006400000064180A0001";
    /** api-ipv4's withdrawal of that route. */
    static final String MUP_WITHDRAW = M + "006E" + "02" + "000000574001010040020040050400000064C010080002000A00000"
            + "00AC028250500220001001E0020010DB800010001000000000000000000004800010006401810000000800F13000155010001"
            + "0C0000006400000064180A0001";

    private JsonNode update(String hex) throws Exception {
        String line = json.message(in, MessageCodec.decode(Hex.decode(hex), SessionOptions.DEFAULT), Optional.empty());
        return MAPPER.readTree(line).path("neighbor").path("message").path("update");
    }

    @Test
    void vplsJson() throws Exception {
        JsonNode u = update(VPLS);
        JsonNode route = u.path("announce").path("l2vpn vpls").path("192.168.201.1").get(0);
        assertEquals(MAPPER.readTree("{ \"rd\": \"192.168.201.1:123\", \"endpoint\": 5, \"base\": 10702, \"offset\": 1,"
                + " \"size\": 8 }"), route);
        assertEquals(2000, u.path("attribute").path("med").asInt());
    }

    @Test
    void mvpnJson() throws Exception {
        JsonNode route = update(MVPN).path("announce").path("ipv4 mcast-vpn").path("10.10.6.3").get(0);
        assertEquals(MAPPER.readTree("{ \"code\": 6, \"parsed\": true, \"raw\": "
                + "\"06160000FDE80001869F0000FDE8200A63C70120EFFBFFE4\", \"name\": \"C-Multicast Shared Tree Join route\","
                + " \"rd\": \"65000:99999\", \"source-as\": \"65000\", \"source\": \"10.99.199.1\", \"group\":"
                + " \"239.251.255.228\" }"), route);
    }

    @Test
    void mupAndSrv6PrefixSidJson() throws Exception {
        JsonNode u = update(MUP);
        JsonNode route = u.path("announce").path("ipv4 mup").path("2001::1").get(0);
        assertEquals(MAPPER.readTree("{ \"name\": \"InterworkSegmentDiscoveryRoute\", \"arch\": 1, \"code\": 1,"
                + " \"prefix_ip_len\": 24, \"prefix_ip\": \"10.0.1.0\", \"rd\": \"100:100\", \"raw\":"
                + " \"0100010C0000006400000064180A0001\" }"), route);
        assertEquals(MAPPER.readTree("{ \"l3-service\": [ { \"sid\": \"2001:db8:1:1::\", \"flags\": 0,"
                + " \"endpoint_behavior\": 72, \"structure\": {\"locator-block-length\": 64, \"locator-node-length\":"
                + " 24, \"function-length\": 16, \"argument-length\": 0, \"transposition-length\": 0,"
                + " \"transposition-offset\": 0} } ] }"), u.path("attribute").path("bgp-prefix-sid"));
        JsonNode withdrawn = update(MUP_WITHDRAW).path("withdraw").path("ipv4 mup").get(0);
        assertEquals("InterworkSegmentDiscoveryRoute", withdrawn.path("name").asText());
    }

    @Test
    void textLines() {
        String vpls = text.message(in, MessageCodec.decode(Hex.decode(VPLS), SessionOptions.DEFAULT), Optional.empty());
        assertTrue(vpls.contains("neighbor 127.0.0.1 receive update announced vpls rd 192.168.201.1:123 endpoint 5"
                + " base 10702 offset 1 size 8 next-hop 192.168.201.1 origin igp as-path [ 30740 30740 30740 30740"
                + " 30740 30740 30740 ] med 2000 local-preference 100"), vpls);
        String mvpn = text.message(in, MessageCodec.decode(Hex.decode(MVPN), SessionOptions.DEFAULT), Optional.empty());
        assertTrue(mvpn.contains("neighbor 127.0.0.1 receive update announced afi ipv4 safi mcast-vpn origin igp"),
                mvpn);
        String mup = text.message(in, MessageCodec.decode(Hex.decode(MUP), SessionOptions.DEFAULT), Optional.empty());
        assertTrue(mup.contains(" bgp-prefix-sid [ l3-service [ sid-information [ sid:2001:db8:1:1:: flags:0"
                + " endpoint_behavior:0x48  [ sid-structure [64,24,16,0,0,0] ] ] ]"), mup);
    }

    /** Every message of the family cases, as a received event: one valid JSON line, one text block. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"api-ipv4", "api-ipv6", "api-mvpn", "api-vpls", "conf-l2vpn", "conf-mvpn",
        "conf-prefix-sid", "conf-srv6-mup-v3", "conf-srv6-mup"})
    void everyFamilyCaseMessageRenders(String name) throws Exception {
        Path msg = Conformance.root().resolve("encoding").resolve(name + ".msg");
        SessionOptions options = CaseSessionOptions.of(Conformance.configsOf(msg));
        List<Conformance.RawRule> rules = Conformance.rawRules(msg);
        assertTrue(rules.size() > 1);
        for (Conformance.RawRule r : rules) {
            BgpMessage m = MessageCodec.decode(Hex.decode(r.hex()), options);
            String line = json.message(in, m, Optional.empty());
            assertTrue(MAPPER.readTree(line).isObject(), line);
            String block = text.message(in, m, Optional.empty());
            assertTrue(block.endsWith("\n\n") && !block.contains("null"), block);
        }
    }
}
