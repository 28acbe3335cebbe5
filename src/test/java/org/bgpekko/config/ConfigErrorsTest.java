// Each error the parser reports, with its message and position; the semantic checks ExaBGP makes; vectors of
// the bugs fixed while finishing issue 3.
package org.bgpekko.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigErrorsTest {
    private static final Path F = Path.of("e.conf");

    /** A valid IPv4 neighbor; {@code extra} goes inside it (from line 6 on). */
    private static String neighbor(String extra) {
        return "neighbor 10.0.0.2 {\n"
                + "    router-id 10.0.0.1;\n"
                + "    local-address 10.0.0.1;\n"
                + "    local-as 65001;\n"
                + "    peer-as 65002;\n"
                + extra
                + "}\n";
    }

    private static List<String> errors(String text) {
        return ConfigParser.check(F, text).errors().stream().map(ConfigException::describe).toList();
    }

    private static void error(String text, String expected) {
        assertEquals(List.of(expected), errors(text));
    }

    @Test
    void theBaseIsValid() {
        assertEquals(List.of(), errors(neighbor("    static { route 10.1.0.0/16 next-hop self; }\n")));
    }

    @Test
    void valuesOutOfRange() {
        error(neighbor("    hold-time 2;\n"), "e.conf:6:15: hold time 2 is invalid (expected 0 or 3..65535)");
        error(neighbor("    hold-time 70000;\n"), "e.conf:6:15: hold time 70000 out of range (expected 0..65535)");
        error(neighbor("    static { route 10.0.0.0/33 next-hop 1.1.1.1; }\n"),
                "e.conf:6:20: '10.0.0.0/33' is not a prefix (prefix length 33 out of range 0..32 in '10.0.0.0/33')");
        error(neighbor("    static { route 10.0.0.0/8 next-hop 300.1.1.1; }\n"),
                "e.conf:6:40: '300.1.1.1' is not an IP address (expected next-hop address or self)");
        error(neighbor("    static { route 10.0.0.0/8 next-hop 1.1.1.1 label 1048576; }\n"),
                "e.conf:6:54: label 1048576 out of range (expected 0..1048575)");
        error(neighbor("    static { route 10.0.0.0/8 next-hop 1.1.1.1 med 4294967296; }\n"),
                "e.conf:6:52: MED 4294967296 out of range (expected 0..4294967295)");
        error(neighbor("    static { route 10.0.0.0/8 next-hop 1.1.1.1 as-path [ 1 4294967296 ]; }\n"),
                "e.conf:6:60: AS number 4294967296 out of range (expected 0..4294967295)");
        error(neighbor("").replace("65002;", "4294967296;"),
                "e.conf:5:13: peer-as 4294967296 out of range (expected 0..4294967295)");
        error(neighbor("    static { route 10.0.0.0/8 next-hop 1.1.1.1 split /33; }\n"),
                "e.conf:6:54: split /33 is longer than an address (expected at most /32)");
    }

    /** Issue 11 item 9: raw MP_REACH_NLRI / MP_UNREACH_NLRI were accepted, then silently not sent. */
    @Test
    void rawMultiprotocolAttributesAreRefused() {
        error(neighbor("    static { route 10.0.0.0/8 next-hop 1.1.1.1 attribute [ 14 0x80 0x0002011020 ]; }\n"),
                "e.conf:6:60: attribute 14 (MP_REACH_NLRI) cannot be given raw: routes of other families are "
                        + "announced with their own prefix and next-hop");
        error(neighbor("    static { route 10.0.0.0/8 next-hop 1.1.1.1 attribute [ 0x0F 0x80 0x000201 ]; }\n"),
                "e.conf:6:60: attribute 15 (MP_UNREACH_NLRI) cannot be given raw: routes of other families are "
                        + "withdrawn with their own prefix");
    }

    @Test
    void asNumbersMayBeAutoOrAsdotLikeExaBgp() {
        Configuration c = ConfigParser.parse(F, neighbor("").replace("65001;", "auto;").replace("65002;", "1.10;"));
        assertEquals(NeighborConfig.AUTO_AS, c.neighbors().get(0).localAs());
        assertEquals(65546, c.neighbors().get(0).peerAs());
        Configuration absent = ConfigParser.parse(F, neighbor("").replace("    peer-as 65002;\n", ""));
        assertEquals(NeighborConfig.AUTO_AS, absent.neighbors().get(0).peerAs());
    }

    @Test
    void routerIdIsRequiredWithoutAnIpv4LocalAddress() {
        error(neighbor("").replace("    router-id 10.0.0.1;\n", "").replace("10.0.0.1;", "auto;"),
                "e.conf:1:10: neighbor 10.0.0.2 has no router-id (expected router-id, or an IPv4 local-address to "
                        + "take it from)");
        assertEquals(List.of(), errors(neighbor("").replace("    router-id 10.0.0.1;\n", "")));
    }

    @Test
    void localAndPeerAddressMustBeOfOneFamily() {
        error(neighbor("").replace("local-address 10.0.0.1", "local-address ::1"),
                "e.conf:3:19: local-address ::1 and peer address 10.0.0.2 must be of the same family");
    }

    @Test
    void nextHopFamilyMustMatchTheRoute() {
        error(neighbor("    static { route 10.0.0.0/8 next-hop 2001:db8::1; }\n"),
                "e.conf:6:20: route 10.0.0.0/8 of ipv4 unicast has the IPv6 next hop 2001:db8::1 (expected an IPv4 "
                        + "next hop, or a nexthop block allowing ipv6 for ipv4 unicast)");
        assertEquals(List.of(), errors(neighbor("    nexthop { ipv4 unicast ipv6; }\n"
                + "    static { route 10.0.0.0/8 next-hop 2001:db8::1; }\n")));
    }

    @Test
    void nextHopSelfNeedsALocalAddressOfTheRouteFamily() {
        error(neighbor("    static { route 10.0.0.0/8 next-hop self; }\n").replace("address 10.0.0.1;", "address auto;"),
                "e.conf:6:20: route 10.0.0.0/8 has next-hop self but neighbor 10.0.0.2 has no local-address to "
                        + "take it from");
        error(neighbor("    static { route 2001:db8::/32 next-hop self; }\n"),
                "e.conf:6:20: route 2001:db8::/32 has next-hop self but is ipv6 unicast while the session runs "
                        + "over IPv4 (expected an explicit next-hop)");
    }

    @Test
    void routesOfAFamilyNotAnnounced() {
        error(neighbor("    family { ipv4 unicast; }\n    static { route 10.0.0.0/8 rd 1:1 label 5 next-hop 1.1.1.1; }\n"),
                "e.conf:7:20: route 10.0.0.0/8 is ipv4 mpls-vpn but neighbor 10.0.0.2 does not announce that family "
                        + "(expected ipv4 mpls-vpn in its family block)");
    }

    @Test
    void apiProcesses() {
        String proc = "process p1 {\n    run /bin/cat;\n}\n";
        error(neighbor("    api { processes [ p2 ]; }\n"),
                "e.conf:6:23: unknown process 'p2' (defined: [])");
        error(proc + neighbor("    api { processes [ p1 ]; }\n    api { processes-match [ p ]; }\n"),
                "e.conf:10:11: processes and processes-match cannot both be used in neighbor 10.0.0.2");
        error(proc + neighbor("    api { processes-match [ q ]; }\n"),
                "e.conf:9:29: processes-match [q] matches no process (defined: [p1])");
        assertEquals(List.of(), errors(proc + neighbor("    api { processes-match [ p ]; }\n")));
    }

    @Test
    void watchdogNamesCannotBeCommands() {
        error(neighbor("    static { route 10.0.0.0/8 next-hop 1.1.1.1 watchdog withdraw; }\n"),
                "e.conf:6:57: invalid watchdog name 'withdraw' (announce and withdraw are commands)");
    }

    @Test
    void duplicateNeighborUsesExaBgpsIndex() {
        String n = neighbor("");
        error(n + n, "e.conf:7:10: neighbor 10.0.0.2 is defined twice (same peer address, local address, AS "
                + "numbers, router-id and sessions as the neighbor at line 1)");
        assertEquals(List.of(), errors(n + n.replace("router-id 10.0.0.1", "router-id 10.0.0.9")),
                "ExaBGP's index includes the router-id");
    }

    @Test
    void duplicateIdenticalRoutesAreAcceptedAsInExaBgp() {
        String r = "    static { route 10.0.0.0/8 next-hop 1.1.1.1; route 10.0.0.0/8 next-hop 1.1.1.1; }\n";
        assertEquals(2, ConfigParser.parse(F, neighbor(r)).neighbors().get(0).routes().size());
    }

    @Test
    void splitNoLongerThanThePrefixAnnouncesThePrefix() {
        RouteConfig r = ConfigParser.parse(F, neighbor("    static { route 10.0.0.0/24 next-hop 1.1.1.1 split /24; }\n"))
                .neighbors().get(0).routes().get(0);
        assertEquals(-1, r.split());
    }

    @Test
    void aSplitGivingMoreThanTwoToTheSixteenRoutesIsRefusedAtItsLength() {
        // issue 10: these were accepted; the first killed the Rib, the others announced one wrong route
        error(neighbor("    static { route 0.0.0.0/0 next-hop 1.1.1.1 split /31; }\n"),
                "e.conf:6:53: split /31 of 0.0.0.0/0 gives 2^31 routes (at most 2^16 per route, as for a helper "
                        + "command)");
        error(neighbor("    static { route 0.0.0.0/0 next-hop 1.1.1.1 split /32; }\n"),
                "e.conf:6:53: split /32 of 0.0.0.0/0 gives 2^32 routes (at most 2^16 per route, as for a helper "
                        + "command)");
        error(neighbor("    family { ipv6 unicast; }\n    static { route 2001:db8::/32 next-hop 2001:db8::1 split /64; }\n"),
                "e.conf:7:61: split /64 of 2001:db8::/32 gives 2^32 routes (at most 2^16 per route, as for a helper "
                        + "command)");
        RouteConfig most = ConfigParser.parse(F, neighbor("    static { route 0.0.0.0/0 next-hop 1.1.1.1 split /16; }\n"))
                .neighbors().get(0).routes().get(0);
        assertEquals(16, most.split());
    }

    @Test
    void aFileAnnouncesAtMostTwoToTheTwentyRoutesAfterSplit() {
        StringBuilder routes = new StringBuilder("    static {\n");
        for (int i = 0; i < 17; i++) { // 16 * 2^16 = 2^20 routes are allowed, the 17th split crosses the bound
            routes.append("        route ").append(i).append(".0.0.0/8 next-hop 1.1.1.1 split /24;\n");
        }
        String text = neighbor(routes + "    }\n");
        error(text, "e.conf:23:15: the configuration announces more than 1048576 routes (counting split routes, for "
                + "every neighbor) at route 16.0.0.0/8 of neighbor 10.0.0.2 (announce large tables from a helper "
                + "process)");
        assertEquals(List.of(), errors(text.replace("        route 16.0.0.0/8 next-hop 1.1.1.1 split /24;\n", "")));
    }

    @Test
    void aConfigurationWithNothingToRunIsRefused() {
        String nothing = "e.conf:1:1: the configuration has no neighbor and no process: there is nothing to run "
                + "(expected at least one neighbor IP { … } section)";
        error("", nothing);
        error("# every neighbor commented out\n# neighbor 10.0.0.2 { }\n", nothing);
        error("template {\n    neighbor t {\n        hold-time 30;\n    }\n}\n", nothing);
        // helpers alone run, as in ExaBGP (they may reload a configuration that has neighbors)
        assertEquals(List.of(), errors("process p {\n    run /bin/cat;\n}\n"));
    }

    @Test
    void notSupportedYetFamilies() {
        error(neighbor("    family { ipv4 rtc; }\n"), "e.conf:6:14: family ipv4 rtc is not supported yet");
    }

    @Test
    void everyErrorOfAFileIsReportedOnceInFileOrder() {
        String template = "template {\n    neighbor t {\n        hold-time 1;\n    }\n}\n";
        List<String> errors = errors(template + neighbor("    inherit t;\n    bogus 1;\n    static { route 10.0.0.0/8 "
                + "next-hop 1.1.1.1 med x; route 10.0.0.0/33 next-hop 1.1.1.1; }\n"));
        assertEquals(List.of("e.conf:3:19: hold time 1 is invalid (expected 0 or 3..65535)",
                "e.conf:12:5: unknown neighbor setting 'bogus'",
                "e.conf:13:52: 'x' is not a number (expected MED)",
                "e.conf:13:61: '10.0.0.0/33' is not a prefix (prefix length 33 out of range 0..32 in '10.0.0.0/33')"),
                errors);
    }

    // vectors of bugs found while finishing issue 3

    @Test
    void anUnusedTemplateIsCheckedToo() {
        error("template {\n    neighbor t {\n        hodl-time 180;\n    }\n}\n",
                "e.conf:3:9: unknown neighbor setting 'hodl-time'");
    }

    @Test
    void aDuplicateProcessIsReportedAtItsName() {
        String proc = "process p1 {\n    run /bin/cat;\n}\n";
        error(proc + proc, "e.conf:4:9: process 'p1' is defined twice");
    }

    @Test
    void aBrokenProcessDoesNotMakeItsUsersFail() {
        error("process p1 {\n    run;\n}\n" + neighbor("    api { processes [ p1 ]; }\n"),
                "e.conf:2:8: missing program after run");
    }

    @Test
    void bareBooleansFollowExaBgpsTable() {
        NeighborConfig n = ConfigParser.parse(F, neighbor("    passive;\n    manual-eor;\n")).neighbors().get(0);
        assertTrue(n.passive());
        assertTrue(!n.manualEor() && n.adjRibIn(), "bare manual-eor is false in ExaBGP; adj-rib-in defaults true");
        assertTrue(!ConfigParser.parse(F, neighbor("    adj-rib-in;\n")).neighbors().get(0).adjRibIn(),
                "bare adj-rib-in is false in ExaBGP");
    }

    /** Issue 12: the route-server client keyword, as the example writes it, and what it cannot go with. */
    @Test
    void routeServerClient() {
        String example = "neighbor 192.0.2.11 {\n    description \"AS64511\";\n    router-id 192.0.2.1;\n"
                + "    local-address 192.0.2.1;\n    local-as 64500;\n    peer-as 64511;\n    hold-time 180;\n"
                + "    passive true;\n    route-server-client true;\n    family { ipv4 unicast; ipv6 unicast; }\n}\n";
        NeighborConfig n = ConfigParser.parse(F, example).neighbors().get(0);
        assertTrue(n.routeServerClient() && n.passive());
        assertTrue(ConfigParser.parse(F, neighbor("    route-server-client;\n")).neighbors().get(0).routeServerClient(),
                "a bare keyword means true, as for passive");
        assertTrue(!ConfigParser.parse(F, neighbor("")).neighbors().get(0).routeServerClient());
        assertTrue(ConfigDump.dump(ConfigParser.parse(F, example)).contains("    route-server-client true;\n"));
        error(neighbor("    route-server-client maybe;\n"),
                "e.conf:6:25: 'maybe' is not a boolean (expected true/false or enable/disable for "
                        + "route-server-client)");
        error(neighbor("    route-server-client true;\n    adj-rib-in false;\n"),
                "e.conf:6:5: route-server-client true needs the routes of neighbor 10.0.0.2 kept (RFC 7947 section "
                        + "2.1), but adj-rib-in is false");
        error(neighbor("    route-server-client true;\n    capability { add-path receive; }\n"),
                "e.conf:6:5: route-server-client true takes one path per prefix from neighbor 10.0.0.2: add-path "
                        + "receive is not supported for route-server clients yet (use add-path send, to send them "
                        + "every path)");
        assertEquals(List.of(), errors(neighbor("    route-server-client true;\n    capability { add-path send; }\n")));
    }

    /**
     * Issue 10: a route too big for one UPDATE passed validate, and killed the Rib at the first session. It is
     * refused at its position, by the same check as a helper's announce (wire.UpdateFit).
     */
    @Test
    void aRouteThatCannotBeSentInOneUpdateIsRefusedAtItsPosition() {
        StringBuilder communities = new StringBuilder();
        for (int i = 0; i < 1100; i++) {
            communities.append(" 65000:").append(i);
        }
        error(neighbor("    static {\n      route 10.0.0.0/24 next-hop 1.1.1.1 community [" + communities + " ]; }\n"),
                "e.conf:7:13: route 10.0.0.0/24 cannot be sent: it needs an UPDATE of 4462 bytes, and a BGP message"
                        + " has at most 4096 bytes (RFC 4271 section 4)");
        assertEquals(List.of(), errors(neighbor("    static { route 10.0.0.0/24 next-hop 1.1.1.1 community ["
                + communities.substring(0, communities.indexOf(" 65000:1000 ")) + " ]; }\n")), "1,000 fit");
    }
}
