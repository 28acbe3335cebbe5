// ArsPolicy keeps what an attribute set alone decides per set and client: its import outcome is the uncached checks'.
package org.bgpekko.rs.policy;

import static org.bgpekko.rs.policy.PolicyFixtures.canonical;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.bgpekko.config.RsPolicy;
import org.bgpekko.wire.Family;
import org.bgpekko.wire.nlri.IpPrefix;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArsPolicySetChecksTest {
    static final String GENERAL = """
            cfg:
              rs_as: 64500
              router_id: "192.0.2.2"
              filtering:
                next_hop:
                  policy: "same-as"
                max_as_path_len: %d
                transit_free:
                  asns: "174, 3356"
            """;
    /** Two clients of one AS (same-as: either may give the other's address as next hop), with different AS-SETs. */
    static final String CLIENTS = """
            clients:
              - asn: 3333
                ip: "192.0.2.11"
                cfg: {filtering: {irrdb: {as_sets: ["AS-ONE"]}}}
              - asn: 3333
                ip: "192.0.2.12"
                cfg: {filtering: {irrdb: {as_sets: ["AS-TWO"]}, reject_invalid_as_in_as_path: false}}
              - asn: 4444
                ip: "192.0.2.13"
                cfg: {filtering: {irrdb: {as_sets: ["AS-ONE"]}}}
            """;
    static final String IRR = """
            as-sets:
              AS-ONE:
                asns: [1111, 65010]
                prefixes: [{prefix: "185.1.0.0/22", le: 24}]
              AS-TWO:
                asns: [2222, 65010]
                prefixes: [{prefix: "185.1.0.0/23"}, {prefix: "193.0.0.0/16"}]
            """;

    @TempDir
    static Path dir;
    static List<RsPolicy.Client> clients;
    /** The same clients after a reload that shortened max_as_path_len to 2. */
    static List<RsPolicy.Client> reloaded;

    @BeforeAll
    static void load() throws Exception {
        clients = PolicyFixtures.load(dir, GENERAL.formatted(32), CLIENTS, IRR);
        Path again = Files.createDirectory(dir.resolve("reload"));
        reloaded = PolicyFixtures.load(again, GENERAL.formatted(2), CLIENTS, IRR);
    }

    private static final String[] PREFIXES = {"185.1.0.0/24", "185.1.0.0/23", "185.1.2.0/24", "193.0.4.0/24",
        "193.0.0.0/16", "10.0.0.0/16", "185.1.0.0/25"};

    private static final byte[][] SETS = {
        canonical("192.0.2.11", List.of(3333L, 1111L)),
        canonical("192.0.2.12", List.of(3333L, 2222L)),
        canonical("192.0.2.13", List.of(4444L, 1111L)),
        canonical("192.0.2.11", List.of(3333L, 7L, 1111L)),
        canonical("192.0.2.11", List.of(3333L, 65010L)),
        canonical("192.0.2.11", List.of(3333L, 174L, 2222L)),
        canonical("192.0.2.99", List.of(3333L, 1111L)),
    };

    /** The outcome as ArsPolicy gives it without any cache: the RFC 9234 leak check, then ImportChecks. */
    private static int uncached(RsPolicy.Client c, byte[] set, IpPrefix p) {
        PathFacts f = PathFacts.parse(set);
        return Roles.leak(c, f) ? RejectCode.ROUTE_LEAK : ImportChecks.check(c, f, p);
    }

    private static int check(ArsPolicy policy, int source, byte[] set, IpPrefix p) {
        return policy.importCheck(source, p.afi() == Family.AFI_IPV4 ? 0 : 1, p.hi(), p.lo(), p.length(), 1, set);
    }

    @Test
    void twoClientsWithDifferentPoliciesNeverShareASetsOutcome() {
        ArsPolicy policy = new ArsPolicy(clients::get, a -> null);
        byte[] set = SETS[0]; // origin 1111: in AS-ONE, not in AS-TWO
        IpPrefix p = IpPrefix.parse("185.1.0.0/24");
        for (int round = 0; round < 2; round++) {
            assertEquals(RejectCode.ACCEPTED, check(policy, 0, set, p));
            assertEquals(RejectCode.ORIGIN_NOT_IN_AS_SET, check(policy, 1, set, p));
            assertEquals(RejectCode.NEXT_HOP, check(policy, 2, set, p)); // AS 4444 may not give AS 3333's address
        }
        byte[] invalid = SETS[4]; // a private ASN: client 1 does not reject it
        IpPrefix both = IpPrefix.parse("185.1.0.0/23"); // in AS-ONE and AS-TWO
        assertEquals(RejectCode.INVALID_ASN, check(policy, 0, invalid, both));
        assertEquals(RejectCode.ACCEPTED, check(policy, 1, invalid, both));
        assertEquals(RejectCode.INVALID_ASN, check(policy, 0, invalid, both));
    }

    @Test
    void aReloadThatChangesThePolicyIsAppliedToTheSameSet() {
        RsPolicy.Client[] now = clients.toArray(new RsPolicy.Client[0]);
        ArsPolicy policy = new ArsPolicy(i -> now[i], a -> null);
        byte[] set = SETS[3]; // an AS_PATH of 3
        IpPrefix p = IpPrefix.parse("185.1.2.0/24");
        assertEquals(RejectCode.ACCEPTED, check(policy, 0, set, p));
        now[0] = reloaded.get(0);
        assertEquals(RejectCode.AS_PATH_LENGTH, check(policy, 0, set, p), "the reloaded max_as_path_len");
        now[0] = clients.get(0);
        assertEquals(RejectCode.ACCEPTED, check(policy, 0, set, p), "and back");
    }

    @Test
    void anyOrderOfClientsSetsAndPrefixesGivesTheUncachedOutcome() {
        RsPolicy.Client[] now = clients.toArray(new RsPolicy.Client[0]);
        ArsPolicy policy = new ArsPolicy(i -> now[i], a -> null);
        Random r = new Random(13);
        for (int i = 0; i < 5_000; i++) {
            if (r.nextInt(50) == 0) {
                int c = r.nextInt(now.length);
                now[c] = (now[c] == clients.get(c) ? reloaded : clients).get(c);
            }
            int source = r.nextInt(now.length);
            // runs of one set, as the prefixes of an UPDATE come, and sets coming back as the same array
            byte[] set = SETS[r.nextInt(4) == 0 ? r.nextInt(SETS.length) : i / 7 % SETS.length];
            IpPrefix p = IpPrefix.parse(PREFIXES[r.nextInt(PREFIXES.length)]);
            int want = uncached(now[source], set, p);
            int at = i;
            assertEquals(want, check(policy, source, set, p), () -> "step " + at + ": client " + source + ", " + p);
        }
    }
}
