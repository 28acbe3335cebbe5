// rfc1997_wellknown_communities: pass (BIRD's "interpret communities off") or rfc1997 (NO_EXPORT, NO_ADVERTISE honoured).
package org.bgpekko.rs.policy;

import static org.bgpekko.rs.policy.PolicyFixtures.facts;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.bgpekko.config.RsPolicy;
import org.bgpekko.wire.attribute.Communities;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WellKnownCommunitiesTest {
    static final String GENERAL = """
            cfg:
              rs_as: 64500
              router_id: "192.0.2.2"
              rfc1997_wellknown_communities: {policy: %s}
            """;
    static final String CLIENTS = """
            clients:
              - {asn: 3333, ip: "192.0.2.11", cfg: {filtering: {irrdb: {enforce_origin_in_as_set: false,
                 enforce_prefix_in_as_set: false}}}}
              - {asn: 10745, ip: "192.0.2.12"}
            """;

    @TempDir
    Path dir;

    private static PathFacts with(long community) {
        return facts("192.0.2.11", List.of(3333L), new Communities(List.of(community)));
    }

    @Test
    void passRelaysNoExportAndNoAdvertiseLikeAnyCommunity() {
        RsPolicy.Client to = PolicyFixtures.load(dir, GENERAL.formatted("pass"), CLIENTS, "").get(1);
        assertTrue(ExportControl.announce(to, with(ExportControl.NO_EXPORT)));
        assertTrue(ExportControl.announce(to, with(ExportControl.NO_ADVERTISE)));
    }

    @Test
    void rfc1997KeepsNoExportFromExternalClientsAndNoAdvertiseFromEveryone() {
        RsPolicy.Client to = PolicyFixtures.load(dir, GENERAL.formatted("rfc1997"), CLIENTS, "").get(1);
        assertFalse(ExportControl.announce(to, with(ExportControl.NO_EXPORT)));
        assertFalse(ExportControl.announce(to, with(ExportControl.NO_ADVERTISE)));
        assertTrue(ExportControl.announce(to, with(3333L << 16 | 1)));
    }
}
