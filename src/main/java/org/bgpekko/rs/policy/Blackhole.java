// RFC 7999 BLACKHOLE requests as arouteserver's BIRD configuration handles them (blackhole_filtering).
package org.bgpekko.rs.policy;

import org.bgpekko.config.RsPolicy;
import org.bgpekko.wire.nlri.IpAddress;

/**
 * A route is a request when its family has a policy and it carries BLACKHOLE (65535:666) or the exchange's
 * {@code blackholing} community. Inbound it passes the checks up to the IRR ones and is then accepted: RPKI origin
 * validation and the prefix length limits are skipped, so a host route is taken when the client's AS-SET prefixes
 * admit it. Outbound it goes only to clients with {@code announce_to_client}, with BLACKHOLE added, the next hop
 * replaced by the blackhole next hop (rewrite-next-hop), NO_EXPORT added (add_noexport), and
 * rpki_bgp_origin_validation_not_performed added when configured.
 */
final class Blackhole {
    private Blackhole() {}

    static final long BLACKHOLE = 0xFFFF029AL;

    /** Is a route with these attributes a blackhole request (its family: IPv4 when {@code ipv4})? */
    static boolean request(RsPolicy.Client c, PathFacts f, boolean ipv4) {
        RsPolicy.General g = c.general();
        return g.blackhole().policy(ipv4) != RsPolicy.BlackholePolicy.NONE
                && (f.hasCommunity(BLACKHOLE) || ExportControl.matches(g.community("blackholing"), f, c));
    }

    /** At export the family is the next hop's (IPv4 routes over IPv6 next hops, rfc8950, are refused). */
    static boolean request(RsPolicy.Client c, PathFacts f) {
        return request(c, f, f.nextHop() == null || f.nextHop().isIpv4());
    }

    /** Applies the policy of the route's family to what client {@code t} is sent. */
    static void apply(RsPolicy.Client t, PathFacts f, AttributeRewrite r) {
        RsPolicy.Blackhole b = t.general().blackhole();
        boolean ipv4 = f.nextHop() == null || f.nextHop().isIpv4();
        r.addCommunity(BLACKHOLE);
        if (b.policy(ipv4) == RsPolicy.BlackholePolicy.REWRITE_NEXT_HOP) {
            IpAddress nh = ipv4 ? b.nextHopIpv4() : b.nextHopIpv6();
            r.nextHop(nh);
        }
        if (b.addNoExport()) {
            r.addCommunity(ExportControl.NO_EXPORT);
        }
    }
}
