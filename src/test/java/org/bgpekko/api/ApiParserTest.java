// Every command line the conformance helpers send (README section 4, T1/T2) parses to the expected record;
// route words mean what the configuration parser makes of them; bad lines give a clear error.
package org.bgpekko.api;

import static org.bgpekko.api.ApiFixtures.configRoutes;
import static org.bgpekko.api.ApiFixtures.keys;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.bgpekko.api.ApiCommand.AckMode;
import org.bgpekko.config.RouteConfig;
import org.bgpekko.wire.Family;
import org.bgpekko.wire.attribute.MultiExitDisc;
import org.bgpekko.wire.nlri.IpAddress;
import org.bgpekko.wire.nlri.Nlri;
import org.bgpekko.wire.nlri.VpnNlri;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ApiParserTest {
    private static ApiLine parse(String line) {
        try {
            return ApiParser.parse(line);
        } catch (ApiParseException e) {
            throw new AssertionError("'" + line + "' did not parse: " + e.getMessage(), e);
        }
    }

    private static String error(String line) {
        return assertThrows(ApiParseException.class, () -> ApiParser.parse(line), line).getMessage();
    }

    private static List<RouteConfig> announced(ApiLine l) {
        return assertInstanceOf(ApiCommand.AnnounceRoutes.class, l.command()).routes();
    }

    private static List<RouteConfig> withdrawn(ApiLine l) {
        return assertInstanceOf(ApiCommand.WithdrawRoutes.class, l.command()).routes();
    }

    /** The API line announces exactly what the same words give in a static section. */
    private static void announcesAsConfig(String apiLine, String... configWords) {
        assertEquals(keys(configRoutes(configWords)), keys(announced(parse(apiLine))), apiLine);
    }

    @Test
    void plainAnnounceIsTheConfigRoute() {
        ApiLine l = parse("announce route 1.1.0.0/24 next-hop 101.1.101.1");
        assertEquals(List.of(), l.selectors());
        RouteConfig r = announced(l).get(0);
        assertEquals("1.1.0.0/24", r.nlri().prefix().toString());
        assertEquals(Family.IPV4_UNICAST, r.nlri().family());
        assertEquals(Optional.of(IpAddress.parse("101.1.101.1")), r.nextHop());
        assertEquals(-1, r.split());
        announcesAsConfig("announce route 1.1.0.0/24 next-hop 101.1.101.1", "1.1.0.0/24 next-hop 101.1.101.1");
    }

    @Test
    void ackControl() {
        assertEquals(new ApiCommand.Ack(AckMode.DISABLE), parse("disable-ack").command());
        assertEquals(new ApiCommand.Ack(AckMode.ENABLE), parse("enable-ack").command());
        assertEquals(new ApiCommand.Ack(AckMode.SILENCE), parse(" silence-ack \t").command());
    }

    @Test
    void withdrawWithoutNextHopGetsZero() {
        RouteConfig r = withdrawn(parse("withdraw route 1.1.0.0/24")).get(0);
        assertEquals(Optional.of(IpAddress.parse("0.0.0.0")), r.nextHop());
        assertEquals("1.1.0.0/24", r.nlri().prefix().toString());
        RouteConfig r2 = withdrawn(parse("withdraw route 1.1.0.0/25 next-hop 0.0.0.0")).get(0);
        assertEquals(Optional.of(IpAddress.parse("0.0.0.0")), r2.nextHop());
        RouteConfig r3 = withdrawn(parse("withdraw route 1.1.0.0/24 next-hop 101.1.101.1")).get(0);
        assertEquals(Optional.of(IpAddress.parse("101.1.101.1")), r3.nextHop());
    }

    @Test
    void announceWithoutNextHopIsAnError() {
        assertTrue(error("announce route 1.1.0.0/24").contains("has no next-hop"));
    }

    @Test
    void starSelector() {
        ApiLine l = parse("neighbor * announce route 1.2.0.0/25 next-hop 101.1.101.1");
        assertEquals(List.of(Selector.any()), l.selectors());
        assertEquals("1.2.0.0/25", announced(l).get(0).nlri().prefix().toString());
    }

    @Test
    void announcementSplitAndQualifiers() {
        List<RouteConfig> split = announced(parse(
                "announce route 1.0.0.0/21 next-hop 101.1.101.1 med 200 community [2:1] split /23"));
        assertEquals(List.of("1.0.0.0/23", "1.0.2.0/23", "1.0.4.0/23", "1.0.6.0/23"),
                split.stream().map(r -> r.nlri().prefix().toString()).toList());
        assertTrue(split.stream().allMatch(r -> r.split() == -1
                && r.attributes().get(MultiExitDisc.class).orElseThrow().value() == 200));
        announcesAsConfig("announce route 1.0.0.0/21 next-hop 101.1.101.1 med 200 community [2:1] split /23",
                "1.0.0.0/23 next-hop 101.1.101.1 med 200 community [ 2:1 ]",
                "1.0.2.0/23 next-hop 101.1.101.1 med 200 community [ 2:1 ]",
                "1.0.4.0/23 next-hop 101.1.101.1 med 200 community [ 2:1 ]",
                "1.0.6.0/23 next-hop 101.1.101.1 med 200 community [ 2:1 ]");

        ApiLine l = parse("neighbor 127.0.0.1 local-as 1 announce route 1.2.0.0/22 next-hop 101.1.101.1 split /24");
        assertEquals(List.of(new Selector(Optional.of(IpAddress.parse("127.0.0.1")),
                List.of(new Selector.Qualifier("local-as", "1")))), l.selectors());
        assertEquals(4, announced(l).size());
        assertEquals(2, announced(parse("neighbor 127.0.0.1 peer-as 1 announce route 1.3.0.0/24 next-hop "
                + "101.1.101.1 split /25")).size());

        // at most 2^16 routes per route, the same bound and words as in a configuration, with the column
        assertEquals(65_536, announced(parse("announce route 0.0.0.0/0 next-hop 1.1.1.1 split /16")).size());
        assertEquals("split /32 of 0.0.0.0/0 gives 2^32 routes (at most 2^16 per route, as for a helper command) "
                + "(at column 49)", error("announce route 0.0.0.0/0 next-hop 1.1.1.1 split /32"));
        assertTrue(error("announce ipv6 unicast 2001:db8::/32 next-hop 2001:db8::1 split /64")
                .startsWith("split /64 of 2001:db8::/32 gives 2^32 routes"));

        ApiLine all = parse("neighbor 127.0.0.1 local-as 1 peer-as 1 local-ip 127.0.0.1 router-id 1.2.3.4 announce "
                + "route 1.6.0.0/21 next-hop 101.1.101.1 med 200 community [2:1]");
        assertEquals(List.of("local-as 1", "peer-as 1", "local-ip 127.0.0.1", "router-id 1.2.3.4"),
                all.selectors().get(0).qualifiers().stream().map(Selector.Qualifier::toString).toList());
        announcesAsConfig("neighbor 127.0.0.1 local-as 2 peer-as 3 local-ip 127.0.0.1 router-id 1.2.3.4 announce "
                + "route 1.8.0.0/21 next-hop 101.1.101.1 med 200 large-community [2914:1:0]",
                "1.8.0.0/21 next-hop 101.1.101.1 med 200 large-community [ 2914:1:0 ]");
    }

    @Test
    void absentNeighborIsAnError() {
        String e = error("neighbor absentone local-as 1 peer-as 1 local-ip 127.0.0.1 router-id 1.2.3.4 announce "
                + "route 9.9.9.9/21 next-hop 101.1.101.1 med 200 community [2:1]");
        assertTrue(e.contains("'absentone' is not an IP address"), e);
    }

    @Test
    void multisessionPaddedLines() {
        String pad = " ".repeat(40);
        ApiLine plain = parse("announce" + pad + "route 1.0.0.0/24 next-hop 101.1.101.1 med 200 community [2:1]");
        assertEquals(List.of(), plain.selectors());
        ApiLine fam = parse("neighbor 127.0.0.1 local-as 1 family-allowed ipv4-unicast announce" + pad
                + "route 1.2.0.0/24 next-hop 101.1.101.1");
        assertEquals(List.of(new Selector.Qualifier("local-as", "1"),
                new Selector.Qualifier("family-allowed", "ipv4-unicast")), fam.selectors().get(0).qualifiers());
        ApiLine open = parse("neighbor 127.0.0.1 local-as 1 family-allowed in-open announce" + pad
                + "route 9.9.9.9/24 next-hop 101.1.101.1");
        assertEquals("in-open", open.selectors().get(0).qualifiers().get(1).value());
        assertEquals("1.3.0.0/24", announced(parse("neighbor 127.0.0.1 local-as 1 peer-as 1 local-ip 127.0.0.1 "
                + "router-id 1.2.3.4 announce route 1.3.0.0/24 next-hop 101.1.101.1")).get(0).nlri().prefix()
                .toString());
    }

    @Test
    void commaSeparatedSelectors() {
        ApiLine l = parse("neighbor 127.0.0.1 router-id 1.2.3.4, neighbor 127.0.0.1 announce route 1.1.0.0/25 "
                + "next-hop 101.1.101.1");
        IpAddress local = IpAddress.parse("127.0.0.1");
        assertEquals(List.of(new Selector(Optional.of(local), List.of(new Selector.Qualifier("router-id", "1.2.3.4"))),
                Selector.of(local)), l.selectors());
        ApiLine q = parse("neighbor 10.0.0.1 , local-as 65000 withdraw route 10.0.0.0/8");
        assertEquals(new Selector(Optional.empty(), List.of(new Selector.Qualifier("local-as", "65000"))),
                q.selectors().get(1));
    }

    @Test
    void attributesNlriLists() {
        List<RouteConfig> two = announced(parse("announce attributes med 100 next-hop 101.1.101.1 nlri 1.0.0.1/32 "
                + "1.0.0.2/32"));
        assertEquals(keys(configRoutes("1.0.0.1/32 next-hop 101.1.101.1 med 100", "1.0.0.2/32 next-hop 101.1.101.1 "
                + "med 100")), keys(two));
        assertEquals(keys(configRoutes("2.0.0.1/32 next-hop 202.2.202.2 local-preference 200 as-path [ 1 2 3 4 ]",
                "2.0.0.2/32 next-hop 202.2.202.2 local-preference 200 as-path [ 1 2 3 4 ]")),
                keys(announced(parse("announce attributes local-preference 200 as-path [ 1 2 3 4 ] next-hop "
                        + "202.2.202.2 nlri 2.0.0.1/32 2.0.0.2/32"))));
    }

    @Test
    void attributesWithPathInformation() {
        ApiLine l = parse("neighbor 127.0.0.1 announce attributes path-information 1.2.3.4 next-hop 10.11.12.13 "
                + "community [14:15] local-preference 16 nlri 16.17.18.19/32 20.21.22.23/32");
        List<RouteConfig> rs = announced(l);
        assertEquals(2, rs.size());
        assertEquals(0x01020304L, rs.get(0).nlri().pathId());
        assertEquals(keys(configRoutes("16.17.18.19/32 path-information 1.2.3.4 next-hop 10.11.12.13 community "
                + "[14:15] local-preference 16", "20.21.22.23/32 path-information 1.2.3.4 next-hop 10.11.12.13 "
                + "community [14:15] local-preference 16")), keys(rs));
    }

    @Test
    void attributeVpn() {
        List<RouteConfig> rs = announced(parse("announce attribute route-distinguisher 63333:100 label [ 110 ] "
                + "next-hop 10.0.99.12 origin igp as-path [100, 500] local-preference 100 extended-community 0:0 "
                + "originator-id 10.0.99.12 nlri 128.0.64.0/18 128.0.0.0/18"));
        assertEquals(2, rs.size());
        VpnNlri v = assertInstanceOf(VpnNlri.class, rs.get(0).nlri());
        assertEquals(Family.IPV4_MPLS_VPN, v.family());
        assertEquals("63333:100", v.rd().toString());
        assertEquals(keys(configRoutes("128.0.64.0/18 rd 63333:100 label [ 110 ] next-hop 10.0.99.12 origin igp "
                + "as-path [ 100 500 ] local-preference 100 extended-community 0:0 originator-id 10.0.99.12",
                "128.0.0.0/18 rd 63333:100 label [ 110 ] next-hop 10.0.99.12 origin igp as-path [ 100 500 ] "
                        + "local-preference 100 extended-community 0:0 originator-id 10.0.99.12")), keys(rs));
    }

    @Test
    void vpnv4AnnounceAndWithdraw() {
        String words = "route 1.4.0.0/16 rd 65000:1 next-hop 101.1.101.1 community 100:1 extended-community "
                + "0x0002FDE900000001 label 1000";
        List<RouteConfig> a = announced(parse("neighbor 127.0.0.1 announce " + words));
        List<RouteConfig> w = withdrawn(parse("neighbor 127.0.0.1 withdraw " + words));
        assertEquals(keys(a), keys(w));
        assertEquals(keys(configRoutes(words.substring(6))), keys(a));
        assertEquals(Family.IPV4_MPLS_VPN, a.get(0).nlri().family());
    }

    @Test
    void hostRouteAndSelf() {
        RouteConfig r = announced(parse("neighbor 127.0.0.1 announce route 1.2.3.4 next-hop 5.6.7.8")).get(0);
        assertEquals("1.2.3.4/32", r.nlri().prefix().toString());
        RouteConfig self = announced(parse("announce route 2.2.0.0/16 next-hop self")).get(0);
        assertTrue(self.nextHopSelf());
        RouteConfig v6 = announced(parse("neighbor 127.0.0.1 announce route 2605::2/128 next-hop 2001::1 "
                + "local-preference 500")).get(0);
        assertEquals(Family.IPV6_UNICAST, v6.nlri().family());
        announcesAsConfig("announce route 0.0.0.0/0  next-hop 1.101.1.101", "0.0.0.0/0 next-hop 1.101.1.101");
    }

    @Test
    void familyExplicitUnicast() {
        List<RouteConfig> v4 = announced(parse("announce ipv4 unicast 10.0.1.0/24 next-hop 10.0.1.254 "
                + "local-preference 200"));
        assertEquals(keys(configRoutes("10.0.1.0/24 next-hop 10.0.1.254 local-preference 200")), keys(v4));
        List<RouteConfig> v6 = withdrawn(parse("withdraw ipv6 unicast fc00:1::/64 next-hop 2001::11"));
        assertEquals(Family.IPV6_UNICAST, v6.get(0).nlri().family());
        assertTrue(error("announce ipv6 unicast 10.0.1.0/24 next-hop 2001::1").contains("is not an ipv6 prefix"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "withdraw evpn mac-advertisement|l2vpn evpn routes are received and reported, not announced",
        "announce operational adm afi ipv4 safi unicast advisory \"x\"|operational messages are not supported yet",
    })
    void unsupportedFamiliesSaySo(String line, String expected) {
        String e = error(line);
        assertTrue(e.contains(expected), e);
    }

    @Test
    void eorForms() {
        assertEquals(new ApiCommand.AnnounceEor(Family.IPV4_UNICAST), parse("announce eor").command());
        assertEquals(new ApiCommand.AnnounceEor(Family.IPV6_UNICAST), parse("announce eor ipv6 unicast").command());
        assertEquals(new ApiCommand.AnnounceEor(Family.IPV4_UNICAST), parse("announce eor ipv4 unicast").command());
        assertEquals(new ApiCommand.AnnounceEor(new Family(1, Family.SAFI_FLOW)),
                parse("announce eor ipv4 flow").command());
        assertTrue(error("announce eor ipv4").contains("missing a SAFI"));
        assertTrue(error("announce eor ipv5 unicast").contains("'ipv5 unicast' is not a family"));
        assertTrue(error("withdraw eor").contains("does not exist"));
    }

    @Test
    void routeRefreshWatchdogRib() {
        assertEquals(new ApiCommand.RouteRefresh(Family.IPV4_UNICAST),
                parse("announce route-refresh ipv4 unicast").command());
        assertTrue(error("announce route-refresh").contains("missing AFI SAFI"));
        assertEquals(new ApiCommand.Watchdog("dnsr", true), parse("announce watchdog dnsr").command());
        assertEquals(new ApiCommand.Watchdog("dnsr", false), parse("withdraw watchdog dnsr").command());
        assertEquals(new ApiCommand.Watchdog("", true), parse("announce watchdog").command());
        assertEquals(new ApiCommand.ClearAdjRibOut(), parse("clear adj-rib out").command());
        assertEquals(new ApiCommand.ClearAdjRibOut(), parse("clear adj-rib").command());
        assertEquals(new ApiCommand.ClearAdjRibIn(), parse("clear adj-rib in").command());
        assertEquals(new ApiCommand.FlushAdjRibOut(), parse("flush adj-rib out").command());
        assertTrue(error("flush adj-rib in").contains("expected flush adj-rib out"));
    }

    @Test
    void teardown() {
        ApiLine l = parse("neighbor 127.0.0.1 teardown 4");
        assertEquals(List.of(Selector.of(IpAddress.parse("127.0.0.1"))), l.selectors());
        assertEquals(new ApiCommand.Teardown(4), l.command());
        assertTrue(error("teardown 4").contains("needs a neighbor"));
        assertTrue(error("neighbor 127.0.0.1 teardown 256").contains("is not a subcode"));
        assertTrue(error("neighbor 127.0.0.1 teardown x").contains("is not a subcode"));
    }

    @Test
    void controlAndShowCommands() {
        assertEquals(new ApiCommand.Shutdown(), parse("shutdown").command());
        assertEquals(new ApiCommand.Reload(), parse("reload").command());
        assertEquals(new ApiCommand.Restart(), parse("restart").command());
        assertEquals(new ApiCommand.Version(), parse("version").command());
        assertEquals(new ApiCommand.ShowNeighbor(""), parse("show neighbor").command());
        assertEquals(new ApiCommand.ShowNeighbor("summary"), parse("show neighbor summary").command());
        assertEquals(new ApiCommand.ShowNeighbor("extensive"), parse("show neighbor extensive").command());
        ApiLine conf = parse("show neighbor 127.0.0.1 configuration");
        assertEquals(new ApiCommand.ShowNeighbor("configuration"), conf.command());
        assertEquals(List.of(Selector.of(IpAddress.parse("127.0.0.1"))), conf.selectors());
        assertEquals(new ApiCommand.ShowAdjRib(true, false, false, false), parse("show adj-rib in").command());
        assertEquals(new ApiCommand.ShowAdjRib(false, true, false, false),
                parse("show adj-rib out extensive").command());
        ApiLine json = parse("show adj-rib out 127.0.0.12 json");
        assertEquals(new ApiCommand.ShowAdjRib(false, false, true, false), json.command());
        assertEquals(List.of(Selector.of(IpAddress.parse("127.0.0.12"))), json.selectors());
        assertEquals(new ApiCommand.ShowAdjRib(true, true, true, false),
                parse("show adj-rib in json extensive").command());
        ApiLine filtered = parse("show adj-rib in neighbor 127.0.0.11 filtered json");
        assertEquals(new ApiCommand.ShowAdjRib(true, false, true, true), filtered.command());
        assertEquals(List.of(Selector.of(IpAddress.parse("127.0.0.11"))), filtered.selectors());
        assertEquals(filtered, parse("show adj-rib in 127.0.0.11 filtered json"), "ExaBGP's bare address too");
        assertTrue(error("show adj-rib out neighbor 127.0.0.11 filtered").contains("Adj-RIB-In"));
        assertTrue(error("show adj-rib in neighbor").contains("the neighbor's address"));
        assertEquals(new ApiCommand.RsGracefulShutdown(true), parse("route-server graceful-shutdown on").command());
        assertEquals(new ApiCommand.RsGracefulShutdown(false), parse("route-server graceful-shutdown off").command());
        assertTrue(error("route-server graceful-shutdown maybe").contains("expected route-server graceful-shutdown "
                + "on|off"));
        assertTrue(error("show adj-rib in neighbor 127.0.0.1 127.0.0.2").contains("only one neighbor address"));
        assertTrue(error("neighbor 127.0.0.1 shutdown").contains("takes no neighbor selector"));
        assertTrue(error("shutdown now").contains("unexpected 'now'"));
    }

    @Test
    void debugIsTakenAsWritten() {
        assertEquals(new ApiCommand.Debug("announce   [x]"), parse("debug announce   [x]").command());
    }

    @Test
    void lineHandling() {
        assertEquals("announce route 1.0.0.0/8 community [ 2:1 , 3:1 ] as-path [ 100 , 500 ]",
                ApiParser.normalise("\tannounce  route 1.0.0.0/8\tcommunity [2:1,3:1] as-path [100, 500]  "));
        assertEquals("aggregator ( 1:2.3.4.5 )", ApiParser.normalise("aggregator (1:2.3.4.5)"));
        announcesAsConfig("announce route 1.0.0.0/8 next-hop 1.1.1.1 as-path [100, 500] community [2:1,3:1];",
                "1.0.0.0/8 next-hop 1.1.1.1 as-path [ 100 500 ] community [ 2:1 3:1 ]");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''|empty command",
        "frobnicate|unknown command 'frobnicate'",
        "announce|missing what to announce",
        "announce route|missing prefix",
        "announce route 1.2.3.4/33 next-hop 1.1.1.1|is not a prefix",
        "announce route 1.2.3.0/24 next-hop 1.1.1.1 med x|'x' is not a number",
        "announce route 1.2.3.0/24 next-hop 1.1.1.1 colour blue|unknown route attribute 'colour'",
        "announce route 1.0.0.0/8 next-hop 1.1.1.1 split /30|gives 2^22 routes",
        "announce attributes med 5 next-hop 1.1.1.1|missing route attribute or nlri",
        "announce attributes med 5 next-hop 1.1.1.1 nlri|missing prefix after nlri",
        "announce route 1.2.3.0/24 next-hop 1.1.1.1 attribute [ 14 0x80 0x000201102001 ]|MP_REACH_NLRI",
        "announce route 1.2.3.0/24 next-hop 1.1.1.1 attribute [ 0x0f 0x80 0x000201 ]|MP_UNREACH_NLRI",
        "neighbor|missing a neighbor address",
        "neighbor 127.0.0.1|missing a command",
        "neighbor 127.0.0.1 local-as|missing a value after 'local-as'",
        "neighbor 127.0.0.1 local-as x announce eor|'x' is not an AS number",
        "neighbor 127.0.0.1 router-id x announce eor|'x' is not an IP address",
        "neighbor 127.0.0.1 family-allowed ipv4-bogus announce eor|is not a family",
        "neighbor 127.0.0.1 neighbor 127.0.0.2 announce eor|expected ',' between two selectors",
        "neighbor 127.0.0.1 , foo announce eor|expected 'neighbor' to start a selector",
        "announce route 1.0.0.0/8 next-hop 1.1.1.1 name \"x|unterminated string",
        "show neighbor 1.2.3.4 5.6.7.8|only one neighbor address",
        "show adj-rib sideways|expected show adj-rib in|out",
    })
    void badLinesSayWhatIsWrong(String line, String expected) {
        String e = error(line);
        assertTrue(e.contains(expected), () -> "'" + line + "': " + e);
    }

    @Test
    void labelledUnicastAndRdFollowConfig() {
        List<RouteConfig> lu = announced(parse("announce route 10.0.0.0/24 next-hop 1.1.1.1 label 100"));
        assertEquals(Family.IPV4_NLRI_MPLS, lu.get(0).nlri().family());
        assertEquals(keys(configRoutes("10.0.0.0/24 next-hop 1.1.1.1 label 100")), keys(lu));
        Nlri n = announced(parse("announce route 10.0.0.0/24 next-hop 1.1.1.1 path-information 7")).get(0).nlri();
        assertEquals(7, n.pathId());
    }
}
