// Hand-checked hex vectors: message headers, OPEN and every capability, NOTIFICATION, ROUTE-REFRESH, End-of-RIB.
package org.bgpekko.wire;

import static org.bgpekko.wire.VectorSupport.MARKER;
import static org.bgpekko.wire.VectorSupport.hex;
import static org.bgpekko.wire.VectorSupport.len16;
import static org.bgpekko.wire.VectorSupport.len8;
import static org.bgpekko.wire.VectorSupport.update;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.bgpekko.wire.attribute.UnknownAttribute;
import org.bgpekko.wire.capability.AddPath;
import org.bgpekko.wire.capability.BgpRole;
import org.bgpekko.wire.capability.Capability;
import org.bgpekko.wire.capability.CapabilityCodecs;
import org.bgpekko.wire.capability.EnhancedRouteRefresh;
import org.bgpekko.wire.capability.ExtendedMessage;
import org.bgpekko.wire.capability.ExtendedNextHop;
import org.bgpekko.wire.capability.FourOctetAs;
import org.bgpekko.wire.capability.Fqdn;
import org.bgpekko.wire.capability.GracefulRestart;
import org.bgpekko.wire.capability.MultiSession;
import org.bgpekko.wire.capability.Multiprotocol;
import org.bgpekko.wire.capability.Operational;
import org.bgpekko.wire.capability.RouteRefresh;
import org.bgpekko.wire.capability.SoftwareVersion;
import org.bgpekko.wire.capability.UnknownCapability;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CodecVectorsTest {
    private static final SessionOptions ASN4 = SessionOptions.DEFAULT;
    private static final SessionOptions ASN2 = SessionOptions.LEGACY;

    private static final String ORIGIN_IGP = "40010100";
    private static final String NLRI_10_8 = "080A";

    static NotificationException refused(String hex, SessionOptions options) {
        return assertThrows(NotificationException.class, () -> MessageCodec.decode(hex(hex), options));
    }

    static void assertNotification(int code, int subcode, NotificationException e) {
        assertEquals(code + "/" + subcode, e.code() + "/" + e.subcode(), e.toString());
    }

    // ================================================================ header (RFC 4271 section 6.1)

    @Test
    void keepaliveIsTheHeaderAlone() {
        String wire = MARKER + "0013" + "04";
        assertEquals(Keepalive.INSTANCE, MessageCodec.decode(hex(wire), ASN4));
        assertEquals(wire, Hex.encode(MessageCodec.encode(Keepalive.INSTANCE, ASN4)));
    }

    @Test
    void badMarkerIsConnectionNotSynchronised() {
        assertNotification(1, 1, refused("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFE" + "0013" + "04", ASN4));
        assertNotification(1, 1, refused("00FFFFFFFFFFFFFFFFFFFFFFFFFFFFFF" + "0017" + "02" + "00000000", ASN4));
    }

    @Test
    void badLengthIsBadMessageLengthWithTheLengthAsData() {
        NotificationException e = refused(MARKER + "0014" + "04" + "00", ASN4); // KEEPALIVE of 20 bytes
        assertNotification(1, 2, e);
        assertEquals("0014", e.data().hex());
        e = refused(MARKER + "001C" + "01" + "04FDE800B4C0000201", ASN4); // OPEN of 28 < 29 bytes
        assertNotification(1, 2, e);
        assertEquals("001C", e.data().hex());
        e = refused(MARKER + "0016" + "02" + "000000", ASN4); // UPDATE of 22 < 23 bytes
        assertNotification(1, 2, e);
        assertEquals("0016", e.data().hex());
        e = refused(MARKER + "0014" + "03" + "06", ASN4); // NOTIFICATION of 20 < 21 bytes
        assertNotification(1, 2, e);
        assertEquals("0014", e.data().hex());
        assertNotification(1, 2, refused(MARKER + "00", ASN4)); // shorter than a header
        assertNotification(1, 2, refused(MARKER + "0020" + "04", ASN4)); // header says 32, 19 given
    }

    @Test
    void updatesOver4096BytesNeedTheExtendedMessageCapability() {
        byte[] big = VectorSupport.withHeader(BgpMessage.UPDATE, hex("0000" + "0FEA" + "D0FE0FE6" + "00".repeat(4070)));
        assertEquals(4097, big.length);
        NotificationException e = assertThrows(NotificationException.class, () -> MessageCodec.decode(big, ASN4));
        assertNotification(1, 2, e);
        assertEquals("1001", e.data().hex());
        Update u = (Update) MessageCodec.decode(big, ASN4.withMaxMessageSize(SessionOptions.EXTENDED_MAX));
        assertEquals(4070, ((UnknownAttribute) u.attributes().get(254).orElseThrow()).value().length());
    }

    @Test
    void unknownTypeIsBadMessageTypeWithTheTypeAsData() {
        NotificationException e = refused(MARKER + "0013" + "06", ASN4);
        assertNotification(1, 3, e);
        assertEquals("06", e.data().hex());
        e = refused(MARKER + "0015" + "00" + "0000", ASN4);
        assertNotification(1, 3, e);
        assertEquals("00", e.data().hex());
    }

    // ================================================================ OPEN and capabilities

    @Test
    void openWithCapabilitiesOnePerParameter() {
        Open open = new Open(4, 65000, 180, 0xC0000201L,
                List.of(new Multiprotocol(Family.IPV4_UNICAST), new RouteRefresh(), new FourOctetAs(65000)));
        String wire = MARKER + "0031" + "01" + "04" + "FDE8" + "00B4" + "C0000201" + "14"
                + "02060104" + "00010001" + "02020200" + "02064104" + "0000FDE8";
        assertEquals(wire, Hex.encode(MessageCodec.encode(open, ASN4)));
        assertEquals(open, MessageCodec.decode(hex(wire), ASN2));
        assertEquals(65000, open.asn());
    }

    @Test
    void openWithSeveralCapabilitiesInOneParameter() {
        String wire = MARKER + "002F" + "01" + "04FDE800B4C0000201" + "12"
                + "0210" + "010400010001" + "010400020001" + "0200" + "4600";
        Open open = (Open) MessageCodec.decode(hex(wire), ASN4);
        assertEquals(List.of(new Multiprotocol(Family.IPV4_UNICAST), new Multiprotocol(Family.IPV6_UNICAST),
                new RouteRefresh(), new EnhancedRouteRefresh()), open.capabilities());
    }

    @Test
    void openParametersOf255BytesOrMoreUseTheRfc9072Form() {
        UnknownCapability six = new UnknownCapability(100, Bytes.fromHex("010203040506"));
        // 25 parameters of 10 bytes and one of 4: 254 bytes, the RFC 4271 form
        List<Capability> caps = new ArrayList<>(Collections.nCopies(25, six));
        caps.add(new RouteRefresh());
        byte[] wire = MessageCodec.encode(new Open(4, 65000, 180, 0xC0000201L, caps), ASN4);
        assertEquals("FE", Hex.encode(wire, 28, 1));
        assertEquals(19 + 10 + 254, wire.length);
        // one parameter of 5 bytes instead: 255 bytes, so the RFC 9072 form with 3-byte parameter headers
        caps.set(25, new UnknownCapability(101, Bytes.fromHex("00")));
        wire = MessageCodec.encode(new Open(4, 65000, 180, 0xC0000201L, caps), ASN4);
        assertEquals("FFFF" + "0119" + "02" + "0008" + "6406010203040506", Hex.encode(wire, 28, 15));
        assertEquals(19 + 9 + 4 + 25 * 11 + 6, wire.length);
        assertEquals(caps, ((Open) MessageCodec.decode(wire, ASN4)).capabilities());
        // 30 parameters of 11 bytes, hand-built
        String rfc9072 = MARKER + "016A" + "01" + "04FDE800B4C0000201" + "FF" + "FF" + "014A"
                + ("02" + "0008" + "6406010203040506").repeat(30);
        Open open = new Open(4, 65000, 180, 0xC0000201L, Collections.nCopies(30, six));
        assertEquals(rfc9072, Hex.encode(MessageCodec.encode(open, ASN4)));
        assertEquals(open, MessageCodec.decode(hex(rfc9072), ASN4));
    }

    @Test
    void openVersionOtherThan4IsUnsupportedVersion() {
        NotificationException e = refused(MARKER + "001D" + "01" + "03" + "FDE8" + "00B4" + "C0000201" + "00", ASN4);
        assertNotification(2, 1, e);
        assertEquals("0004", e.data().hex()); // the largest supported version, 2 bytes (RFC 4271 section 6.2)
    }

    @Test
    void openWithAnUnknownOptionalParameterIsUnsupportedOptionalParameter() {
        assertNotification(2, 4, refused(MARKER + "0021" + "01" + "04FDE800B4C0000201" + "04" + "0102ABCD", ASN4));
    }

    @Test
    void openWhoseParameterLengthDisagreesIsRefused() {
        assertNotification(2, 0, refused(MARKER + "0021" + "01" + "04FDE800B4C0000201" + "05" + "0202ABCD", ASN4));
        assertNotification(2, 0, refused(MARKER + "0021" + "01" + "04FDE800B4C0000201" + "04" + "0203ABCD", ASN4));
    }

    static Stream<Arguments> capabilities() {
        return Stream.of(
                Arguments.of(new Multiprotocol(Family.IPV6_MPLS_VPN), "0104" + "0002" + "00" + "80"),
                Arguments.of(new RouteRefresh(), "0200"),
                Arguments.of(new EnhancedRouteRefresh(), "4600"),
                Arguments.of(new ExtendedMessage(), "0600"),
                Arguments.of(new Operational(), "B900"),
                Arguments.of(new FourOctetAs(4200000000L), "4104" + "FA56EA00"),
                Arguments.of(new ExtendedNextHop(List.of(new ExtendedNextHop.Entry(Family.IPV4_UNICAST, 2),
                        new ExtendedNextHop.Entry(Family.IPV4_MPLS_VPN, 2))),
                        "050C" + "0001" + "0001" + "0002" + "0001" + "0080" + "0002"),
                Arguments.of(new GracefulRestart(GracefulRestart.RESTART_STATE, 120,
                        List.of(new GracefulRestart.Entry(Family.IPV4_UNICAST, GracefulRestart.FORWARDING_STATE),
                                new GracefulRestart.Entry(Family.IPV6_UNICAST, 0))),
                        "400A" + "8078" + "0001" + "01" + "80" + "0002" + "01" + "00"),
                Arguments.of(new AddPath(List.of(new AddPath.Entry(Family.IPV4_UNICAST, AddPath.SEND_RECEIVE),
                        new AddPath.Entry(Family.IPV6_UNICAST, AddPath.RECEIVE))),
                        "4508" + "0001" + "01" + "03" + "0002" + "01" + "01"),
                Arguments.of(new MultiSession(Bytes.fromHex("00")), "4401" + "00"),
                Arguments.of(new Fqdn("host", "example.com"),
                        "4911" + "04" + "686F7374" + "0B" + "6578616D706C652E636F6D"),
                Arguments.of(new Fqdn("router", ""), "4908" + "06" + "726F75746572" + "00"),
                Arguments.of(new SoftwareVersion("bgpekko"), "4B08" + "07" + "626770656B6B6F"),
                Arguments.of(new BgpRole(BgpRole.PROVIDER), "0901" + "00"),
                Arguments.of(new BgpRole(BgpRole.RS), "0901" + "01"),
                Arguments.of(new BgpRole(BgpRole.RS_CLIENT), "0901" + "02"),
                Arguments.of(new BgpRole(BgpRole.CUSTOMER), "0901" + "03"),
                Arguments.of(new BgpRole(BgpRole.PEER), "0901" + "04"),
                Arguments.of(new UnknownCapability(100, Bytes.fromHex("ABCD")), "6402" + "ABCD"),
                Arguments.of(new UnknownCapability(127, Bytes.EMPTY), "7F00"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("capabilities")
    void capabilityVectors(Capability capability, String hex) {
        WireWriter w = new WireWriter();
        CapabilityCodecs.encode(capability, w);
        assertEquals(hex, Hex.encode(w.toArray()));
        byte[] b = hex(hex);
        assertEquals(capability, CapabilityCodecs.decode(b[0] & 0xFF, b, 2, b.length - 2));
        Open open = new Open(4, 65000, 180, 1, List.of(capability));
        String wire = MARKER + len16(29 + 2 + hex.length() / 2) + "01" + "04FDE800B400000001"
                + len8("02" + len8(hex) + hex) + "02" + len8(hex) + hex;
        assertEquals(wire, Hex.encode(MessageCodec.encode(open, ASN4)));
        assertEquals(open, MessageCodec.decode(hex(wire), ASN4));
    }

    @Test
    void malformedKnownCapabilitiesAreKeptAsUnknown() {
        String[] malformed = {
            "0103" + "000101", // Multiprotocol of 3 bytes
            "4103" + "00FDE8", // 4-octet AS of 3 bytes
            "0201" + "00", // route refresh with a value
            "4503" + "000101", // ADD-PATH not a multiple of 4
            "4B03" + "05" + "6162", // software version length byte disagrees
            "4B03" + "02" + "C328", // software version that is not UTF-8
            "4906" + "03" + "FF" + "FEFD" + "01" + "61", // host name that is not UTF-8
            "4904" + "05" + "616263", // host name overruns
            "0506" + "0001" + "0100" + "0002", // extended next hop with a SAFI above 255
            "0900", // BGP role without its octet (RFC 9234 section 4.1: length 1)
            "0902" + "0102", // BGP role of 2 octets
            "0901" + "05", // BGP role outside RFC 9234's table 1
        };
        for (String hex : malformed) {
            byte[] b = hex(hex);
            Capability c = CapabilityCodecs.decode(b[0] & 0xFF, b, 2, b.length - 2);
            assertEquals(new UnknownCapability(b[0] & 0xFF, Bytes.of(b, 2, b.length - 2)), c, hex);
        }
    }

    @Test
    void capabilityTextLongerThanItsLimitAfterReplacementIsNotRefused() {
        // 200 invalid UTF-8 bytes would grow to 600 as U+FFFD: the capability stays unknown, the OPEN is accepted
        String value = "C8" + "FF".repeat(200);
        byte[] b = hex("4BC9" + value);
        assertEquals(new UnknownCapability(75, Bytes.fromHex(value)), CapabilityCodecs.decode(75, b, 2, b.length - 2));
    }

    // ================================================================ NOTIFICATION and ROUTE-REFRESH

    @Test
    void notificationVectors() {
        String wire = MARKER + "0015" + "03" + "04" + "00";
        assertEquals(new Notification(4, 0, Bytes.EMPTY), MessageCodec.decode(hex(wire), ASN4));
        wire = MARKER + "0017" + "03" + "01" + "02" + "0014";
        assertEquals(new Notification(1, 2, Bytes.fromHex("0014")), MessageCodec.decode(hex(wire), ASN4));
        assertEquals(wire, Hex.encode(MessageCodec.encode(new Notification(1, 2, Bytes.fromHex("0014")), ASN4)));
    }

    @Test
    void shutdownCommunication() {
        // RFC 9003: Cease / Administrative Shutdown, a length byte and UTF-8
        String wire = MARKER + "0021" + "03" + "06" + "02" + "0B" + "6D61696E74656E616E6365";
        Notification n = Notification.cease(Notification.CEASE_ADMINISTRATIVE_SHUTDOWN, "maintenance");
        assertEquals(wire, Hex.encode(MessageCodec.encode(n, ASN4)));
        assertEquals(Optional.of("maintenance"), ((Notification) MessageCodec.decode(hex(wire), ASN4))
                .shutdownCommunication());
        // Administrative Reset, non-ASCII text
        n = Notification.cease(Notification.CEASE_ADMINISTRATIVE_RESET, "café");
        assertEquals("05" + "636166C3A9", n.data().hex());
        assertEquals(Optional.of("café"), n.shutdownCommunication());
        // an empty communication (length 0) is valid
        assertEquals(Optional.of(""), new Notification(6, 2, Bytes.fromHex("00")).shutdownCommunication());
        // cut to 255 bytes, never inside a UTF-8 sequence: 300 two-byte characters keep 127 (254 bytes)
        n = Notification.cease(Notification.CEASE_ADMINISTRATIVE_SHUTDOWN, "é".repeat(300));
        assertEquals(255, n.data().length());
        assertEquals(254, n.data().get(0));
        assertEquals(Optional.of("é".repeat(127)), n.shutdownCommunication());
        // not a shutdown communication
        assertEquals(Optional.empty(), new Notification(6, 2, Bytes.fromHex("05616263")).shutdownCommunication());
        assertEquals(Optional.empty(), new Notification(6, 2, Bytes.fromHex("01FF")).shutdownCommunication());
        assertEquals(Optional.empty(), new Notification(6, 2, Bytes.EMPTY).shutdownCommunication());
        assertEquals(Optional.empty(), new Notification(6, 3, Bytes.fromHex("0161")).shutdownCommunication());
        assertEquals(Optional.empty(), new Notification(3, 2, Bytes.fromHex("0161")).shutdownCommunication());
    }

    @Test
    void routeRefreshVectors() {
        assertEquals(new RouteRefreshMessage(Family.IPV4_UNICAST, RouteRefreshMessage.REQUEST),
                MessageCodec.decode(hex(MARKER + "0017" + "05" + "0001" + "00" + "01"), ASN4));
        RouteRefreshMessage borr = new RouteRefreshMessage(Family.IPV6_MPLS_VPN, RouteRefreshMessage.BEGIN);
        assertEquals(MARKER + "0017" + "05" + "0002" + "01" + "80", Hex.encode(MessageCodec.encode(borr, ASN4)));
        assertEquals(new RouteRefreshMessage(Family.IPV4_UNICAST, RouteRefreshMessage.END),
                MessageCodec.decode(hex(MARKER + "0017" + "05" + "0001" + "02" + "01"), ASN4));
        // RFC 7313 section 5: a wrong length is Route-Refresh Message Error / Invalid Message Length, data the message
        String wrong = MARKER + "0018" + "05" + "0001" + "00" + "0100";
        NotificationException e = refused(wrong, ASN4);
        assertNotification(7, 1, e);
        assertEquals(wrong, e.data().hex());
    }

    // ================================================================ End-of-RIB (RFC 4724 section 2)

    @Test
    void endOfRibOfIpv4UnicastIsAnEmptyUpdate() {
        String wire = MARKER + "0017" + "02" + "0000" + "0000";
        Update u = (Update) MessageCodec.decode(hex(wire), ASN4);
        assertEquals(Optional.of(Family.IPV4_UNICAST), u.endOfRibFamily());
        assertEquals(wire, Hex.encode(MessageCodec.encode(Update.endOfRib(Family.IPV4_UNICAST), ASN4)));
        assertEquals(wire, Hex.encode(UpdatePacker.endOfRib(Family.IPV4_UNICAST, ASN4)));
    }

    @Test
    void endOfRibOfOtherFamiliesIsAnEmptyMpUnreach() {
        String v6 = MARKER + "001E" + "02" + "0000" + "0007" + "900F0003" + "0002" + "01";
        Update u = (Update) MessageCodec.decode(hex(v6), ASN4);
        assertEquals(Optional.of(Family.IPV6_UNICAST), u.endOfRibFamily());
        assertEquals(v6, Hex.encode(MessageCodec.encode(Update.endOfRib(Family.IPV6_UNICAST), ASN4)));
        String vpn4 = MARKER + "001E" + "02" + "0000" + "0007" + "900F0003" + "0001" + "80";
        assertEquals(vpn4, Hex.encode(UpdatePacker.endOfRib(Family.IPV4_MPLS_VPN, ASN4)));
        // received without the extended-length bit, it is still an End-of-RIB
        u = (Update) MessageCodec.decode(hex(MARKER + "001D" + "02" + "0000" + "0006" + "800F03" + "0002" + "01"), ASN4);
        assertEquals(Optional.of(Family.IPV6_UNICAST), u.endOfRibFamily());
        // with a withdrawn route, or another attribute, it is not
        u = (Update) MessageCodec.decode(update("", "800F08" + "0002" + "01" + "2020010DB8", ""), ASN4);
        assertEquals(Optional.empty(), u.endOfRibFamily());
        u = (Update) MessageCodec.decode(update("", ORIGIN_IGP + "900F0003000201", ""), ASN4);
        assertEquals(Optional.empty(), u.endOfRibFamily());
        u = (Update) MessageCodec.decode(update(NLRI_10_8, "", ""), ASN4);
        assertEquals(Optional.empty(), u.endOfRibFamily());
    }
}
