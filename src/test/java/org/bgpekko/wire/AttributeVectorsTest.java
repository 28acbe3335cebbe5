// Hand-checked hex vectors of every path attribute type, and the RFC 7606 outcome of malformed UPDATEs.
package org.bgpekko.wire;

import static org.bgpekko.wire.VectorSupport.MARKER;
import static org.bgpekko.wire.VectorSupport.hex;
import static org.bgpekko.wire.VectorSupport.update;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.bgpekko.wire.attribute.Aggregator;
import org.bgpekko.wire.attribute.Aigp;
import org.bgpekko.wire.attribute.As4Aggregator;
import org.bgpekko.wire.attribute.As4Path;
import org.bgpekko.wire.attribute.AttributeCodec;
import org.bgpekko.wire.attribute.DecodeContext;
import org.bgpekko.wire.attribute.AsPath;
import org.bgpekko.wire.attribute.AsPathSegment;
import org.bgpekko.wire.attribute.AtomicAggregate;
import org.bgpekko.wire.attribute.AttributeCodecs;
import org.bgpekko.wire.attribute.ClusterList;
import org.bgpekko.wire.attribute.Communities;
import org.bgpekko.wire.attribute.ExtendedCommunities;
import org.bgpekko.wire.attribute.ExtendedCommunity;
import org.bgpekko.wire.attribute.Ipv6ExtendedCommunities;
import org.bgpekko.wire.attribute.Ipv6ExtendedCommunity;
import org.bgpekko.wire.attribute.LargeCommunities;
import org.bgpekko.wire.attribute.LargeCommunity;
import org.bgpekko.wire.attribute.LocalPref;
import org.bgpekko.wire.attribute.MultiExitDisc;
import org.bgpekko.wire.attribute.NextHop;
import org.bgpekko.wire.attribute.OnlyToCustomer;
import org.bgpekko.wire.attribute.Origin;
import org.bgpekko.wire.attribute.OriginatorId;
import org.bgpekko.wire.attribute.PathAttribute;
import org.bgpekko.wire.attribute.PrefixSid;
import org.bgpekko.wire.attribute.UnknownAttribute;
import org.bgpekko.wire.nlri.InetNlri;
import org.bgpekko.wire.nlri.IpAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AttributeVectorsTest {
    private static final SessionOptions ASN4 = SessionOptions.DEFAULT;
    private static final SessionOptions ASN2 = SessionOptions.LEGACY;

    private static final String ORIGIN_IGP = "40010100";
    private static final String AS_PATH_EMPTY = "400200";
    private static final String NEXT_HOP = "400304C0000201"; // 192.0.2.1
    private static final String NLRI_10_8 = "080A";
    private static final String MP_REACH_V6 = "800E1A" + "0002" + "01" + "10" + "20010DB8000000000000000000000001"
            + "00" + "2020010DB8"; // 2001:db8::/32 via 2001:db8::1

    private static void assertNotification(int code, int subcode, NotificationException e) {
        assertEquals(code + "/" + subcode, e.code() + "/" + e.subcode(), e.toString());
    }

    // ================================================================ path attributes, one vector per type

    static Stream<Arguments> attributes() {
        AsPath allSegmentTypes = new AsPath(List.of(new AsPathSegment(AsPathSegment.AS_SET, List.of(1L, 2L)),
                new AsPathSegment(AsPathSegment.AS_SEQUENCE, List.of(3L)),
                new AsPathSegment(AsPathSegment.AS_CONFED_SEQUENCE, List.of(4L)),
                new AsPathSegment(AsPathSegment.AS_CONFED_SET, List.of(5L))));
        return Stream.of(
                Arguments.of(Origin.IGP, "40010100", ASN4),
                Arguments.of(Origin.EGP, "40010101", ASN4),
                Arguments.of(Origin.INCOMPLETE, "40010102", ASN4),
                Arguments.of(AsPath.EMPTY, "400200", ASN4),
                Arguments.of(AsPath.sequence(65000L, 65001L), "40020A" + "0202" + "0000FDE8" + "0000FDE9", ASN4),
                Arguments.of(AsPath.sequence(65000L, 65001L), "400206" + "0202" + "FDE8" + "FDE9", ASN2),
                Arguments.of(allSegmentTypes, "400212" + "0102" + "00010002" + "0201" + "0003" + "0301" + "0004"
                        + "0401" + "0005", ASN2),
                Arguments.of(allSegmentTypes, "40021C" + "0102" + "0000000100000002" + "0201" + "00000003"
                        + "0301" + "00000004" + "0401" + "00000005", ASN4),
                Arguments.of(NextHop.of("192.0.2.1"), "400304" + "C0000201", ASN4),
                Arguments.of(new MultiExitDisc(100), "800404" + "00000064", ASN4),
                Arguments.of(new LocalPref(200), "400504" + "000000C8", ASN4),
                Arguments.of(AtomicAggregate.INSTANCE, "400600", ASN4),
                Arguments.of(new Aggregator(65000, 0xC0000201L), "C00708" + "0000FDE8" + "C0000201", ASN4),
                Arguments.of(new Aggregator(65000, 0xC0000201L), "C00706" + "FDE8" + "C0000201", ASN2),
                Arguments.of(new Communities(List.of(0xFDE80064L, Communities.NO_EXPORT)),
                        "C00808" + "FDE80064" + "FFFFFF01", ASN4),
                Arguments.of(new OriginatorId(0xC0000201L), "800904" + "C0000201", ASN4),
                Arguments.of(new ClusterList(List.of(0xC0000201L, 0xC0000202L)), "800A08" + "C0000201" + "C0000202",
                        ASN4),
                Arguments.of(new ExtendedCommunities(List.of(ExtendedCommunity.twoOctetAs(0x00, 0x02, 65000, 100),
                        ExtendedCommunity.ipv4(0x01, 0x03, 0xC0000201L, 7))),
                        "C01010" + "0002FDE800000064" + "0103C00002010007", ASN4),
                Arguments.of(new As4Path(List.of(AsPathSegment.sequence(4200000000L))), "C01106" + "0201" + "FA56EA00",
                        ASN2),
                Arguments.of(new As4Aggregator(4200000000L, 0xC0000201L), "C01208" + "FA56EA00" + "C0000201", ASN2),
                Arguments.of(new Ipv6ExtendedCommunities(List.of(new Ipv6ExtendedCommunity(0x00, 0x02,
                        IpAddress.parse("2001:db8::1"), 100))),
                        "C01914" + "0002" + "20010DB8000000000000000000000001" + "0064", ASN4),
                Arguments.of(Aigp.ofMetric(1000), "801A0B" + "01" + "000B" + "00000000000003E8", ASN4),
                Arguments.of(new LargeCommunities(List.of(new LargeCommunity(65000, 1, 2))),
                        "C0200C" + "0000FDE8" + "00000001" + "00000002", ASN4),
                Arguments.of(new PrefixSid(List.of(new PrefixSid.Tlv(PrefixSid.LABEL_INDEX, Bytes.fromHex("00000000000064")),
                                new PrefixSid.Tlv(PrefixSid.ORIGINATOR_SRGB, Bytes.fromHex("0000003E80001F40")))),
                        "C02815" + "01" + "0007" + "00" + "0000" + "00000064" + "03" + "0008" + "0000" + "003E80" + "001F40",
                        ASN4),
                Arguments.of(OnlyToCustomer.of(65000), "C02304" + "0000FDE8", ASN4),
                // the flags come back as received: Partial (set by a speaker without RFC 9234), extended length
                Arguments.of(new OnlyToCustomer(4200000000L, 0xE0), "E02304" + "FA56EA00", ASN4),
                Arguments.of(new OnlyToCustomer(65000, 0xD0), "D0230004" + "0000FDE8", ASN4),
                Arguments.of(OnlyToCustomer.of(65000), "C02304" + "0000FDE8", ASN2),
                Arguments.of(new UnknownAttribute(0xC0, 254, Bytes.fromHex("0102")), "C0FE02" + "0102", ASN4),
                Arguments.of(new UnknownAttribute(0xE0, 99, Bytes.fromHex("AB")), "E06301" + "AB", ASN4),
                Arguments.of(new UnknownAttribute(0x50, 200, Bytes.EMPTY), "50C80000", ASN4));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("attributes")
    void attributeVectors(PathAttribute attribute, String hex, SessionOptions options) {
        WireWriter w = new WireWriter();
        AttributeCodecs.encode(attribute, w, options);
        assertEquals(hex, Hex.encode(w.toArray()));
        if (attribute instanceof As4Path || attribute instanceof As4Aggregator) {
            // alone in an UPDATE they are merged into AS_PATH / AGGREGATOR (As4MergeTest): decode the value only
            byte[] raw = Hex.decode(hex);
            DecodeContext ctx = new DecodeContext(options);
            AttributeCodec codec = AttributeCodecs.get(attribute.typeCode());
            ctx.enter(codec);
            assertEquals(attribute, codec.decode(raw, 3, raw.length - 3, ctx));
            assertEquals(List.of(), ctx.errors());
            return;
        }
        Update u = (Update) MessageCodec.decode(update("", hex, ""), options);
        assertEquals(List.of(), u.errors());
        assertEquals(List.of(attribute), u.attributes().list());
    }

    @Test
    void typedReadersOfTlvAttributes() {
        assertEquals(1000, Aigp.ofMetric(1000).metric());
        PrefixSid sid = (PrefixSid) ((Update) MessageCodec.decode(update("", "C02815" + "01000700000000000064"
                + "0300080000003E80001F40", ""), ASN4)).attributes().get(PathAttribute.PREFIX_SID).orElseThrow();
        assertEquals(100, sid.labelIndex());
        assertEquals(List.of(new PrefixSid.Srgb(16000, 8000)), sid.srgbs());
    }

    @Test
    void fourByteAsNumbersBecomeAsTransInTwoByteSessions() {
        WireWriter w = new WireWriter();
        AttributeCodecs.encode(AsPath.sequence(4200000000L, 65000L), w, ASN2);
        AttributeCodecs.encode(new Aggregator(4200000000L, 0xC0000201L), w, ASN2);
        assertEquals("400206" + "0202" + "5BA0" + "FDE8" + "C00706" + "5BA0" + "C0000201", Hex.encode(w.toArray()));
    }

    @Test
    void valuesOver255BytesUseTheExtendedLength() {
        List<Long> many = new ArrayList<>();
        StringBuilder values = new StringBuilder();
        for (long i = 0; i < 64; i++) {
            many.add(0xFDE80000L + i);
            values.append(String.format("FDE8%04X", i));
        }
        WireWriter w = new WireWriter();
        AttributeCodecs.encode(new Communities(many), w, ASN4);
        assertEquals("D0080100" + values, Hex.encode(w.toArray()));
        // an unknown attribute over 255 bytes gains the bit, which then travels with it
        w = new WireWriter();
        AttributeCodecs.encode(new UnknownAttribute(0xC0, 254, Bytes.fromHex("AA".repeat(300))), w, ASN4);
        assertEquals("D0FE012C" + "AA".repeat(300), Hex.encode(w.toArray()));
        Update u = (Update) MessageCodec.decode(update("", Hex.encode(w.toArray()), ""), ASN4);
        assertEquals(new UnknownAttribute(0xD0, 254, Bytes.fromHex("AA".repeat(300))), u.attributes().list().get(0));
        // the extended bit on a short known attribute is accepted and not kept
        u = (Update) MessageCodec.decode(update("", "5001000100", ""), ASN4);
        assertEquals(List.of(Origin.IGP), u.attributes().list());
    }

    // ================================================================ RFC 7606

    private static Update decodeUpdate(String attributes, String nlri, SessionOptions options) {
        return (Update) MessageCodec.decode(update("", attributes, nlri), options);
    }

    private static void assertOneFinding(Update u, int typeCode, ErrorAction action) {
        assertEquals(1, u.errors().size(), u.errors().toString());
        assertEquals(typeCode, u.errors().get(0).typeCode(), u.errors().toString());
        assertEquals(action, u.errors().get(0).action(), u.errors().toString());
        assertEquals(action, u.errorAction());
        assertFalse(u.attributes().has(typeCode), "the malformed attribute was kept");
    }

    @Test
    void wellFormedUpdateHasNoFindings() {
        Update u = decodeUpdate(ORIGIN_IGP + AS_PATH_EMPTY + NEXT_HOP, NLRI_10_8, ASN4);
        assertEquals(ErrorAction.NONE, u.errorAction());
        assertEquals(3, u.attributes().size());
        assertEquals(List.of(InetNlri.of("10.0.0.0/8")), u.nlri().toList());
    }

    @Test
    void originOfLength2IsTreatAsWithdraw() {
        assertOneFinding(decodeUpdate("4001020000" + AS_PATH_EMPTY + NEXT_HOP, NLRI_10_8, ASN4),
                PathAttribute.ORIGIN, ErrorAction.TREAT_AS_WITHDRAW);
        assertOneFinding(decodeUpdate("40010103" + AS_PATH_EMPTY + NEXT_HOP, NLRI_10_8, ASN4),
                PathAttribute.ORIGIN, ErrorAction.TREAT_AS_WITHDRAW); // undefined value
    }

    @Test
    void atomicAggregateWithAValueIsDiscarded() {
        Update u = decodeUpdate(ORIGIN_IGP + AS_PATH_EMPTY + NEXT_HOP + "40060100", NLRI_10_8, ASN4);
        assertOneFinding(u, PathAttribute.ATOMIC_AGGREGATE, ErrorAction.ATTRIBUTE_DISCARD);
        assertEquals(3, u.attributes().size());
    }

    @Test
    void aggregatorOfTheWrongLengthIsDiscarded() {
        // 6 bytes is the 2-byte AS form: wrong in a 4-byte AS session, right in a 2-byte one
        String aggregator = "C00706" + "FDE8" + "C0000201";
        assertOneFinding(decodeUpdate(ORIGIN_IGP + AS_PATH_EMPTY + NEXT_HOP + aggregator, NLRI_10_8, ASN4),
                PathAttribute.AGGREGATOR, ErrorAction.ATTRIBUTE_DISCARD);
        assertEquals(List.of(), decodeUpdate(ORIGIN_IGP + AS_PATH_EMPTY + NEXT_HOP + aggregator, NLRI_10_8, ASN2)
                .errors());
    }

    @Test
    void communitiesOfLength5IsTreatAsWithdraw() {
        assertOneFinding(decodeUpdate(ORIGIN_IGP + AS_PATH_EMPTY + NEXT_HOP + "C00805" + "FDE8006400", NLRI_10_8,
                ASN4), PathAttribute.COMMUNITIES, ErrorAction.TREAT_AS_WITHDRAW);
        assertOneFinding(decodeUpdate(ORIGIN_IGP + AS_PATH_EMPTY + NEXT_HOP + "C00800", NLRI_10_8, ASN4),
                PathAttribute.COMMUNITIES, ErrorAction.TREAT_AS_WITHDRAW);
    }

    @Test
    void emptyClusterListIsTreatAsWithdraw() {
        // RFC 7606 section 7.11: the length must be a non-zero multiple of 4
        assertOneFinding(decodeUpdate(ORIGIN_IGP + AS_PATH_EMPTY + NEXT_HOP + "800A00", NLRI_10_8, ASN4),
                PathAttribute.CLUSTER_LIST, ErrorAction.TREAT_AS_WITHDRAW);
        assertOneFinding(decodeUpdate(ORIGIN_IGP + AS_PATH_EMPTY + NEXT_HOP + "800A03C00002", NLRI_10_8, ASN4),
                PathAttribute.CLUSTER_LIST, ErrorAction.TREAT_AS_WITHDRAW);
    }

    @Test
    void missingOriginWithNlriIsTreatAsWithdraw() {
        assertOneFinding(decodeUpdate(AS_PATH_EMPTY + NEXT_HOP, NLRI_10_8, ASN4), PathAttribute.ORIGIN,
                ErrorAction.TREAT_AS_WITHDRAW);
        // without NLRI nothing is mandatory
        assertEquals(List.of(), decodeUpdate(AS_PATH_EMPTY, "", ASN4).errors());
    }

    @Test
    void missingNextHopWithIpv4NlriIsTreatAsWithdraw() {
        assertOneFinding(decodeUpdate(ORIGIN_IGP + AS_PATH_EMPTY, NLRI_10_8, ASN4), PathAttribute.NEXT_HOP,
                ErrorAction.TREAT_AS_WITHDRAW);
        // MP_REACH_NLRI carries its own next hop
        assertEquals(List.of(), decodeUpdate(ORIGIN_IGP + AS_PATH_EMPTY + MP_REACH_V6, "", ASN4).errors());
    }

    @Test
    void onlyToCustomerOfAnotherLengthIsTreatAsWithdraw() {
        // RFC 9234 section 5: an OTC attribute whose length is not 4 is malformed, treat-as-withdraw (RFC 7606)
        for (String otc : new String[] {"C02300", "C02303" + "00FDE8", "C02305" + "0000FDE800", "D0230002" + "FDE8"}) {
            Update u = decodeUpdate(ORIGIN_IGP + AS_PATH_EMPTY + NEXT_HOP + otc, NLRI_10_8, ASN4);
            assertOneFinding(u, PathAttribute.ONLY_TO_CUSTOMER, ErrorAction.TREAT_AS_WITHDRAW);
            assertEquals(3, u.attributes().size(), otc);
        }
    }

    @Test
    void onlyToCustomerWithoutTheOptionalOrTransitiveBitIsTreatAsWithdraw() {
        for (String otc : new String[] {"802304" + "0000FDE8", "402304" + "0000FDE8", "002304" + "0000FDE8"}) {
            assertOneFinding(decodeUpdate(ORIGIN_IGP + AS_PATH_EMPTY + NEXT_HOP + otc, NLRI_10_8, ASN4),
                    PathAttribute.ONLY_TO_CUSTOMER, ErrorAction.TREAT_AS_WITHDRAW);
        }
    }

    @Test
    void flagsConflictOnMedIsTreatAsWithdraw() {
        assertOneFinding(decodeUpdate(ORIGIN_IGP + AS_PATH_EMPTY + NEXT_HOP + "400404" + "00000064", NLRI_10_8, ASN4),
                PathAttribute.MULTI_EXIT_DISC, ErrorAction.TREAT_AS_WITHDRAW);
    }

    @Test
    void duplicateMpReachResetsTheSession() {
        NotificationException e = assertThrows(NotificationException.class, () -> MessageCodec.decode(
                update("", ORIGIN_IGP + AS_PATH_EMPTY + MP_REACH_V6 + MP_REACH_V6, ""), ASN4));
        assertNotification(3, 1, e);
    }

    @Test
    void repeatedOrdinaryAttributeKeepsTheFirst() {
        Update u = decodeUpdate(ORIGIN_IGP + AS_PATH_EMPTY + NEXT_HOP + "40010102", NLRI_10_8, ASN4);
        assertEquals(ErrorAction.ATTRIBUTE_DISCARD, u.errorAction());
        assertEquals(Optional.of(Origin.IGP), u.attributes().get(PathAttribute.ORIGIN));
    }

    @Test
    void attributeLengthOverrunIsTreatAsWithdraw() {
        // MED claims 8 bytes where the attribute list has 4 left; the NLRI field after it is still read
        Update u = decodeUpdate(ORIGIN_IGP + AS_PATH_EMPTY + NEXT_HOP + "800408" + "00000064", NLRI_10_8, ASN4);
        assertEquals(ErrorAction.TREAT_AS_WITHDRAW, u.errorAction());
        assertEquals(PathAttribute.MULTI_EXIT_DISC, u.errors().get(0).typeCode());
        assertEquals(List.of(InetNlri.of("10.0.0.0/8")), u.nlri().toList());
        // a total attribute length past the end of the message is session-fatal
        assertNotification(3, 1, assertThrows(NotificationException.class,
                () -> MessageCodec.decode(hex(MARKER + "001B" + "02" + "0000" + "0010" + ORIGIN_IGP), ASN4)));
    }

    @Test
    void malformedIpv4NlriIsInvalidNetworkField() {
        assertNotification(3, 10, assertThrows(NotificationException.class, () -> MessageCodec.decode(
                update("", ORIGIN_IGP + AS_PATH_EMPTY + NEXT_HOP, "21" + "0A00000000"), ASN4)));
        assertNotification(3, 10, assertThrows(NotificationException.class, () -> MessageCodec.decode(
                update("18" + "0A00", "", ""), ASN4))); // withdrawn /24 with two bytes
    }

    @Test
    void malformedMpReachNlriDisablesTheFamily() {
        String bad = "800E27" + "0002" + "01" + "10" + "20010DB8000000000000000000000001" + "00" + "81" + "00".repeat(17);
        Update u = decodeUpdate(ORIGIN_IGP + AS_PATH_EMPTY + bad, "", ASN4);
        assertEquals(1, u.errors().size());
        UpdateError e = u.errors().get(0);
        assertEquals(ErrorAction.AFISAFI_DISABLE, e.action());
        assertEquals(Family.IPV6_UNICAST, e.family());
        assertEquals(ErrorAction.AFISAFI_DISABLE, u.errorAction());
        assertTrue(u.mpReach().isEmpty());
        // MP_UNREACH_NLRI with a truncated VPNv4 NLRI
        u = decodeUpdate("800F07" + "0001" + "80" + "70000641", "", ASN4);
        assertEquals(Family.IPV4_MPLS_VPN, u.errors().get(0).family());
        assertEquals(ErrorAction.AFISAFI_DISABLE, u.errorAction());
    }

    @Test
    void theMostSevereFindingWins() {
        Update u = decodeUpdate(ORIGIN_IGP + AS_PATH_EMPTY + NEXT_HOP + "40060100" + "C00805FDE8006400", NLRI_10_8,
                ASN4);
        assertEquals(2, u.errors().size());
        assertEquals(ErrorAction.TREAT_AS_WITHDRAW, u.errorAction());
    }
}
