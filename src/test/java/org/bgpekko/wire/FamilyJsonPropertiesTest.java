// jqwik: the JSON of any VPLS, MVPN, MUP, EVPN or BGP-LS NLRI and of any BGP-LS attribute or SRv6 prefix-SID the
// decoder accepts is one valid JSON object (ExaBGP's own text is not, for T1ST, link descriptors and SRv6 SIDs).
package org.bgpekko.wire;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.bgpekko.api.json.AttributeJson;
import org.bgpekko.api.json.NlriJson;
import org.bgpekko.wire.attribute.LinkState;
import org.bgpekko.wire.attribute.PathAttributes;
import org.bgpekko.wire.attribute.PrefixSid;
import org.bgpekko.wire.nlri.Nlri;
import org.bgpekko.wire.nlri.NlriBlock;

class FamilyJsonPropertiesTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static void isObject(String json) {
        try {
            JsonNode n = MAPPER.readTree(json);
            assertTrue(n.isObject(), json);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }

    @Provide
    Arbitrary<Nlri> nlri() {
        return Arbitraries.of(FamilyNlriPropertiesTest.FAMILIES).flatMap(f -> FamilyArbitraries.nlri(f, false));
    }

    @Property(tries = 2000)
    void everyGeneratedNlriIsAJsonObject(@ForAll("nlri") Nlri n) {
        isObject(NlriJson.of(n, "10.0.0.1"));
    }

    /** NLRI that random bytes happen to make (mostly unknown route types) render too. */
    @Property(tries = 3000)
    void everyDecodedNlriIsAJsonObject(@ForAll("families") Family f, @ForAll @Size(max = 80) byte[] bytes) {
        NlriBlock.Decoding d = NlriBlock.decode(f, bytes, 0, bytes.length, false);
        if (d.ok()) {
            d.block().forEach(n -> isObject(NlriJson.of(n, "None")));
        }
    }

    @Provide
    Arbitrary<Family> families() {
        return Arbitraries.of(FamilyNlriPropertiesTest.FAMILIES);
    }

    @Property(tries = 1000)
    void everyLinkStateAndSrv6PrefixSidIsAJsonObject(@ForAll("linkStates") LinkState ls,
                                                     @ForAll("srv6") PrefixSid.Tlv sid) {
        List<String> members = AttributeJson.members(PathAttributes.of(ls, new PrefixSid(List.of(sid))), List.of());
        isObject("{ " + String.join(", ", members) + " }");
    }

    @Provide
    Arbitrary<LinkState> linkStates() {
        return FamilyArbitraries.linkState();
    }

    @Provide
    Arbitrary<PrefixSid.Tlv> srv6() {
        return FamilyArbitraries.srv6Service();
    }
}
