// Issue 11: hex vectors of what a receiver must not store as sent; each failed before the receive rules.
package org.bgpekko.wire;

import static org.bgpekko.wire.VectorSupport.update;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.bgpekko.wire.attribute.Aggregator;
import org.bgpekko.wire.attribute.AsPath;
import org.bgpekko.wire.attribute.AsPathSegment;
import org.bgpekko.wire.attribute.PathAttribute;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ReceiveRulesVectorsTest {
    private static final String BASE = "40010100" + "400200"; // ORIGIN IGP, empty AS_PATH
    private static final String NH = "400304C0000201"; // NEXT_HOP 192.0.2.1
    private static final String NLRI = "180A0000"; // 10.0.0.0/24

    private static final SessionOptions IBGP = SessionOptions.DEFAULT.withExternalPeer(false);
    private static final SessionOptions EBGP = SessionOptions.DEFAULT.withExternalPeer(true);

    private static Update decode(String attributes, String nlri, SessionOptions o) {
        return (Update) MessageCodec.decode(update("", attributes, nlri), o);
    }

    private static List<String> actions(Update u) {
        return u.errors().stream().map(e -> e.typeCode() + ":" + e.action().rfcName()).toList();
    }

    // ---- item 2: MP_REACH_NLRI next-hop length per family (RFC 4760 section 3, RFC 2545, RFC 8950, RFC 7606 7.11)

    /** MP_REACH_NLRI of a family with a next-hop field of {@code nhHex} and one NLRI {@code nlriHex}. */
    private static String mpReach(String afiSafi, String nhHex, String nlriHex) {
        String value = afiSafi + String.format("%02X", nhHex.length() / 2) + nhHex + "00" + nlriHex;
        return "800E" + String.format("%02X", value.length() / 2) + value;
    }

    @ParameterizedTest(name = "{0} next hop {1}")
    @CsvSource({
        // IPv6 unicast: 16 or 32 (RFC 2545); 0, 4 and 5 were stored, shown as "0x20010DB800"
        "000201, '', false",
        "000201, C0000201, false",
        "000201, 20010DB800, false",
        "000201, 20010DB8000000000000000000000001, true",
        "000201, 20010DB8000000000000000000000001FE800000000000000000000000000001, true",
        // IPv4 unicast in MP_REACH: 4; 16 only with the extended next hop capability (RFC 8950)
        "000101, C00002010000AA, false",
        "000101, 20010DB8000000000000000000000001, false",
        "000101, C0000201, true",
        // labeled unicast (RFC 8277): as unicast
        "000104, C0000201, true",
        "000104, C000020100, false",
        "000204, 20010DB8000000000000000000000001, true",
        // VPN forms with the 8-byte RD (RFC 4364 4.3.2, RFC 4659 3.2.1.1)
        "000180, 0000000000000000C0000201, true",
        "000180, C0000201, false",
        "000280, 000000000000000020010DB8000000000000000000000001, true",
        "000280, 20010DB8000000000000000000000001, false",
    })
    void nextHopLengthIsCheckedAgainstTheFamily(String afiSafi, String nextHop, boolean valid) {
        String nlri = switch (afiSafi) {
            case "000201" -> "2020010DB8";
            case "000101" -> "180A0000";
            case "000104" -> "30000101" + "0A0000"; // label 16, 10.0.0.0/24
            case "000204" -> "38000101" + "20010DB8";
            case "000180" -> "70000101" + "0000FDE800000001" + "0A0000";
            default -> "78000101" + "0000FDE800000001" + "20010DB8";
        };
        Update u = decode(BASE + mpReach(afiSafi, nextHop == null ? "" : nextHop, nlri), "", IBGP);
        if (valid) {
            assertEquals(List.of(), u.errors());
            assertTrue(u.mpReach().isPresent());
        } else {
            assertEquals(List.of("14:afi-safi-disable"), actions(u), u.errors().toString());
            assertFalse(u.mpReach().isPresent(), "no route is kept with a garbage next hop");
            assertEquals(new Family(Integer.parseInt(afiSafi.substring(0, 4), 16),
                    Integer.parseInt(afiSafi.substring(4), 16)), u.errors().get(0).family());
        }
    }

    @Test
    void anExtendedNextHopIsAcceptedOnlyForTheFamiliesThatNegotiatedIt() {
        String attrs = BASE + mpReach("000101", "20010DB8000000000000000000000001", "180A0000");
        SessionOptions enh = IBGP.withExtendedNextHop(Set.of(Family.IPV4_UNICAST));
        assertEquals(List.of(), decode(attrs, "", enh).errors());
        assertEquals(List.of("14:afi-safi-disable"), actions(decode(attrs, "",
                IBGP.withExtendedNextHop(Set.of(Family.IPV4_MPLS_VPN)))));
    }

    // ---- item 3: iBGP-only attributes from an external peer (RFC 4271 5.1.5, RFC 7606 7.5, 7.9, 7.10)

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "LOCAL_PREF valid, 40050400000064, 5",
        "LOCAL_PREF length 3, 400503000064, 5",
        "LOCAL_PREF optional flag, C0050400000064, 5",
        "ORIGINATOR_ID valid, 800904C0000201, 9",
        "ORIGINATOR_ID length 5, 800905C000020100, 9",
        "CLUSTER_LIST valid, 800A04C0000201, 10",
        "CLUSTER_LIST length 0, 800A00, 10",
        "CLUSTER_LIST length 5, 800A05C000020100, 10",
    })
    void internalOnlyAttributesFromAnExternalPeerAreDiscarded(String what, String attribute, int type) {
        Update ebgp = decode(BASE + NH + attribute, NLRI, EBGP);
        assertEquals(List.of(type + ":attribute-discard"), actions(ebgp), "from eBGP the route stays, without it");
        assertFalse(ebgp.attributes().has(type));
        assertEquals(1, ebgp.nlri().size());

        Update ibgp = decode(BASE + NH + attribute, NLRI, IBGP);
        if (what.endsWith("valid")) {
            assertEquals(List.of(), ibgp.errors(), "from iBGP it is kept");
            assertTrue(ibgp.attributes().has(type));
        } else {
            assertEquals(List.of(type + ":treat-as-withdraw"), actions(ibgp), "from iBGP a malformed one withdraws");
        }
    }

    @Test
    void confederationSegmentsFromAnExternalPeerMakeTheAsPathMalformed() {
        String path = "40020C" + "0301" + "0000FDE8" + "0201" + "0000FDE9"; // (65000) 65001
        String attrs = "40010100" + path + NH;
        assertEquals(List.of("2:treat-as-withdraw"), actions(decode(attrs, NLRI, EBGP)));
        assertEquals(List.of(), decode(attrs, NLRI, IBGP).errors());
    }

    /** RFC 7606 section 3 (g): only the first of a repeated attribute counts, a malformed repeat included. */
    @Test
    void aMalformedRepeatOfAnAttributeIsDiscardedNotWithdrawn() {
        Update u = decode(BASE + NH + "80040400000001" + "800403000001", NLRI, IBGP);
        assertEquals(List.of("4:attribute-discard"), actions(u));
        assertEquals(1, u.nlri().size());
    }

    // ---- item 4: RFC 6793

    private static final SessionOptions OLD = SessionOptions.LEGACY; // the peer is a 2-octet AS speaker

    @Test
    void as4AttributesFromANewSpeakerAreDiscarded() {
        String attrs = "40010100" + "40020A02020000FDEA00005BA0" + NH
                + "C0110A02020000FDEA000186A0" + "C01208000186A0C0000201";
        Update u = decode(attrs, NLRI, IBGP);
        assertEquals(List.of("17:attribute-discard", "18:attribute-discard"), actions(u));
        assertFalse(u.attributes().has(PathAttribute.AS4_PATH));
        assertFalse(u.attributes().has(PathAttribute.AS4_AGGREGATOR));
        assertEquals(AsPath.sequence(65002L, 23456L), u.attributes().get(AsPath.class).orElseThrow());
    }

    @Test
    void fromAnOldSpeakerAs4PathIsMergedIntoTheTruePath() {
        // AS_PATH [65002 23456] + AS4_PATH [65002 100000] -> 65002 100000
        String attrs = "40010100" + "400206" + "0202FDEA5BA0" + NH + "C0110A" + "02020000FDEA000186A0";
        Update u = decode(attrs, NLRI, OLD);
        assertEquals(List.of(), u.errors());
        assertEquals(AsPath.sequence(65002L, 100000L), u.attributes().get(AsPath.class).orElseThrow());
        assertFalse(u.attributes().has(PathAttribute.AS4_PATH));
    }

    @Test
    void theLeadingAsNumbersOfAsPathArePrependedToAs4Path() {
        // AS_PATH [65001 65002 23456] + AS4_PATH [65002 100000] -> 65001 65002 100000
        String attrs = "40010100" + "400208" + "0203FDE9FDEA5BA0" + NH + "C0110A" + "02020000FDEA000186A0";
        assertEquals(AsPath.sequence(65001L, 65002L, 100000L),
                decode(attrs, NLRI, OLD).attributes().get(AsPath.class).orElseThrow());
    }

    @Test
    void anAs4PathLongerThanAsPathIsIgnored() {
        String attrs = "40010100" + "400204" + "02015BA0" + NH + "C0110A" + "02020000FDEA000186A0";
        Update u = decode(attrs, NLRI, OLD);
        assertEquals(List.of("17:attribute-discard"), actions(u));
        assertEquals(AsPath.sequence(23456L), u.attributes().get(AsPath.class).orElseThrow());
        assertEquals(1, u.nlri().size(), "the route stays");
    }

    @Test
    void confederationSegmentsInAs4PathAreDiscardedAndThoseOfAsPathKept() {
        // AS_PATH (64512) 65002 23456, AS4_PATH (64513) 65002 100000 -> (64512) 65002 100000
        String path = "0301FC00" + "0202FDEA5BA0";
        String as4 = "030100" + "00FC01" + "02020000FDEA000186A0";
        String attrs = "40010100" + "4002" + String.format("%02X", path.length() / 2) + path + NH
                + "C011" + String.format("%02X", as4.length() / 2) + as4;
        Update u = decode(attrs, NLRI, OLD);
        assertEquals(List.of("17:attribute-discard"), actions(u));
        assertEquals(new AsPath(List.of(new AsPathSegment(AsPathSegment.AS_CONFED_SEQUENCE, List.of(64512L)),
                AsPathSegment.sequence(65002L, 100000L))), u.attributes().get(AsPath.class).orElseThrow());
    }

    @Test
    void aggregatorAsTransTakesAs4Aggregator() {
        String attrs = "40010100" + "400206" + "0202FDEA5BA0" + NH + "C00706" + "5BA0C0000201"
                + "C0110A" + "02020000FDEA000186A0" + "C01208" + "000186A0C0000202";
        Update u = decode(attrs, NLRI, OLD);
        assertEquals(List.of(), u.errors());
        assertEquals(new Aggregator(100000, 0xC0000202L), u.attributes().get(Aggregator.class).orElseThrow());
        assertEquals(AsPath.sequence(65002L, 100000L), u.attributes().get(AsPath.class).orElseThrow());
    }

    @Test
    void anAggregatorThatIsNotAsTransMakesBothAs4AttributesStale() {
        String attrs = "40010100" + "400206" + "0202FDEA5BA0" + NH + "C00706" + "FDEAC0000201"
                + "C0110A" + "02020000FDEA000186A0" + "C01208" + "000186A0C0000202";
        Update u = decode(attrs, NLRI, OLD);
        assertEquals(List.of("18:attribute-discard"), actions(u));
        assertEquals(new Aggregator(65002, 0xC0000201L), u.attributes().get(Aggregator.class).orElseThrow());
        assertEquals(AsPath.sequence(65002L, 23456L), u.attributes().get(AsPath.class).orElseThrow());
    }

    @Test
    void anOldSpeakerIsSentAs4PathAndAs4AggregatorBesideAsTrans() {
        Update u = decode("40010100" + "40020A02020000FDEA000186A0" + NH + "C00708000186A0C0000201", NLRI, IBGP);
        byte[] old = MessageCodec.encode(u, OLD);
        assertEquals(VectorSupport.MARKER.length() / 2, 16);
        String hex = Hex.encode(old);
        assertTrue(hex.contains("400206" + "0202FDEA5BA0"), hex); // AS_PATH with AS_TRANS
        assertTrue(hex.contains("C00706" + "5BA0C0000201"), hex); // AGGREGATOR with AS_TRANS
        assertTrue(hex.contains("C0110A" + "02020000FDEA000186A0"), hex); // AS4_PATH (RFC 6793 4.2.2)
        assertTrue(hex.contains("C01208" + "000186A0C0000201"), hex); // AS4_AGGREGATOR
        assertEquals(u.attributes(), ((Update) MessageCodec.decode(old, OLD)).attributes(), "the old peer's view "
                + "merges back to the true path");
    }

    // ---- item 5 (first half): MP attributes of a family the session did not negotiate (RFC 4760 section 6)

    @Test
    void mpAttributesOfAFamilyNotNegotiatedAreDiscarded() {
        SessionOptions v4only = IBGP.withFamilies(Set.of(Family.IPV4_UNICAST));
        String reach = mpReach("000201", "20010DB8000000000000000000000001", "2020010DB8");
        Update u = decode(BASE + NH + reach, NLRI, v4only);
        assertEquals(List.of("14:attribute-discard"), actions(u));
        assertFalse(u.mpReach().isPresent());
        assertEquals(1, u.nlri().size(), "the routes of the NLRI field stay");

        String unreach = "800F08" + "000201" + "2020010DB8";
        Update w = decode(unreach, "", v4only);
        assertEquals(List.of("15:attribute-discard"), actions(w));
        assertFalse(w.mpUnreach().isPresent());

        Update eor = decode("800F03000201", "", v4only);
        assertEquals(List.of(), eor.errors(), "an End-of-RIB carries no route: kept");
        assertEquals(Family.IPV6_UNICAST, eor.endOfRibFamily().orElseThrow());

        assertEquals(List.of(), decode(BASE + NH + reach, NLRI,
                IBGP.withFamilies(Set.of(Family.IPV4_UNICAST, Family.IPV6_UNICAST))).errors());
    }
}
