// The VPLS, MVPN, MUP and SRv6 prefix-SID configuration: routes built from ExaBGP's words, the errors with their
// positions, and routes of these families under checks made for prefix routes.
package org.bgpekko.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.bgpekko.wire.Hex;
import org.bgpekko.wire.WireWriter;
import org.bgpekko.wire.attribute.AttributeCodecs;
import org.bgpekko.wire.attribute.PathAttribute;
import org.bgpekko.wire.attribute.PrefixSid;
import org.bgpekko.wire.nlri.IpAddress;
import org.bgpekko.wire.nlri.MupNlri;
import org.bgpekko.wire.nlri.MvpnNlri;
import org.bgpekko.wire.nlri.Nlri;
import org.bgpekko.wire.nlri.NlriCodecs;
import org.bgpekko.wire.nlri.VplsNlri;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FamilyConfigTest {
    private static final Path F = Path.of("f.conf");

    /** A valid IPv4 neighbor of every family here; {@code extra} goes inside it from line 7 on. */
    private static String neighbor(String extra) {
        return "neighbor 10.0.0.2 {\n"
                + "    router-id 10.0.0.1;\n"
                + "    local-address 10.0.0.1;\n"
                + "    local-as 65001;\n"
                + "    peer-as 65001;\n"
                + "    family { ipv4 mcast-vpn; ipv6 mcast-vpn; ipv4 mup; ipv6 mup; l2vpn vpls; }\n"
                + extra
                + "}\n";
    }

    private static List<String> errors(String text) {
        return ConfigParser.check(F, text).errors().stream().map(ConfigException::describe).toList();
    }

    private static List<RouteConfig> routes(String extra) {
        ConfigParser.Result r = ConfigParser.check(F, neighbor(extra));
        assertEquals(List.of(), r.errors().stream().map(ConfigException::describe).toList());
        return r.configuration().neighbors().get(0).routes();
    }

    private static String wire(Nlri n) {
        WireWriter w = new WireWriter();
        NlriCodecs.get(n.family()).encode(n, false, w);
        return Hex.encode(w.toArray());
    }

    private static String value(PathAttribute a) {
        WireWriter w = new WireWriter();
        AttributeCodecs.encode(a, w, org.bgpekko.wire.SessionOptions.DEFAULT);
        return Hex.encode(w.toArray());
    }

    @Test
    void vplsLineAndBlockGiveConfLayer2Routes() {
        List<RouteConfig> rs = routes("    l2vpn {\n"
                + "        vpls rd 192.168.201.1:123 endpoint 5 base 10702 offset 1 size 8 next-hop 192.168.201.1;\n"
                + "        vpls site5 { endpoint 5; base 10732; offset 1; size 8; rd 192.168.201.1:124;"
                + " next-hop 192.168.201.1; }\n"
                + "    }\n");
        assertEquals("00110001C0A8C901007B000500010008029CE1", wire(rs.get(0).nlri()));
        assertEquals("00110001C0A8C901007C000500010008029EC1", wire(rs.get(1).nlri()));
        assertEquals("site5", rs.get(1).name());
        assertEquals(Optional.of(IpAddress.parse("192.168.201.1")), rs.get(0).nextHop());
    }

    @Test
    void mvpnRoutesAreTheConformanceBytes() {
        List<RouteConfig> rs = routes("    announce { ipv4 {\n"
                + "        mcast-vpn shared-join rp 10.99.199.1 group 239.251.255.228 rd 65000:99999 source-as 65000"
                + " next-hop 10.10.6.3;\n"
                + "        mcast-vpn source-ad source 10.99.12.4 group 239.251.255.228 rd 65000:99999"
                + " next-hop 10.10.6.4;\n"
                + "    } }\n");
        assertInstanceOf(MvpnNlri.class, rs.get(0).nlri());
        assertEquals("06160000FDE80001869F0000FDE8200A63C70120EFFBFFE4", wire(rs.get(0).nlri()));
        assertEquals("05120000FDE80001869F200A630C0420EFFBFFE4", wire(rs.get(1).nlri()));
    }

    @Test
    void mupRoutesMapAnIpv4NextHopOfIpv6Routes() {
        List<RouteConfig> rs = routes("    announce {\n"
                + "        ipv4 { mup mup-t2st 10.0.0.1 rd 100:100 teid 12345/23 next-hop 10.0.0.2; }\n"
                + "        ipv6 { mup mup-t1st 2001:db8:1:1::2/128 rd 100:100 teid 12345 qfi 9 endpoint 2001::1"
                + " source 2002::2 next-hop 10.0.0.2; }\n"
                + "    }\n");
        assertInstanceOf(MupNlri.class, rs.get(0).nlri());
        assertEquals("010004100000006400000064370A000001003039", wire(rs.get(0).nlri()));
        assertEquals(Optional.of(IpAddress.parse("10.0.0.2")), rs.get(0).nextHop());
        assertEquals(Optional.of(IpAddress.parse("::ffff:10.0.0.2")), rs.get(1).nextHop());
    }

    @Test
    void srv6PrefixSidIsTheRfc9252ServiceTlv() {
        List<RouteConfig> rs = routes("    announce { ipv4 { mup mup-isd 10.0.1.0/24 rd 100:100 next-hop 2001::1"
                + " bgp-prefix-sid-srv6 ( l3-service 2001:db8:1:1:: 0x48 [64,24,16,0,0,0] ); } }\n");
        PrefixSid sid = rs.get(0).attributes().get(PrefixSid.class).orElseThrow();
        assertEquals("C028250500220001001E0020010DB80001000100000000000000000000480001000640181000000" + "0",
                value(sid)); // api-ipv4's bytes
        List<RouteConfig> bare = routes("    announce { ipv4 { mup mup-isd 10.0.1.0/24 rd 100:100 next-hop 2001::1"
                + " bgp-prefix-sid-srv6 ( l2-service 2001:db8:: ); } }\n");
        assertEquals("C0281C0600190001001500" + "20010DB8000000000000000000000000" + "00FFFF00",
                value(bare.get(0).attributes().get(PrefixSid.class).orElseThrow()));
    }

    /** The neighbor's lines; the CSV source trims their indentation, so columns count from the first word. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "    l2vpn { vpls endpoint 5 base 10702 offset 1 size 8 next-hop 1.1.1.1; }|f.conf:7:9: vpls route has no rd",
        "    l2vpn { vpls endpoint 5 base 1048570 offset 1 size 8 rd 1:1 next-hop 1.1.1.1; }|f.conf:7:30: vpls label"
                + " base 1048570 plus size 8 exceeds the 20-bit label range",
        "    l2vpn { vpls endpoint 5 base 1 offset 1 size 8 rd 1:1 next-hop 1.1.1.1 label 5; }|f.conf:7:72: 'label'"
                + " is not a word of this family's routes",
        "    l2vpn { route 10.0.0.0/8 next-hop 1.1.1.1; }|f.conf:7:9: unexpected 'route' in l2vpn (expected vpls)",
        "    announce { ipv4 { mcast-vpn shared-join rp 10.0.0.1 group 239.1.1.1 rd 1:1 next-hop 1.1.1.1; } }"
                + "|f.conf:7:29: MVPN shared-join route has no source-as",
        "    announce { ipv4 { mcast-vpn source-ad source fd00::1 group 239.1.1.1 rd 1:1 next-hop 1.1.1.1; } }"
                + "|f.conf:7:46: source address fd00::1 is not an ipv4 address (the route is ipv4 mcast-vpn)",
        "    announce { ipv4 { mcast-vpn source-ad source 10.0.0.1 group 239.1.1.1 rd 1:1 source-as 1"
                + " next-hop 1.1.1.1; } }|f.conf:7:78: unknown route attribute 'source-as' (expected next-hop, origin,"
                + " as-path, med, local-preference, community, large-community, extended-community, originator-id,"
                + " cluster-list, atomic-aggregate, aggregator, rd, label, path-information, split, name, watchdog,"
                + " withdraw, attribute, bgp-prefix-sid or bgp-prefix-sid-srv6)",
        "    announce { ipv4 { mcast-vpn inter-as rd 1:1 next-hop 1.1.1.1; } }|f.conf:7:29: unknown MVPN route type"
                + " 'inter-as' (expected source-ad, shared-join or source-join)",
        "    announce { ipv4 { mup mup-t2st 10.0.0.1 rd 1:1 teid 12345/8 next-hop 1.1.1.1; } }|f.conf:7:53: TEID"
                + " 12345 does not fit 8 bits",
        "    announce { ipv4 { mup mup-t1st 10.0.0.1/32 rd 1:1 teid 1 endpoint 10.0.0.2 next-hop 1.1.1.1; } }"
                + "|f.conf:7:23: MUP mup-t1st route has no qfi",
        "    announce { ipv4 { mup mup-isd 10.0.1.0/24 rd 1:1 next-hop 2001::1 bgp-prefix-sid-srv6 ( l3-service"
                + " 10.0.0.1 0x48 ); } }|f.conf:7:100: SRv6 SID 10.0.0.1 must be an IPv6 address",
        "    announce { ipv4 { mup mup-isd 10.0.1.0/24 rd 1:1 next-hop 2001::1 bgp-prefix-sid-srv6 ( l3-service"
                + " 2001:: 0x48 [ 64, 24 ] ); } }|f.conf:7:121: expected ',' between the six SID structure lengths",
        "    announce { l2vpn { evpn rd 1:1 next-hop 1.1.1.1; } }|f.conf:7:20: family l2vpn evpn has no routes a"
                + " configuration can announce (expected vpls)",
    })
    void errorsNameTheWord(String extra, String expected) {
        assertEquals(List.of(expected), errors(neighbor(extra + "\n")));
    }

    @Test
    void aRouteOfAFamilyTheNeighborLacksIsNamedByItsFamily() {
        String text = "neighbor 10.0.0.2 {\n    router-id 10.0.0.1;\n    local-address 10.0.0.1;\n"
                + "    local-as 1;\n    peer-as 1;\n    family { ipv4 unicast; }\n"
                + "    l2vpn { vpls endpoint 5 base 1 offset 1 size 8 rd 1:1 next-hop 1.1.1.1; }\n}\n";
        assertEquals(List.of("f.conf:7:13: route is l2vpn vpls but neighbor 10.0.0.2 does not announce that family"
                + " (expected l2vpn vpls in its family block)"), errors(text));
    }

    @Test
    void vplsRoutesTakeNextHopSelf() {
        RouteConfig r = routes("    l2vpn { vpls endpoint 5 base 1 offset 1 size 8 rd 1:1 next-hop self; }\n").get(0);
        assertInstanceOf(VplsNlri.class, r.nlri());
        assertEquals(Optional.empty(), r.nextHop());
    }
}
