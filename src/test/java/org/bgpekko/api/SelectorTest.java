// Selector matching against neighbours parsed from configuration text: star, qualifiers, comma lists,
// family-allowed with and without multi-session, and ExaBGP's description text.
package org.bgpekko.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bgpekko.config.NeighborConfig;
import org.bgpekko.testing.Conformance;
import org.junit.jupiter.api.Test;

class SelectorTest {
    private static final String TWO = """
            neighbor 127.0.0.1 {
              router-id 1.2.3.4; local-address 127.0.0.1; local-as 1; peer-as 1;
              family { ipv4 unicast; }
            }
            neighbor 10.0.0.2 {
              router-id 10.0.0.1; local-address 10.0.0.1; local-as 65001; peer-as 65002;
              capability { multi-session; }
              family { ipv6 unicast; ipv4 unicast; }
            }
            neighbor 10.0.0.3 {
              local-address 10.0.0.1; local-as 65001;
              family { ipv4 unicast; }
            }
            """;

    private static ApiLine parse(String s) throws ApiParseException {
        return ApiParser.parse(s);
    }

    /** The addresses of the neighbours the line is for. */
    private static List<String> matched(String line, List<NeighborConfig> ns) throws ApiParseException {
        ApiLine l = parse(line);
        return ns.stream().filter(l::matches).map(n -> n.peerAddress().toString()).toList();
    }

    @Test
    void descriptionIsExaBgpsName() {
        List<NeighborConfig> ns = ApiFixtures.neighbors(TWO);
        assertEquals("neighbor 127.0.0.1 local-ip 127.0.0.1 local-as 1 peer-as 1 router-id 1.2.3.4 family-allowed "
                + "in-open", Selector.describe(ns.get(0)));
        assertEquals("neighbor 10.0.0.2 local-ip 10.0.0.1 local-as 65001 peer-as 65002 router-id 10.0.0.1 "
                + "family-allowed ipv4-unicast/ipv6-unicast", Selector.describe(ns.get(1)));
        assertEquals("neighbor 10.0.0.3 local-ip 10.0.0.1 local-as 65001 peer-as auto router-id 10.0.0.1 "
                + "family-allowed in-open", Selector.describe(ns.get(2)));
    }

    @Test
    void starNoSelectorAndAddress() throws ApiParseException {
        List<NeighborConfig> ns = ApiFixtures.neighbors(TWO);
        List<String> all = List.of("127.0.0.1", "10.0.0.2", "10.0.0.3");
        assertEquals(all, matched("announce eor", ns));
        assertEquals(all, matched("neighbor * announce eor", ns));
        assertEquals(List.of("10.0.0.2"), matched("neighbor 10.0.0.2 announce eor", ns));
        assertEquals(List.of(), matched("neighbor 10.0.0.9 announce eor", ns));
    }

    @Test
    void qualifiers() throws ApiParseException {
        List<NeighborConfig> ns = ApiFixtures.neighbors(TWO);
        assertEquals(List.of("10.0.0.2", "10.0.0.3"), matched("neighbor * local-as 65001 announce eor", ns));
        assertEquals(List.of("10.0.0.2"), matched("neighbor * local-as 65001 peer-as 65002 announce eor", ns));
        assertEquals(List.of("10.0.0.3"), matched("neighbor * peer-as auto announce eor", ns));
        assertEquals(List.of("10.0.0.2", "10.0.0.3"), matched("neighbor * local-ip 10.0.0.1 announce eor", ns));
        assertEquals(List.of("10.0.0.3"), matched("neighbor * router-id 10.0.0.1 local-as 65001 family-allowed "
                + "in-open announce eor", ns));
        assertEquals(List.of(), matched("neighbor 127.0.0.1 local-as 2 announce eor", ns));
        assertEquals(List.of(), matched("neighbor 127.0.0.1 router-id 9.9.9.9 announce eor", ns));
    }

    @Test
    void familyAllowed() throws ApiParseException {
        List<NeighborConfig> ns = ApiFixtures.neighbors(TWO);
        assertEquals(List.of("127.0.0.1", "10.0.0.3"), matched("neighbor * family-allowed in-open announce eor", ns));
        assertEquals(List.of("10.0.0.2"),
                matched("neighbor * family-allowed ipv4-unicast/ipv6-unicast announce eor", ns));
        // one family of two does not match: the whole text is compared
        assertEquals(List.of(), matched("neighbor * family-allowed ipv4-unicast announce eor", ns));
    }

    @Test
    void commaListIsAnyOf() throws ApiParseException {
        List<NeighborConfig> ns = ApiFixtures.neighbors(TWO);
        assertEquals(List.of("127.0.0.1", "10.0.0.3"),
                matched("neighbor 127.0.0.1, neighbor 10.0.0.3 announce eor", ns));
        assertEquals(List.of("127.0.0.1", "10.0.0.2"),
                matched("neighbor 127.0.0.1 , peer-as 65002 announce eor", ns));
        assertEquals(List.of("127.0.0.1"),
                matched("neighbor 127.0.0.1 router-id 1.2.3.4, neighbor 127.0.0.1 announce eor", ns));
    }

    /** The selectors api-announcement writes, against its own configuration: six match, two do not. */
    @Test
    void apiAnnouncementCase() throws Exception {
        Path conf = Conformance.root().resolve("etc/api-announcement.conf");
        NeighborConfig n = ApiFixtures.neighbors(Files.readString(conf)).get(0);
        String r = " announce route 1.0.0.0/24 next-hop 101.1.101.1";
        assertTrue(parse("announce route 1.0.0.0/21 next-hop 101.1.101.1 split /23").matches(n));
        for (String sel : List.of("neighbor 127.0.0.1", "neighbor 127.0.0.1 local-as 1", "neighbor 127.0.0.1 peer-as 1",
                "neighbor 127.0.0.1 local-ip 127.0.0.1", "neighbor 127.0.0.1 router-id 1.2.3.4",
                "neighbor 127.0.0.1 local-as 1 peer-as 1 local-ip 127.0.0.1 router-id 1.2.3.4")) {
            assertTrue(parse(sel + r).matches(n), sel);
        }
        assertFalse(parse("neighbor 127.0.0.1 local-as 2 peer-as 3 local-ip 127.0.0.1 router-id 1.2.3.4" + r)
                .matches(n));
    }

    /** api-multisession: family-allowed ipv4-unicast matches, in-open does not. */
    @Test
    void apiMultisessionCase() throws Exception {
        Path conf = Conformance.root().resolve("etc/api-multisession.conf");
        NeighborConfig n = ApiFixtures.neighbors(Files.readString(conf)).get(0);
        String r = " announce route 1.0.0.0/24 next-hop 101.1.101.1";
        assertTrue(parse("neighbor 127.0.0.1 local-as 1 family-allowed ipv4-unicast" + r).matches(n));
        assertFalse(parse("neighbor 127.0.0.1 local-as 1 family-allowed in-open" + r).matches(n));
        assertTrue(parse("neighbor 127.0.0.1 local-as 1 peer-as 1 local-ip 127.0.0.1 router-id 1.2.3.4" + r)
                .matches(n));
    }
}
