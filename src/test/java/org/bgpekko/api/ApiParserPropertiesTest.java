// Parsing never fails with anything but ApiParseException, whatever the line: random words, mutated real lines.
package org.bgpekko.api;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class ApiParserPropertiesTest {
    private static final List<String> REAL = List.of(
            "announce route 1.0.0.0/21 next-hop 101.1.101.1 med 200 community [2:1] split /23",
            "neighbor 127.0.0.1 local-as 1 peer-as 1 local-ip 127.0.0.1 router-id 1.2.3.4 announce route 1.6.0.0/21 "
                    + "next-hop 101.1.101.1 med 200 community [2:1]",
            "neighbor 127.0.0.1 router-id 1.2.3.4, neighbor 127.0.0.1 announce route 1.1.0.0/25 next-hop 101.1.101.1",
            "announce attribute route-distinguisher 63333:100 label [ 110 ] next-hop 10.0.99.12 origin igp as-path "
                    + "[100, 500] local-preference 100 extended-community 0:0 originator-id 10.0.99.12 nlri "
                    + "128.0.64.0/18 128.0.0.0/18",
            "neighbor 127.0.0.1 announce route 1.4.0.0/16 rd 65000:1 next-hop 101.1.101.1 community 100:1 "
                    + "extended-community 0x0002FDE900000001 label 1000",
            "announce route 2605::2/128 next-hop 2001::1 local-preference 500 aggregator (1:2.3.4.5) atomic-aggregate",
            "announce route 10.0.0.0/8 next-hop self attribute [ 0x99 0xc0 0x0102 ] bgp-prefix-sid [ 1, [ ( 2,3 ) ] ]",
            "withdraw route 1.1.0.0/25 next-hop 0.0.0.0", "announce eor ipv6 unicast",
            "announce route-refresh ipv4 unicast", "neighbor 127.0.0.1 teardown 4", "show adj-rib out extensive",
            "show neighbor 127.0.0.1 summary", "announce watchdog dnsr", "clear adj-rib in", "flush adj-rib out");

    private static final List<String> WORDS = List.of("announce", "withdraw", "route", "attributes", "nlri",
            "neighbor", "*", ",", "[", "]", "(", ")", "local-as", "family-allowed", "in-open", "ipv4", "unicast",
            "next-hop", "self", "split", "/24", "/0", "/129", "med", "label", "rd", "path-information", "eor",
            "1.2.3.4", "::", "0.0.0.0/0", "ffff::/128", "4294967296", "-1", "0x", "\"", "'", ";", "{", "show",
            "teardown", "debug", "as-path", "community", "65535:65536", "extended-community", "target:1:2",
            "large-community", "1:2:3", "aggregator", "origin", "bogus", "", "\t", "é");

    @Provide
    Arbitrary<String> wordSoup() {
        return Arbitraries.of(WORDS).list().ofMaxSize(14).map(l -> String.join(" ", l));
    }

    @Provide
    Arbitrary<String> mutated() {
        Arbitrary<String> base = Arbitraries.of(REAL);
        Arbitrary<Integer> pos = Arbitraries.integers().between(0, 300);
        Arbitrary<String> insert = Arbitraries.oneOf(Arbitraries.of(WORDS),
                Arbitraries.strings().ofMaxLength(4));
        return net.jqwik.api.Combinators.combine(base, pos, pos, insert).as((b, at, len, ins) -> {
            int a = Math.min(at, b.length());
            int e = Math.min(b.length(), a + len % 12);
            return b.substring(0, a) + ins + b.substring(e);
        });
    }

    private static void parsesOrSaysWhy(String line) {
        try {
            ApiParser.parse(line);
        } catch (ApiParseException e) {
            if (e.getMessage() == null || e.getMessage().isBlank() || e.getMessage().startsWith("invalid command")) {
                throw new AssertionError("error without a message for '" + line + "'");
            }
        }
    }

    @Property(tries = 3000)
    void randomWordsNeverThrowAnythingElse(@ForAll("wordSoup") String line) {
        parsesOrSaysWhy(line);
    }

    @Property(tries = 3000)
    void mutatedRealLinesNeverThrowAnythingElse(@ForAll("mutated") String line) {
        parsesOrSaysWhy(line);
    }

    @Property(tries = 1000)
    void anyStringNeverThrowsAnythingElse(@ForAll String line) {
        parsesOrSaysWhy(line);
    }
}
