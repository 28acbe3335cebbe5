// Hand-checked hex vectors of every NLRI family (with and without ADD-PATH), IPv6 text and route distinguishers.
package org.bgpekko.wire;

import static org.bgpekko.wire.VectorSupport.hex;
import static org.bgpekko.wire.VectorSupport.len8;
import static org.bgpekko.wire.VectorSupport.update;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.bgpekko.wire.attribute.AsPath;
import org.bgpekko.wire.attribute.MpReachNlri;
import org.bgpekko.wire.attribute.MpUnreachNlri;
import org.bgpekko.wire.attribute.Origin;
import org.bgpekko.wire.attribute.PathAttributes;
import org.bgpekko.wire.nlri.InetNlri;
import org.bgpekko.wire.nlri.IpAddress;
import org.bgpekko.wire.nlri.IpPrefix;
import org.bgpekko.wire.nlri.LabeledNlri;
import org.bgpekko.wire.nlri.Labels;
import org.bgpekko.wire.nlri.Nlri;
import org.bgpekko.wire.nlri.NlriBlock;
import org.bgpekko.wire.nlri.NlriCodecs;
import org.bgpekko.wire.nlri.RouteDistinguisher;
import org.bgpekko.wire.nlri.VpnNlri;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class NlriVectorsTest {
    private static final RouteDistinguisher RD_65000_1 = RouteDistinguisher.parse("65000:1");

    private static IpPrefix p(String text) {
        return IpPrefix.parse(text);
    }

    private static InetNlri inet(Family f, long pathId, String prefix) {
        return new InetNlri(f, pathId, p(prefix));
    }

    private static final long NONE = Nlri.NO_PATH_ID;

    /** family, add-path, NLRI, their wire bytes, and a next hop of the family's usual size. */
    static Stream<Arguments> vectors() {
        return Stream.concat(prefixVectors(), FlowNlriVectorsTest.familyVectors());
    }

    private static Stream<Arguments> prefixVectors() {
        Family v4 = Family.IPV4_UNICAST;
        Family v6 = Family.IPV6_UNICAST;
        Family v4m = Family.IPV4_MULTICAST;
        Family v6m = Family.IPV6_MULTICAST;
        Family v4l = Family.IPV4_NLRI_MPLS;
        Family v6l = Family.IPV6_NLRI_MPLS;
        Family v4vpn = Family.IPV4_MPLS_VPN;
        Family v6vpn = Family.IPV6_MPLS_VPN;
        String nh4 = "C0000201";
        String nh6 = "20010DB8000000000000000000000001";
        String rd0 = "0000000000000000";
        return Stream.of(
                Arguments.of(v4, false, List.of(inet(v4, NONE, "10.0.0.0/8"), inet(v4, NONE, "192.0.2.0/24"),
                        inet(v4, NONE, "0.0.0.0/0"), inet(v4, NONE, "192.0.2.1/32")),
                        "080A" + "18C00002" + "00" + "20C0000201", nh4),
                Arguments.of(v4, true, List.of(inet(v4, 1, "10.0.0.0/8"), inet(v4, 0xFFFFFFFFL, "192.0.2.0/25")),
                        "00000001" + "080A" + "FFFFFFFF" + "19C0000200", nh4),
                Arguments.of(v6, false, List.of(inet(v6, NONE, "2001:db8::/32"), inet(v6, NONE, "::/0"),
                        inet(v6, NONE, "2001:db8:1:2::/64"), inet(v6, NONE, "2001:db8::1/128")),
                        "2020010DB8" + "00" + "4020010DB800010002" + "8020010DB8000000000000000000000001", nh6),
                Arguments.of(v6, true, List.of(inet(v6, 7, "2001:db8::/32")), "00000007" + "2020010DB8", nh6),
                Arguments.of(v4m, false, List.of(inet(v4m, NONE, "224.0.0.0/4"), inet(v4m, NONE, "232.1.0.0/16")),
                        "04E0" + "10E801", nh4),
                Arguments.of(v4m, true, List.of(inet(v4m, 2, "224.0.0.0/4")), "00000002" + "04E0", nh4),
                Arguments.of(v6m, false, List.of(inet(v6m, NONE, "ff00::/8")), "08FF", nh6),
                Arguments.of(v6m, true, List.of(inet(v6m, 3, "ff3e::/16")), "00000003" + "10FF3E", nh6),
                // RFC 8277: label 100 with bottom of stack is 0x000641; the length counts the label bits
                Arguments.of(v4l, false, List.of(new LabeledNlri(v4l, NONE, Labels.of(100), p("10.0.0.0/24")),
                        new LabeledNlri(v4l, NONE, Labels.of(100, 200), p("10.0.0.0/24"))),
                        "30" + "000641" + "0A0000" + "48" + "000640" + "000C81" + "0A0000", nh4),
                Arguments.of(v4l, true, List.of(new LabeledNlri(v4l, 1, Labels.of(16), p("192.0.2.1/32"))),
                        "00000001" + "38" + "000101" + "C0000201", nh4),
                Arguments.of(v6l, false, List.of(new LabeledNlri(v6l, NONE, Labels.of(100), p("2001:db8::/32"))),
                        "38" + "000641" + "20010DB8", nh6),
                Arguments.of(v6l, true, List.of(new LabeledNlri(v6l, 9, Labels.of(100), p("2001:db8::/32"))),
                        "00000009" + "38" + "000641" + "20010DB8", nh6),
                // RFC 4364: labels, 8-byte RD, prefix; the VPN next hop is a zero RD and an address
                Arguments.of(v4vpn, false, List.of(new VpnNlri(v4vpn, NONE, Labels.of(100), RD_65000_1,
                        p("10.0.0.0/24")), new VpnNlri(v4vpn, NONE, Labels.of(100),
                        RouteDistinguisher.parse("192.0.2.1:5"), p("10.1.0.0/16"))),
                        "70" + "000641" + "0000FDE800000001" + "0A0000" + "68" + "000641" + "0001C00002010005" + "0A01",
                        rd0 + nh4),
                Arguments.of(v4vpn, true, List.of(new VpnNlri(v4vpn, 4, Labels.of(100),
                        RouteDistinguisher.parse("4200000000:7"), p("10.0.0.0/24"))),
                        "00000004" + "70" + "000641" + "0002FA56EA000007" + "0A0000", rd0 + nh4),
                Arguments.of(v6vpn, false, List.of(new VpnNlri(v6vpn, NONE, Labels.of(100), RD_65000_1,
                        p("2001:db8::/32"))), "78" + "000641" + "0000FDE800000001" + "20010DB8", rd0 + nh6),
                Arguments.of(v6vpn, true, List.of(new VpnNlri(v6vpn, 5, Labels.of(100), RD_65000_1,
                        p("2001:db8::/32"))), "00000005" + "78" + "000641" + "0000FDE800000001" + "20010DB8",
                        rd0 + nh6));
    }

    /** The vectors of every family: these and those of the other families' own vector classes. */
    static Stream<Arguments> allVectors() {
        return Stream.concat(vectors(), FamilyNlriVectorsTest.vectors());
    }

    @Test
    void everyRegisteredFamilyHasVectorsWithAndWithoutAddPath() {
        Set<String> covered = allVectors().map(a -> a.get()[0] + "/" + a.get()[1]).collect(Collectors.toSet());
        for (Family f : NlriCodecs.families()) {
            assertTrue(covered.contains(f + "/false") && covered.contains(f + "/true"), "no vector for " + f);
        }
    }

    @ParameterizedTest(name = "{0} add-path {1}")
    @MethodSource("allVectors")
    void blockVectors(Family family, boolean addPath, List<Nlri> items, String hex, String nextHop) {
        NlriBlock block = NlriBlock.of(family, addPath, items);
        assertEquals(hex, block.bytes().hex());
        assertEquals(items.size(), block.size());
        NlriBlock.Decoding d = NlriBlock.decode(family, hex(hex), 0, hex.length() / 2, addPath);
        assertTrue(d.ok(), d.error());
        assertEquals(items, d.block().toList());
        assertEquals(block, d.block());
    }

    @ParameterizedTest(name = "{0} add-path {1}")
    @MethodSource("allVectors")
    void mpReachAndUnreachVectors(Family family, boolean addPath, List<Nlri> items, String hex, String nextHop) {
        SessionOptions options = SessionOptions.DEFAULT.withAddPath(addPath ? Set.of(family) : Set.of(),
                addPath ? Set.of(family) : Set.of());
        String afiSafi = String.format("%04X%02X", family.afi(), family.safi());
        String reachValue = afiSafi + len8(nextHop) + nextHop + "00" + hex;
        String reach = (reachValue.length() / 2 > 255 ? "900E" + String.format("%04X", reachValue.length() / 2)
                : "800E" + len8(reachValue)) + reachValue;
        String unreach = "800F" + len8(afiSafi + hex) + afiSafi + hex;
        NlriBlock block = NlriBlock.of(family, addPath, items);
        Update expected = new Update(NlriBlock.empty(Family.IPV4_UNICAST), PathAttributes.of(Origin.IGP, AsPath.EMPTY,
                new MpReachNlri(family, Bytes.fromHex(nextHop), block), new MpUnreachNlri(family, block)),
                NlriBlock.empty(Family.IPV4_UNICAST));
        byte[] wire = update("", "40010100" + "400200" + reach + unreach, "");
        assertEquals(Hex.encode(wire), Hex.encode(MessageCodec.encode(expected, options)));
        Update decoded = (Update) MessageCodec.decode(wire, options);
        assertEquals(expected, decoded);
        assertEquals(items, decoded.mpReach().orElseThrow().nlri().toList());
        assertEquals(items, decoded.mpUnreach().orElseThrow().nlri().toList());
    }

    @Test
    void ipv4UnicastInTheUpdateFields() {
        SessionOptions addPath = SessionOptions.DEFAULT.withAddPath(Set.of(Family.IPV4_UNICAST), Set.of(Family.IPV4_UNICAST));
        byte[] wire = update("00000001" + "18C00002", "40010100" + "400200" + "400304C0000201", "00000002" + "080A");
        Update u = (Update) MessageCodec.decode(wire, addPath);
        assertEquals(List.of(inet(Family.IPV4_UNICAST, 1, "192.0.2.0/24")), u.withdrawn().toList());
        assertEquals(List.of(inet(Family.IPV4_UNICAST, 2, "10.0.0.0/8")), u.nlri().toList());
        assertEquals(Hex.encode(wire), Hex.encode(MessageCodec.encode(u, addPath)));
        // the same session sending without path ids drops them
        SessionOptions receiveOnly = addPath.withAddPath(Set.of(Family.IPV4_UNICAST), Set.of());
        assertEquals(Hex.encode(update("18C00002", "40010100" + "400200" + "400304C0000201", "080A")),
                Hex.encode(MessageCodec.encode(u, receiveOnly)));
    }

    @Test
    void withdrawLabelEndsTheStack() {
        // RFC 8277 section 2.4: withdrawals may carry 0x800000 as the label
        Family f = Family.IPV4_NLRI_MPLS;
        LabeledNlri w = new LabeledNlri(f, NONE, new Labels(List.of(Labels.WITHDRAW_ENTRY)), p("10.0.0.0/24"));
        assertEquals("30" + "800000" + "0A0000", NlriBlock.of(f, false, w).bytes().hex());
        assertEquals(List.of(w), NlriBlock.decode(f, hex("308000000A0000"), 0, 7, false).block().toList());
    }

    @Test
    void prefixLengthsBeyondTheAddressAreRefused() {
        assertFalse(NlriBlock.decode(Family.IPV4_UNICAST, hex("210A00000000"), 0, 6, false).ok());
        assertFalse(NlriBlock.decode(Family.IPV6_UNICAST, hex("81" + "00".repeat(17)), 0, 18, false).ok());
        assertFalse(NlriBlock.decode(Family.IPV4_UNICAST, hex("180A00"), 0, 3, false).ok()); // truncated
        assertFalse(NlriBlock.decode(Family.IPV4_UNICAST, hex("000000"), 0, 3, true).ok()); // path id truncated
        // VPN: 64 + 33 bits of prefix after one label
        assertFalse(NlriBlock.decode(Family.IPV4_MPLS_VPN, hex("79" + "000641" + "0000FDE800000001" + "0A00000000"),
                0, 17, false).ok());
        // a labeled length too short for its label
        assertFalse(NlriBlock.decode(Family.IPV4_MPLS_VPN, hex("20" + "000641"), 0, 4, false).ok());
    }

    @Test
    void anNlriLongerThanItsLengthByteCanHoldIsRefused() {
        // 3 labels + RD + /128 = 264 bits: the one-byte length field cannot say it
        VpnNlri tooLong = new VpnNlri(Family.IPV6_MPLS_VPN, NONE, Labels.of(1, 2, 3), RD_65000_1, p("2001:db8::1/128"));
        assertThrows(IllegalArgumentException.class, () -> NlriBlock.of(Family.IPV6_MPLS_VPN, false, tooLong));
        // 2 labels fit: 48 + 64 + 128 = 240
        VpnNlri fits = new VpnNlri(Family.IPV6_MPLS_VPN, NONE, Labels.of(1, 2), RD_65000_1, p("2001:db8::1/128"));
        assertEquals("F0", NlriBlock.of(Family.IPV6_MPLS_VPN, false, fits).bytes().hex().substring(0, 2));
    }

    // ================================================================ IPv6 text as glibc's inet_ntop writes it

    @ParameterizedTest(name = "{1}")
    @CsvSource({
        "00000000000000000000000000000001, ::1",
        "00000000000000000000000000000000, ::",
        "20010DB8000000000000000000000001, 2001:db8::1",
        "00000000000000000000FFFF01020304, ::ffff:1.2.3.4",
        "00000000000000000000000001020304, ::1.2.3.4",
        "00000000000000000000FFFF00000000, ::ffff:0.0.0.0",
        "00010000000000020000000000030004, 1::2:0:0:3:4",
        "00010000000000020000000000000003, 1:0:0:2::3",
        "00010000000200030004000500060007, 1:0:2:3:4:5:6:7",
        "00010000000000000000000000000000, 1::",
        "FE800000000000000000000000010002, fe80::1:2",
        "00000000000000000000000100000000, ::1:0:0",
        "20010DB80000000100000000000000AB, 2001:db8:0:1::ab",
        "ABCD00000000FFFF0000000000000000, abcd:0:0:ffff::",
    })
    void ipv6Text(String hex, String text) {
        IpAddress a = IpAddress.read(hex(hex), 0, 16);
        assertEquals(text, a.toString());
        assertEquals(a, IpAddress.parse(text));
    }

    @Test
    void ipv4Text() {
        assertEquals("192.0.2.1", IpAddress.read(hex("C0000201"), 0, 4).toString());
        assertEquals("0.0.0.0", IpAddress.ipv4(0).toString());
        assertEquals("255.255.255.255", IpAddress.ipv4(0xFFFFFFFFL).toString());
    }

    // ================================================================ route distinguishers (RFC 4364 section 4.2)

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "65000:1, 0000FDE800000001, 0",
        "0:4294967295, 00000000FFFFFFFF, 0",
        "192.0.2.1:5, 0001C00002010005, 1",
        "4200000000:7, 0002FA56EA000007, 2",
        "65536:65535, 000200010000FFFF, 2",
    })
    void routeDistinguishers(String text, String hex, int type) {
        RouteDistinguisher rd = RouteDistinguisher.parse(text);
        assertEquals(type, rd.type());
        WireWriter w = new WireWriter();
        rd.write(w);
        assertEquals(hex, Hex.encode(w.toArray()));
        assertEquals(rd, RouteDistinguisher.read(hex(hex), 0));
        assertEquals(text, rd.toString());
    }

    @Test
    void routeDistinguisherRangesAreChecked() {
        for (String bad : new String[] {"65000", "65000:", ":1", "192.0.2.1:65536", "4200000000:65536",
                                        "4294967296:1", "65000:4294967296", "a:1", "-1:1"}) {
            assertThrows(IllegalArgumentException.class, () -> RouteDistinguisher.parse(bad), bad);
        }
        assertEquals("0003000000000001", new RouteDistinguisher(0x0003000000000001L).toString());
    }
}
