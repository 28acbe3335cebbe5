// Each inbound check of arouteserver's BIRD filter with its reject code, and their order (issue 13).
package org.bgpekko.rs.policy;

import static org.bgpekko.rs.policy.PolicyFixtures.facts;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.bgpekko.config.RsPolicy;
import org.bgpekko.wire.nlri.IpPrefix;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImportChecksTest {
    static final String GENERAL = """
            cfg:
              rs_as: 64500
              router_id: "192.0.2.2"
              filtering:
                max_as_path_len: 5
                global_black_list_pref:
                  - {prefix: "203.0.113.128", length: 25}
                transit_free:
                  asns: "174, 3356"
                never_via_route_servers:
                  asns: [6939]
                irrdb:
                  allow_longer_prefixes: true
                rpki_bgp_origin_validation:
                  enabled: true
              rpki_roas:
                ripe_rpki_validator_url: ["https://example.net/vrps.json", "roas.json"]
            """;
    static final String CLIENTS = """
            clients:
              - asn: 3333
                ip: ["192.0.2.11", "2001:db8::11"]
                cfg:
                  filtering:
                    black_list_pref:
                      - {prefix: "185.1.0.64", length: 26}
                    irrdb:
                      as_sets: ["AS-ONE"]
                      white_list_route:
                        - {prefix: "100.64.0.0", length: 10, asn: 9999}
                      white_list_asn: [7777]
                    ipv4_pref_len: {min: 16, max: 24}
              - asn: 10745
                ip: "192.0.2.12"
                cfg:
                  filtering:
                    reject_invalid_as_in_as_path: false
                    rpki_bgp_origin_validation:
                      reject_invalid: false
                    irrdb:
                      enforce_origin_in_as_set: false
                      enforce_prefix_in_as_set: false
            """;
    static final String IRR = """
            as-sets:
              AS-ONE:
                asns: [1111, 2222, 174]
                prefixes: [{prefix: "185.1.0.0/22"}, {prefix: "2a00:1::/32"}, {prefix: "193.0.0.0/16"}]
            """;
    static final String ROAS = """
            {"roas": [
              {"asn": "AS1111", "prefix": "193.0.0.0/16", "maxLength": 20, "ta": "ripe"},
              {"asn": "AS2222", "prefix": "185.1.0.0/22", "maxLength": 24, "ta": "untrusted"}
            ]}
            """;

    @TempDir
    static Path dir;
    static RsPolicy.Client one;
    static RsPolicy.Client oneV6;
    static RsPolicy.Client two;

    @BeforeAll
    static void load() {
        List<RsPolicy.Client> c = PolicyFixtures.load(dir, GENERAL, CLIENTS, IRR, "roas.json", ROAS);
        one = c.get(0);
        oneV6 = c.get(1);
        two = c.get(2);
    }

    private static List<Long> path(String text) {
        return Arrays.stream(text.strip().split(" +")).map(Long::parseLong).toList();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "accepted                                  | 192.0.2.11   | 3333 1111       | 185.1.0.0/24  | 0",
        "NEXT_HOP of another client (5)            | 192.0.2.12   | 3333 1111       | 185.1.0.0/24  | 5",
        "AS_PATH longer than 5 (1)                 | 192.0.2.11   | 3333 1 2 3 1111 1111 | 185.1.0.0/24 | 1",
        "left-most ASN not the client's (6)        | 192.0.2.11   | 1111             | 185.1.0.0/24  | 6",
        "private ASN in the path (7)               | 192.0.2.11   | 3333 65010 1111 | 185.1.0.0/24  | 7",
        "AS_TRANS in the path (7)                  | 192.0.2.11   | 3333 23456 1111 | 185.1.0.0/24  | 7",
        "transit-free ASN (8)                      | 192.0.2.11   | 3333 3356 1111  | 185.1.0.0/24  | 8",
        "never via route servers (15)              | 192.0.2.11   | 3333 6939 1111  | 185.1.0.0/24  | 15",
        "global black list (3)                     | 192.0.2.11   | 3333 1111       | 203.0.113.128/26 | 3",
        "client black list (11)                    | 192.0.2.11   | 3333 1111       | 185.1.0.64/26 | 11",
        "bogon (2)                                 | 192.0.2.11   | 3333 1111       | 10.0.0.0/16      | 2",
        "origin not in the AS-SET (9)              | 192.0.2.11   | 3333 4444       | 185.1.0.0/24  | 9",
        "white_list_asn is in the AS-SET           | 192.0.2.11   | 3333 7777       | 185.1.0.0/24  | 0",
        "prefix not in the AS-SET (12)             | 192.0.2.11   | 3333 1111       | 192.0.0.0/16     | 12",
        "longer prefix allowed                     | 192.0.2.11   | 3333 1111       | 185.1.1.0/24  | 0",
        "white_list_route with its origin          | 192.0.2.11   | 3333 9999       | 100.64.0.0/16    | 2",
        "RPKI invalid: wrong origin (14)           | 192.0.2.11   | 3333 2222       | 193.0.16.0/20    | 14",
        "RPKI invalid: longer than maxLength (14)  | 192.0.2.11   | 3333 1111       | 193.0.16.0/24    | 14",
        "RPKI valid                                | 192.0.2.11   | 3333 1111       | 193.0.16.0/20    | 0",
        "ROA of an untrusted anchor ignored        | 192.0.2.11   | 3333 1111       | 185.1.0.0/24  | 0",
        "prefix shorter than min 16 (13)           | 192.0.2.11   | 3333 1111       | 185.0.0.0/15    | 12",
        "prefix longer than max 24 (13)            | 192.0.2.11   | 3333 1111       | 185.1.0.0/25  | 13",
        "IPv6 outside 2000::/3 (10)                | 2001:db8::11 | 3333 1111       | 4000::/16        | 10",
        "IPv6 accepted                             | 2001:db8::11 | 3333 1111       | 2a00:1::/32      | 0",
        "IPv6 route of an IPv4 client (65535)      | 2001:db8::11 | 3333 1111       | 2a00:1::/32      | 65535",
        "first failing check wins: 5 before 1      | 192.0.2.99   | 1 2 3 4 5 6 7     | 10.0.0.0/8       | 5",
    })
    void eachCheckHasArouteserversRejectCode(String what, String nextHop, String path, String prefix, int code) {
        boolean v6 = nextHop.contains(":") && code != RejectCode.UNKNOWN;
        assertEquals(code, ImportChecks.check(v6 ? oneV6 : one, facts(nextHop, path(path)), IpPrefix.parse(prefix)),
                what);
    }

    @Test
    void whiteListRouteNeedsItsOriginAndStillPassesTheOtherChecks() {
        // 100.64.0.0/10 is a bogon (shared address space): the white list only lifts the IRR checks
        assertEquals(RejectCode.BOGON, ImportChecks.check(one, facts("192.0.2.11", path("3333 9999")),
                IpPrefix.parse("100.64.0.0/16")));
        PathFacts listed = facts("192.0.2.11", path("3333 9999"));
        assertEquals(RejectCode.ACCEPTED, ImportChecks.irr(one, listed, ImportChecks.originInAsSet(one, listed),
                IpPrefix.parse("100.64.0.0/16")));
        PathFacts other = facts("192.0.2.11", path("3333 9998"));
        assertEquals(RejectCode.ORIGIN_NOT_IN_AS_SET, ImportChecks.irr(one, other,
                ImportChecks.originInAsSet(one, other), IpPrefix.parse("100.64.0.0/16")));
    }

    @Test
    void aClientsOwnTransitFreeAsIsNotRejectedAndChecksCanBeTurnedOff() {
        assertEquals(RejectCode.ACCEPTED, ImportChecks.check(two, facts("192.0.2.12", path("10745 65010 1111")),
                IpPrefix.parse("185.1.0.0/24")), "invalid ASNs not checked for this client, nor its AS-SETs");
        assertEquals(RejectCode.TRANSIT_FREE_ASN, ImportChecks.check(two, facts("192.0.2.12", path("10745 3356")),
                IpPrefix.parse("185.1.0.0/24")));
        RsPolicy.Client transitFree = PolicyFixtures.load(dir, GENERAL, CLIENTS.replace("asn: 10745", "asn: 174")
                .replace("ip: \"192.0.2.12\"", "ip: \"192.0.2.13\""), IRR, "roas.json", ROAS).get(2);
        assertEquals(RejectCode.ACCEPTED, ImportChecks.check(transitFree, facts("192.0.2.13", path("174 1111")),
                IpPrefix.parse("185.1.0.0/24")), "the client's own AS is not transit-free for its routes");
        assertEquals(ImportChecks.NOT_ANNOUNCED_RPKI_INVALID, ImportChecks.check(two,
                facts("192.0.2.12", path("10745 2222")), IpPrefix.parse("193.0.16.0/20")),
                "reject_invalid false: kept, announced to nobody");
    }

    @Test
    void rpkiStatesFollowRfc6811() {
        var roas = one.general().roas();
        assertEquals(ImportChecks.Rpki.UNKNOWN, ImportChecks.rpki(roas, IpPrefix.parse("192.0.0.0/16"), 1111));
        assertEquals(ImportChecks.Rpki.VALID, ImportChecks.rpki(roas, IpPrefix.parse("193.0.0.0/16"), 1111));
        assertEquals(ImportChecks.Rpki.INVALID, ImportChecks.rpki(roas, IpPrefix.parse("193.0.0.0/16"), 0),
                "no origin (path ending with an AS_SET) matches no ROA");
    }
}
