// The flow section, the flat and announce forms: components and operators as ExaBGP reads them, actions as
// extended communities, next hops, and each error with its position.
package org.bgpekko.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.bgpekko.wire.Family;
import org.bgpekko.wire.attribute.Communities;
import org.bgpekko.wire.attribute.ExtendedCommunities;
import org.bgpekko.wire.attribute.ExtendedCommunity;
import org.bgpekko.wire.attribute.Ipv6ExtendedCommunities;
import org.bgpekko.wire.attribute.Ipv6ExtendedCommunity;
import org.bgpekko.wire.attribute.PathAttributes;
import org.bgpekko.wire.nlri.FlowMatch;
import org.bgpekko.wire.nlri.FlowNlri;
import org.bgpekko.wire.nlri.FlowOp;
import org.bgpekko.wire.nlri.FlowPrefix;
import org.bgpekko.wire.nlri.IpAddress;
import org.bgpekko.wire.nlri.IpPrefix;
import org.bgpekko.wire.nlri.RouteDistinguisher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FlowParserTest {
    private static final Path F = Path.of("f.conf");

    /** A neighbor with all four flow families; {@code flow} goes inside it from line 7 on. */
    private static String neighbor(String flow) {
        return "neighbor 10.0.0.2 {\n    router-id 10.0.0.1;\n    local-address 10.0.0.1;\n    local-as 65001;\n"
                + "    peer-as 65001;\n    family { ipv4 flow; ipv6 flow; ipv4 flow-vpn; ipv6 flow-vpn; ipv4 unicast; }\n"
                + flow + "}\n";
    }

    private static RouteConfig route(String flowSection) {
        List<RouteConfig> routes = ConfigParser.parse(F, neighbor(flowSection)).neighbors().get(0).routes();
        assertEquals(1, routes.size());
        return routes.get(0);
    }

    private static FlowNlri nlri(String flowSection) {
        return (FlowNlri) route(flowSection).nlri();
    }

    private static FlowNlri match(String words) {
        return nlri("    flow { route r { match { " + words + " } then { discard; } } }\n");
    }

    private static FlowOp op(int flags, int length, long value) {
        return new FlowOp(flags, length, value);
    }

    private static List<String> errors(String flowSection) {
        return ConfigParser.check(F, neighbor(flowSection)).errors().stream().map(ConfigException::describe).toList();
    }

    @Test
    void numericOperatorsAndValueWidths() {
        FlowNlri n = match("destination-port [ >8080&<8088 =3128 ]; source-port >=1024&<=65535; port [ !=0 true "
                + "false5 ]; packet-length 0; protocol [ tcp =udp 0x84 ];");
        assertEquals(List.of(new FlowMatch(3, List.of(op(1, 1, 6), op(1, 1, 17), op(1, 1, 132))),
                new FlowMatch(4, List.of(op(6, 1, 0), op(7, 1, 0), op(0, 1, 5))),
                new FlowMatch(5, List.of(op(2, 2, 8080), op(0x44, 2, 8088), op(1, 2, 3128))),
                new FlowMatch(6, List.of(op(3, 2, 1024), op(0x45, 2, 65535))),
                new FlowMatch(10, List.of(op(1, 1, 0)))), n.components());
        assertEquals("flow protocol [ =tcp =udp =sctp ] port [ !=0 true false ] destination-port [ >8080&<8088 =3128 ]"
                + " source-port [ >=1024&<=65535 ] packet-length =0", n.toString());
    }

    @Test
    void bitmaskOperatorsNamesAndSums() {
        FlowNlri n = match("tcp-flags [ SYN RST&FIN&!=push urgent+ack 0x100 ]; fragment [ !is-fragment =dont-fragment ];");
        assertEquals(List.of(new FlowMatch(9, List.of(op(0, 1, 2), op(0, 1, 4), op(0x40, 1, 1), op(0x43, 1, 8),
                op(0, 1, 0x30), op(0, 2, 0x100))), new FlowMatch(12, List.of(op(2, 1, 2), op(1, 1, 1)))),
                n.components());
    }

    @Test
    void repeatedKeywordsAddToTheirComponentAndComponentsAreSortedByType() {
        FlowNlri n = match("port =80; source 10.0.0.0/8; port =443; destination 192.0.2.0/24;");
        assertEquals("flow destination-ipv4 192.0.2.0/24 source-ipv4 10.0.0.0/8 port [ =80 =443 ]", n.toString());
    }

    @Test
    void ipv6FlowsFlowVpnAndTheirOwnKeywords() {
        FlowNlri n = match("source ::1/128/120; destination-ipv6 2001:db8::/32; next-header udp; traffic-class 200; "
                + "flow-label >100&<70000; icmp-type echo-request; icmp-code host-unreachable;");
        assertEquals(Family.IPV6_FLOW, n.family());
        assertEquals(new FlowPrefix(2, IpPrefix.parse("::1/128"), 120), n.components().get(1));
        assertEquals(new FlowMatch(13, List.of(op(2, 1, 100), op(0x44, 4, 70000))), n.components().get(6));
        assertEquals("flow destination-ipv6 2001:db8::/32/0 source-ipv6 ::1/128/120 next-header =udp icmp-type "
                + "=echo-request icmp-code =1 traffic-class =200 flow-label [ >100&<70000 ]", n.toString());
        FlowNlri vpn = nlri("    flow { route { rd 65000:7; match { source 10.0.0.0/8; } then { accept; } } }\n");
        assertEquals(Family.IPV4_FLOW_VPN, vpn.family());
        assertEquals(RouteDistinguisher.parse("65000:7"), vpn.rd());
    }

    @Test
    void actionsAreExtendedCommunitiesSortedAndMerged() {
        RouteConfig r = route("    flow { route r { match { source 10.0.0.0/8; } then { rate-limit 9600; "
                + "redirect 65500:12345; mark 10; action sample-terminal; community [ 2:2 1:1 ]; "
                + "extended-community [ origin:2345:6.7.8.9 ]; redirect-to-nexthop-ietf 1.2.3.4; "
                + "redirect-to-nexthop-ietf 2a02:b80:0:1::1; } scope { interface-set [ transitive:output:254:254 "
                + "non-transitive:input:3405770241:1 ]; } } }\n");
        assertEquals(PathAttributes.of(Communities.normalised(List.of(0x10001L, 0x20002L)),
                ExtendedCommunities.sorted(List.of(new ExtendedCommunity(0x0003092906070809L),
                        new ExtendedCommunity(0x010C010203040000L), new ExtendedCommunity(0x0702000000FE80FEL),
                        new ExtendedCommunity(0x4702CAFFEE014001L), new ExtendedCommunity(0x8006000046160000L),
                        new ExtendedCommunity(0x8007000000000003L), new ExtendedCommunity(0x8008FFDC00003039L),
                        new ExtendedCommunity(0x800900000000000AL))),
                new Ipv6ExtendedCommunities(List.of(new Ipv6ExtendedCommunity(0, 0x0C,
                        IpAddress.parse("2a02:b80:0:1::1"), 0)))), r.attributes());
        assertEquals(Optional.of(FlowParser.NO_NEXT_HOP), r.nextHop());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // then words | next hop ('self' = empty) | extended communities
        "redirect 1.2.3.4;|1.2.3.4|0800000000000000",
        "redirect 2001:db8::1;|2001:db8::1|0800000000000000",
        "copy 1.2.3.4;|1.2.3.4|0800000000000001",
        "redirect 258:33756718;|0.0.0.0|800801020203162E",
        "redirect 4200000000:7;|0.0.0.0|8208FA56EA000007",
        "redirect-to-nexthop;|0.0.0.0|0800000000000000",
        "discard; rate-limit 1250000000;|0.0.0.0|8006000000000000 800600004E9502F9",
    })
    void redirectsSetTheNextHop(String then, String nextHop, String extended) {
        RouteConfig r = route("    flow { route r { match { destination 10.0.0.0/8; } then { " + then + " } } }\n");
        assertEquals(Optional.of(IpAddress.parse(nextHop)), r.nextHop());
        List<ExtendedCommunity> values = java.util.Arrays.stream(extended.split(" "))
                .map(h -> new ExtendedCommunity(Long.parseUnsignedLong(h, 16))).toList();
        assertEquals(ExtendedCommunities.sorted(values), r.attributes().get(ExtendedCommunities.class).orElseThrow());
    }

    @Test
    void nextHopSettingsAndTheirOrder() {
        assertEquals(Optional.empty(), route("    flow { route r { next-hop self; match { destination 10.0.0.0/8; } "
                + "then { redirect-to-nexthop; } } }\n").nextHop());
        // ExaBGP: a redirect to a route target clears the next hop set before it
        assertEquals(Optional.of(FlowParser.NO_NEXT_HOP), route("    flow { route r { next-hop 5.6.7.8; match { "
                + "destination 10.0.0.0/8; } then { redirect 1:1; } } }\n").nextHop());
    }

    @Test
    void flatFormsInAFlowSectionAndUnderAnnounce() {
        RouteConfig flat = route("    flow { route source 10.0.0.0/8 discard interface-set transitive:input:1:2; }\n");
        assertEquals("flow source-ipv4 10.0.0.0/8", flat.nlri().toString());
        RouteConfig announced = route("    announce { ipv6 { flow destination 2001:db8::/32 discard; } }\n");
        assertEquals(Family.IPV6_FLOW, announced.nlri().family());
        RouteConfig vpn = route("    announce { ipv4 { flow-vpn rd 1:1 source 10.0.0.0/8 next-hop 1.2.3.4 "
                + "redirect-to-nexthop; } }\n");
        assertEquals(Family.IPV4_FLOW_VPN, vpn.nlri().family());
        assertEquals(Optional.of(IpAddress.parse("1.2.3.4")), vpn.nextHop());
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', ignoreLeadingAndTrailingWhitespace = false, value = {
        "    flow { route r { match { bogus 1; } } }|f.conf:7:30: unknown match keyword 'bogus' (expected",
        "    flow { route r { match { source 10.0.0.0; } } }|f.conf:7:37: '10.0.0.0' is not a flow prefix (expected ADDRESS/LENGTH, or ADDRESS/LENGTH/OFFSET for IPv6)",
        "    flow { route r { match { source 10.0.0.0/8/1; } } }|f.conf:7:37: '10.0.0.0/8/1' is not a flow prefix (only IPv6 prefixes have an offset)",
        "    flow { route r { match { source ::/64/64; } } }|f.conf:7:37: '::/64/64' is not a flow prefix (offset 64 must be smaller than the prefix length 64)",
        "    flow { route r { match { source 10.0.0.0/8; destination ::/0; } } }|f.conf:7:61: '::/0' is not of the same address family as 10.0.0.0/8",
        "    flow { route r { match { source 10.0.0.0/8; source 10.1.0.0/16; } } }|f.conf:7:49: source given twice (RFC 8955 allows each component once)",
        "    flow { route r { match { flow-label 5; } } }|f.conf:7:30: flow-label needs an IPv6 flow (a source or destination IPv6 prefix)",
        "    flow { route r { match { dscp 64; } } }|f.conf:7:35: dscp value 64 is out of range (expected 0..63) in '64'",
        "    flow { route r { match { protocol 300; } } }|f.conf:7:39: protocol value 300 is out of range (expected 0..255) in '300'",
        "    flow { route r { match { port =http; } } }|f.conf:7:35: unknown port 'http' (expected a number) in '=http'",
        "    flow { route r { match { port >80&; } } }|f.conf:7:35: '>80&' ends with '&' (expected another condition after it)",
        "    flow { route r { match { port !80; } } }|f.conf:7:35: '!80' is not a numeric condition (expected !=, =, <, >, <=, >=)",
        "    flow { route r { match { tcp-flags [ ]; } } }|f.conf:7:43: missing tcp-flags values (expected at least one in the list)",
        "    flow { route r { match { tcp-flags bogus; } } }|f.conf:7:40: unknown tcp flag 'bogus' (expected a number or one of fin, syn, rst, push, ack, urg, ece, cwr, ns, urgent) in 'bogus'",
        "    flow { route r { then { rate-limit 1000000000001; } } }|f.conf:7:40: rate-limit 1000000000001 is above 1000000000000 (ExaBGP would send 1000000000000 instead; write that)",
        "    flow { route r { then { redirect 1.2.3.4:5; } } }|f.conf:7:38: redirect IP:N is not supported, as in ExaBGP (expected AS:N, or an IP to redirect to as next hop)",
        "    flow { route r { then { redirect 70000:70000; } } }|f.conf:7:38: redirect value (16 bits with a 4-byte AS) 70000 out of range in '70000:70000' (expected 0..65535)",
        "    flow { route r { then { mark 64; } } }|f.conf:7:34: DSCP 64 out of range (expected 0..63)",
        "    flow { route r { then { action bogus; } } }|f.conf:7:36: 'bogus' is not a flow action (expected sample, terminal or sample-terminal)",
        "    flow { route r { then { bogus; } } }|f.conf:7:29: unknown then keyword 'bogus' (expected accept, discard",
        "    flow { route r { scope { interface-set transitive:in:1:1; } } }|f.conf:7:44: 'in' in 'transitive:in:1:1' is not input, output or input-output",
        "    flow { route r { scope { interface-set transitive:input:1:16384; } } }|f.conf:7:44: interface-set group id (14 bits) 16384 out of range in 'transitive:input:1:16384' (expected 0..16383)",
        "    flow { route r { bogus 1; } }|f.conf:7:22: unknown flow route setting 'bogus' (expected rd, next-hop, or the sections match, scope and then)",
        "    flow { route r { other { } } }|f.conf:7:22: unknown section 'other' in a flow route (expected match, scope or then)",
        "    flow { static 1; }|f.conf:7:12: unexpected 'static' in flow (expected route)",
        "    announce { ipv4 { flow-vpn source 10.0.0.0/8; } }|f.conf:7:32: this ipv4 flow-vpn route needs an rd",
        "    announce { ipv4 { flow source ::/0; } }|f.conf:7:35: '::/0' is not an ipv4 prefix",
    })
    void errorsNameTheWordAndWhatWasExpected(String flow, String expected) {
        List<String> errors = errors(flow + "\n");
        assertEquals(1, errors.size(), errors.toString());
        org.junit.jupiter.api.Assertions.assertTrue(errors.get(0).startsWith(expected), errors.get(0));
    }

    /**
     * A flow must fit one 4096-byte UPDATE with its actions (decisions D14, UpdateFit): 1,345 port conditions (4,035
     * bytes, 4,105 with a path id) do not; 1,340 do: a flow without a redirect address has an empty MP next hop.
     */
    @Test
    void aFlowTooLargeForAnUpdate() {
        List<String> errors = errors("    flow { route big { match { port [" + ports(1345)
                + " ]; } then { discard; } } }\n");
        assertEquals(1, errors.size());
        org.junit.jupiter.api.Assertions.assertTrue(errors.get(0).startsWith(
                "f.conf:7:18: flow route flow port [ =1000 "), errors.get(0));
        org.junit.jupiter.api.Assertions.assertTrue(errors.get(0).contains("… cannot be sent: it needs an UPDATE of "
                + "4105 bytes"), errors.get(0));
        assertEquals(List.of(), errors("    flow { route ok { match { port [" + ports(1340)
                + " ]; } then { discard; } } }\n"));
    }

    private static String ports(int n) {
        StringBuilder ports = new StringBuilder();
        for (int i = 0; i < n; i++) {
            ports.append(" =").append(1000 + i);
        }
        return ports.toString();
    }

    @Test
    void aFlowOfAFamilyTheNeighborDoesNotAnnounce() {
        String conf = "neighbor 10.0.0.2 {\n    local-address 10.0.0.1;\n    local-as 1;\n    peer-as 1;\n"
                + "    family { ipv4 unicast; }\n    flow { route block-it { match { source 10.0.0.0/8; } } }\n}\n";
        assertEquals(List.of("f.conf:6:18: flow route block-it is ipv4 flow but neighbor 10.0.0.2 does not announce "
                + "that family (expected ipv4 flow in its family block)"),
                ConfigParser.check(F, conf).errors().stream().map(ConfigException::describe).toList());
    }
}
