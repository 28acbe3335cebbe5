// The flow commands of api-flow, api-broken-flow and api-flow-merge (block and flat forms) mean what the same
// words mean in a flow section; ';', '{' and '}' are refused elsewhere.
package org.bgpekko.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.bgpekko.config.FlowParser;
import org.bgpekko.config.RouteConfig;
import org.bgpekko.wire.Family;
import org.bgpekko.wire.attribute.ExtendedCommunities;
import org.bgpekko.wire.attribute.ExtendedCommunity;
import org.bgpekko.wire.attribute.PathAttributes;
import org.bgpekko.wire.nlri.IpAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ApiFlowCommandsTest {
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

    private static RouteConfig announced(String line) {
        List<RouteConfig> routes = assertInstanceOf(ApiCommand.AnnounceRoutes.class, parse(line).command()).routes();
        assertEquals(1, routes.size());
        return routes.get(0);
    }

    /** The route "flow { route WORDS }" gives in a configuration. */
    private static RouteConfig configured(String words) {
        return ApiFixtures.neighbors("neighbor 127.0.0.1 {\n local-address 127.0.0.1;\n local-as 1;\n peer-as 1;\n"
                + " router-id 1.2.3.4;\n family { ipv4 flow; ipv6 flow; }\n flow {\n  route " + words + "\n }\n}\n")
                .get(0).routes().get(0);
    }

    private static void sameAsConfig(String apiRoute, String configRoute) {
        RouteConfig api = announced("announce flow route " + apiRoute);
        RouteConfig conf = configured(configRoute);
        assertEquals(conf.nlri(), api.nlri());
        assertEquals(conf.attributes(), api.attributes());
        assertEquals(conf.nextHop(), api.nextHop());
    }

    @Test
    void theBlockFormIsTheConfigurationBlock() {
        sameAsConfig("{ match { source 0.0.0.0/32; destination 0.0.0.0/32; destination-port =3128; protocol tcp; } "
                + "then { rate-limit 0; } }", "{ match { source 0.0.0.0/32; destination 0.0.0.0/32; "
                + "destination-port =3128; protocol tcp; } then { rate-limit 0; } }");
        RouteConfig r = announced("announce flow route { match { source 6.6.6.6/32; } scope { interface-set [ "
                + "non-transitive:input:3405770241:1 ]; } then { discard; } }");
        assertEquals("flow source-ipv4 6.6.6.6/32", r.nlri().toString());
        assertEquals(PathAttributes.of(ExtendedCommunities.sorted(List.of(new ExtendedCommunity(0x4702CAFFEE014001L),
                new ExtendedCommunity(0x8006000000000000L)))), r.attributes());
        assertEquals(Optional.of(FlowParser.NO_NEXT_HOP), r.nextHop());
        // scope after then, a named route, spaces around or without the separators
        sameAsConfig("named{match{source 7.7.7.7/32;}then{discard;}scope{interface-set [ transitive:output:254:254 "
                + "];}}", "named { match { source 7.7.7.7/32; } scope { interface-set transitive:output:254:254; } "
                + "then { discard; } }");
    }

    @Test
    void theFlatForm() {
        sameAsConfig("destination 133.130.1.219/32 discard interface-set [ transitive:input:1234:10 ]",
                "destination 133.130.1.219/32 discard interface-set [ transitive:input:1234:10 ];");
        RouteConfig v6 = announced("announce ipv6 flow destination 2001:db8::/32 redirect 2001:db8::1");
        assertEquals(Family.IPV6_FLOW, v6.nlri().family());
        assertEquals(Optional.of(IpAddress.parse("2001:db8::1")), v6.nextHop());
        assertEquals(Family.IPV4_FLOW_VPN, announced("announce ipv4 flow-vpn rd 1:1 source 10.0.0.0/8 discard")
                .nlri().family());
    }

    /** api-broken-flow: a withdrawal keeps its then part, which ExaBGP sends beside MP_UNREACH_NLRI. */
    @Test
    void withdrawalsKeepTheirActions() {
        ApiLine l = parse("neighbor 127.0.0.1 withdraw flow route { match { source 170.170.170.170/32; destination "
                + "170.170.170.170/32; } then { rate-limit 1; } }");
        RouteConfig r = assertInstanceOf(ApiCommand.WithdrawRoutes.class, l.command()).routes().get(0);
        assertEquals("flow destination-ipv4 170.170.170.170/32 source-ipv4 170.170.170.170/32", r.nlri().toString());
        assertEquals(PathAttributes.of(ExtendedCommunities.sorted(List.of(new ExtendedCommunity(0x800600003F800000L)))),
                r.attributes());
        RouteConfig bare = assertInstanceOf(ApiCommand.WithdrawRoutes.class, parse("withdraw flow route { match { "
                + "source 0.0.0.0/32; } }").command()).routes().get(0);
        assertEquals(PathAttributes.EMPTY, bare.attributes());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "announce route 1.0.0.0/24 next-hop 1.1.1.1; med 5|unexpected ';' at column 43 (';', '{' and '}' belong to the "
                + "block form of flow routes)",
        "announce route { 1.0.0.0/24 }|unexpected '{' at column 16",
        "announce flow source 1.2.3.4/32 discard|expected 'route' (announce flow route …)",
        "announce flow route { match { source 1.2.3.4/32; } } route { }|expected one flow route",
        "announce flow route { match { bogus 1; } }|unknown match keyword 'bogus'",
        "announce flow route { match { source 1.2.3.4/32; } then { rate-limit x; } }|'x' is not a number",
        "announce flow route { match { source 1.2.3.4/32 }|missing ';' after '1.2.3.4/32'",
        "announce ipv4 flow source ::/0 discard|'::/0' is not an ipv4 prefix",
    })
    void errors(String line, String expected) {
        String e = error(line);
        assertTrue(e.contains(expected), e);
    }
}
