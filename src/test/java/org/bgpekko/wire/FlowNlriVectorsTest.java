// Hex vectors of FlowSpec NLRI (RFC 8955, RFC 8956) from ExaBGP's conformance data, the malformed cases of
// RFC 8955 section 4.2 (treat-as-withdraw), both IPv6 prefix layouts and the 2-byte length field.
package org.bgpekko.wire;

import static org.bgpekko.wire.VectorSupport.hex;
import static org.bgpekko.wire.VectorSupport.len8;
import static org.bgpekko.wire.VectorSupport.update;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.bgpekko.wire.nlri.FlowComponent;
import org.bgpekko.wire.nlri.FlowMatch;
import org.bgpekko.wire.nlri.FlowNlri;
import org.bgpekko.wire.nlri.FlowNlriCodec;
import org.bgpekko.wire.nlri.FlowOp;
import org.bgpekko.wire.nlri.FlowPrefix;
import org.bgpekko.wire.nlri.IpPrefix;
import org.bgpekko.wire.nlri.Nlri;
import org.bgpekko.wire.nlri.NlriBlock;
import org.bgpekko.wire.nlri.RouteDistinguisher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class FlowNlriVectorsTest {
    private static final long NONE = Nlri.NO_PATH_ID;

    static FlowOp op(int flags, int length, long value) {
        return new FlowOp(flags, length, value);
    }

    static FlowMatch match(int type, FlowOp... ops) {
        return new FlowMatch(type, List.of(ops));
    }

    static FlowPrefix prefix(int type, String p, int offset) {
        return new FlowPrefix(type, IpPrefix.parse(p), offset);
    }

    static FlowNlri flow(Family f, long pathId, String rd, FlowComponent... components) {
        return new FlowNlri(f, pathId, rd == null ? null : RouteDistinguisher.parse(rd), List.of(components));
    }

    /** conf-flow's first-redirect route. */
    static final FlowNlri REDIRECT = flow(Family.IPV4_FLOW, NONE, null,
            prefix(1, "192.168.0.1/32", 0), prefix(2, "10.0.0.9/32", 0),
            match(3, op(0x01, 1, 17), op(0x01, 1, 6)),
            match(4, op(0x01, 1, 80), op(0x01, 2, 8080)),
            match(5, op(0x02, 2, 8080), op(0x44, 2, 8088), op(0x01, 2, 3128)),
            match(6, op(0x02, 2, 1024)));
    static final String REDIRECT_HEX = "25" + "0120C0A80001" + "02200A000009" + "0301118106" + "040150911F90"
            + "05121F90541F98910C38" + "06920400";

    /** conf-flow's ipv6 route: ExaBGP writes ::1/128/120 as the whole 16 bytes. */
    static final FlowNlri IPV6 = flow(Family.IPV6_FLOW, NONE, null,
            prefix(1, "2a02:b80:15::7aca:39ff:feae:a87a/128", 0), prefix(2, "::1/128", 120),
            match(3, op(0x01, 1, 17)), match(11, op(0x01, 1, 101)), match(13, op(0x01, 2, 2013)));
    static final String IPV6_HEX = "30" + "0180002A020B80001500007ACA39FFFEAEA87A" + "028078"
            + "00000000000000000000000000000001" + "038111" + "0B8165" + "0D9107DD";

    /** bgp-flow-1's NLRI. */
    static final String DECODING_1_HEX = "28" + "0180002A0229B8192500000000000000002E69" + "024000BEEFF00E00000000"
            + "038106" + "0C000400028008";

    /** Rows for NlriVectorsTest: family, add-path, NLRI, their bytes, a next hop. */
    static Stream<Arguments> familyVectors() {
        Family v4 = Family.IPV4_FLOW;
        Family v6 = Family.IPV6_FLOW;
        Family v4vpn = Family.IPV4_FLOW_VPN;
        Family v6vpn = Family.IPV6_FLOW_VPN;
        FlowNlri fragment = flow(v4, 1, null, match(12, op(0, 1, 8)));
        FlowNlri decoding1 = flow(v6, 7, null, prefix(1, "2a02:29b8:1925::2e69/128", 0),
                prefix(2, "beef:f00e::/64", 0), match(3, op(0x01, 1, 6)),
                match(12, op(0, 1, 4), op(0, 1, 2), op(0, 1, 8)));
        return Stream.of(
                Arguments.of(v4, false, List.of(REDIRECT), REDIRECT_HEX, ""),
                Arguments.of(v4, true, List.of(fragment, flow(v4, 2, null)), "00000001" + "030C8008"
                        + "00000002" + "00", "01020304"),
                Arguments.of(v6, false, List.of(IPV6), IPV6_HEX, ""),
                Arguments.of(v6, true, List.of(decoding1), "00000007" + DECODING_1_HEX,
                        "20010DB8000000000000000000000001"),
                Arguments.of(v4vpn, false, List.of(flow(v4vpn, NONE, "65535:65536", prefix(2, "10.0.0.1/32", 0))),
                        "0E" + "0000FFFF00010000" + "02200A000001", "05060708"),
                Arguments.of(v4vpn, true, List.of(flow(v4vpn, 2, "65535:65536", prefix(2, "10.0.0.3/32", 0))),
                        "00000002" + "0E" + "0000FFFF00010000" + "02200A000003", ""),
                Arguments.of(v6vpn, false, List.of(flow(v6vpn, NONE, "65000:1", prefix(1, "2001:db8::/32", 0))),
                        "0F" + "0000FDE800000001" + "01200020010DB8", ""),
                Arguments.of(v6vpn, true, List.of(flow(v6vpn, 3, "1.2.3.4:5", prefix(1, "2001:db8::/32", 0))),
                        "00000003" + "0F" + "0001010203040005" + "01200020010DB8", ""));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // ExaBGP's "string" of the decoding cases and of conf-flow's routes
        "ipv4 flow|" + REDIRECT_HEX + "|flow destination-ipv4 192.168.0.1/32 source-ipv4 10.0.0.9/32 protocol "
                + "[ =udp =tcp ] port [ =80 =8080 ] destination-port [ >8080&<8088 =3128 ] source-port >1024",
        "ipv6 flow|" + IPV6_HEX + "|flow destination-ipv6 2a02:b80:15:0:7aca:39ff:feae:a87a/128/0 source-ipv6 "
                + "::1/128/120 next-header =udp traffic-class =101 flow-label =2013",
        "ipv6 flow|" + DECODING_1_HEX + "|flow destination-ipv6 2a02:29b8:1925::2e69/128/0 source-ipv6 "
                + "beef:f00e::/64/0 next-header =tcp fragment [ first-fragment is-fragment last-fragment ]",
        "ipv4 flow|050901048109|flow tcp-flags [ =rst =fin+push ]",
        "ipv4 flow|09090010008042 01C240|flow tcp-flags [ ack cwr&!fin&!ece ]",
        "ipv4 flow|05090090C241|flow tcp-flags [ ack+cwr&!fin+ece ]",
        "ipv4 flow|1C0120C0A8000102200A00000A038606048600059601BB060650961F90|flow destination-ipv4 192.168.0.1/32 "
                + "source-ipv4 10.0.0.10/32 protocol !=tcp port !=0 destination-port !=443 source-port [ !=80 !=8080 ]",
        "ipv4 flow|0C0A02C854012C120190D401F4|flow packet-length [ >200&<300 >400&<500 ]",
        "ipv4 flow|0E0000FFFF0001000002200A000001|flow source-ipv4 10.0.0.1/32 rd 65535:65536",
        // numeric true/false stand alone; reserved bits show the operator in hex; unknown bits by value
        "ipv4 flow|0C03070101010959C0110A8989|flow protocol [ true =icmp 09ospf&falseudp ] packet-length 09137",
        "ipv4 flow|06090201900201|flow tcp-flags [ !fin fin+unknown tcp flag type 513 ]",
        "ipv4 flow|0507010381FF|flow icmp-type [ =unreachable =255 ]",
    })
    void exaBgpText(String family, String hex, String text) {
        Family f = Family.parse(family);
        if (f.equals(Family.IPV4_FLOW) && text.contains(" rd ")) {
            f = Family.IPV4_FLOW_VPN;
        }
        String h = hex.replace(" ", "");
        NlriBlock.Decoding d = NlriBlock.decode(f, hex(h), 0, h.length() / 2, false);
        assertTrue(d.ok(), d.error());
        assertNull(d.malformed());
        assertEquals(text, d.block().toList().get(0).toString());
        assertEquals(h, NlriBlock.of(f, false, d.block().toList()).bytes().hex(), "re-encoded");
    }

    @Test
    void theObjectsOfTheVectors() {
        NlriBlock.Decoding d = NlriBlock.decode(Family.IPV4_FLOW, hex(REDIRECT_HEX), 0, REDIRECT_HEX.length() / 2,
                false);
        assertEquals(List.of(REDIRECT), d.block().toList());
        assertEquals(List.of(IPV6), NlriBlock.decode(Family.IPV6_FLOW, hex(IPV6_HEX), 0, IPV6_HEX.length() / 2,
                false).block().toList());
    }

    /** Malformed NLRI (RFC 8955 section 4.2), each followed by a good one: the good one is kept. */
    @ParameterizedTest(name = "{0}: {2}")
    @CsvSource(delimiter = '|', value = {
        "ipv4 flow|030E8101|unknown component type 14",
        "ipv4 flow|030D8101|unknown component type 13",
        "ipv4 flow|0400810101|unknown component type 0",
        "ipv4 flow|0603810601080A|component type 1 after type 3",
        "ipv4 flow|06038106038111|component type 3 after type 3",
        "ipv4 flow|0301210A|prefix length 33 in component 1",
        "ipv4 flow|0301200A|component 1 runs past the end of the NLRI",
        "ipv4 flow|0101|component 1 runs past the end of the NLRI",
        "ipv4 flow|03030106|component 3 ends without its end-of-list bit",
        "ipv4 flow|03039106|component 3 runs past the end of the NLRI",
        "ipv4 flow|0203B1|component 3 runs past the end of the NLRI",
        "ipv6 flow|050140400000|offset 64 must be smaller than the prefix length 64 in component 1",
        "ipv6 flow|0401000700|offset 7 must be smaller than the prefix length 0 in component 1",
        "ipv6 flow|0401810000|prefix length 129 in component 1",
        "ipv6 flow|0401800001|component 1 runs past the end of the NLRI",
        "ipv6 flow|020201|component 2 runs past the end of the NLRI",
        "ipv4 flow-vpn|0400000000|flow-vpn NLRI shorter than its route distinguisher",
        "ipv4 flow-vpn|00|flow-vpn NLRI shorter than its route distinguisher",
    })
    void malformedNlriAreLeftOut(String family, String bad, String reason) {
        Family f = Family.parse(family);
        boolean vpn = f.safi() == Family.SAFI_FLOW_VPN;
        String good = vpn ? "0B" + "0000FDE800000001" + "0C8008" : "030C8008";
        String field = good + bad + good;
        NlriBlock.Decoding d = NlriBlock.decode(f, hex(field), 0, field.length() / 2, false);
        assertTrue(d.ok(), d.error());
        assertTrue(d.malformed().startsWith(reason) && d.malformed().endsWith(" at byte " + good.length() / 2),
                d.malformed());
        assertEquals(2, d.block().size());
        assertEquals(good + good, d.block().bytes().hex());

        // in an UPDATE: the NLRI is left out of MP_REACH_NLRI and the UPDATE is treat-as-withdraw
        String afiSafi = String.format("%04X%02X", f.afi(), f.safi());
        String reach = afiSafi + "00" + "00" + field;
        Update u = (Update) MessageCodec.decode(update("", "40010100" + "400200" + "800E" + len8(reach) + reach,
                ""), SessionOptions.DEFAULT);
        assertEquals(ErrorAction.TREAT_AS_WITHDRAW, u.errorAction());
        assertTrue(u.errors().get(0).reason().contains(reason), u.errors().toString());
        assertEquals(2, u.mpReach().orElseThrow().nlri().size());
        String unreach = afiSafi + bad;
        Update w = (Update) MessageCodec.decode(update("", "800F" + len8(unreach) + unreach, ""),
                SessionOptions.DEFAULT);
        assertEquals(ErrorAction.TREAT_AS_WITHDRAW, w.errorAction());
        assertTrue(w.mpUnreach().orElseThrow().nlri().isEmpty());
    }

    /** An NLRI whose length overruns the field cannot be delimited: the family is disabled (RFC 7606 5.3). */
    @ParameterizedTest
    @CsvSource({"050381", "F1", "F10A0C80", "00000001"})
    void overrunsAreFieldErrors(String field) {
        NlriBlock.Decoding d = NlriBlock.decode(Family.IPV4_FLOW, hex(field), 0, field.length() / 2,
                field.length() == 8);
        assertFalse(d.ok());
        assertTrue(d.error().startsWith("NLRI truncated"), d.error());
        String reach = "000185" + "00" + "00" + field;
        Update u = (Update) MessageCodec.decode(update("", "40010100" + "400200" + "800E" + len8(reach) + reach,
                ""), SessionOptions.DEFAULT);
        assertEquals(ErrorAction.AFISAFI_DISABLE, u.errorAction());
        assertEquals(Family.IPV4_FLOW, u.errors().get(0).family());
    }

    /** RFC 8956 writes only the bits after the offset; read when ExaBGP's layout does not parse. */
    @Test
    void ipv6PrefixesInRfc8956Layout() {
        String field = "07" + "02807801" + "038111";
        List<Nlri> got = NlriBlock.decode(Family.IPV6_FLOW, hex(field), 0, 8, false).block().toList();
        assertEquals(List.of(flow(Family.IPV6_FLOW, NONE, null, prefix(2, "::1/128", 120),
                match(3, op(0x01, 1, 17)))), got);
        // bits 16..31 of 2001:db8::/32: the pattern 0DB8 after an offset of 16, then a next-header component
        String embedded = "08" + "0120100DB8" + "038106";
        assertEquals(List.of(flow(Family.IPV6_FLOW, NONE, null, prefix(1, "0:db8::/32", 16),
                match(3, op(0x01, 1, 6)))), NlriBlock.decode(Family.IPV6_FLOW, hex(embedded), 0, 9, false)
                .block().toList());
        // RFC 8956 section 3.8.2's example: ::1:1234:5678:9800:0/104 offset 60, a 44-bit pattern in 6 bytes
        String rfcExample = "09" + "02683C112345678980";
        assertEquals(List.of(flow(Family.IPV6_FLOW, NONE, null, prefix(2, "::1:1234:5678:9800:0/104", 60))),
                NlriBlock.decode(Family.IPV6_FLOW, hex(rfcExample), 0, 10, false).block().toList());
        // an offset below 8 takes as many bytes in both layouts: ExaBGP's reading (the whole address) is kept
        String small = "05" + "010C03ABC0";
        assertEquals(List.of(flow(Family.IPV6_FLOW, NONE, null, prefix(1, "abc0::/12", 3))),
                NlriBlock.decode(Family.IPV6_FLOW, hex(small), 0, 6, false).block().toList());
    }

    /** From 240 bytes on the length takes two bytes, 0xfnnn (RFC 8955 section 4.1); 4095 is the most. */
    @Test
    void twoByteLengthField() {
        List<FlowOp> ops = new ArrayList<>();
        for (int i = 0; i < 81; i++) {
            ops.add(op(0x01, 2, 1000 + i));
        }
        FlowNlri big = flow(Family.IPV4_FLOW, NONE, null, new FlowMatch(10, ops));
        String hex = NlriBlock.of(Family.IPV4_FLOW, false, List.of(big)).bytes().hex();
        assertTrue(hex.startsWith("F0F40A"), hex.substring(0, 10));
        assertEquals(244, FlowNlriCodec.bodyLength(big));
        assertEquals(List.of(big), NlriBlock.decode(Family.IPV4_FLOW, hex(hex), 0, hex.length() / 2, false).block()
                .toList());
        // the short form written long is read too
        assertEquals(List.of(flow(Family.IPV4_FLOW, NONE, null, match(12, op(0, 1, 8)))),
                NlriBlock.decode(Family.IPV4_FLOW, hex("F0030C8008"), 0, 5, false).block().toList());
        for (int i = 0; i < 1300; i++) {
            ops.add(op(0x01, 2, 2000 + i));
        }
        FlowNlri tooBig = flow(Family.IPV4_FLOW, NONE, null, new FlowMatch(10, ops));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NlriBlock.of(Family.IPV4_FLOW, false, List.of(tooBig)));
        assertTrue(e.getMessage().contains("longer than the 4095"), e.getMessage());
    }

    @Test
    void theRecordsRefuseWhatTheWireCannotCarry() {
        assertThrows(IllegalArgumentException.class, () -> flow(Family.IPV4_FLOW, NONE, null,
                match(3, op(1, 1, 6)), prefix(1, "10.0.0.0/8", 0)));
        assertThrows(IllegalArgumentException.class, () -> flow(Family.IPV4_FLOW, NONE, null,
                match(13, op(1, 1, 6))));
        assertThrows(IllegalArgumentException.class, () -> flow(Family.IPV4_FLOW_VPN, NONE, null));
        assertThrows(IllegalArgumentException.class, () -> flow(Family.IPV4_FLOW, NONE, "1:1"));
        assertThrows(IllegalArgumentException.class, () -> flow(Family.IPV6_FLOW, NONE, null,
                prefix(1, "10.0.0.0/8", 0)));
        assertThrows(IllegalArgumentException.class, () -> prefix(1, "10.0.0.0/8", 1));
        assertThrows(IllegalArgumentException.class, () -> prefix(1, "2001::/16", 16));
        assertThrows(IllegalArgumentException.class, () -> op(0x80, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> op(0x10, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> op(0, 3, 1));
        assertThrows(IllegalArgumentException.class, () -> op(0, 1, 256));
        assertThrows(IllegalArgumentException.class, () -> new FlowMatch(4, List.of()));
        assertThrows(UnsupportedOperationException.class, REDIRECT::prefix);
        assertEquals(op(0x01, 2, 8080), FlowOp.of(0x01, 8080, 2));
        assertEquals(op(0x01, 1, 80), FlowOp.of(0x01, 80, 4));
        assertEquals(op(0x01, 4, 0x12345), FlowOp.of(0x01, 0x12345, 4));
        assertThrows(IllegalArgumentException.class, () -> FlowOp.of(0x01, 300, 1));
    }
}
