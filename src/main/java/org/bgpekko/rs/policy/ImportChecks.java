// The inbound checks of arouteserver's BIRD filter (receive_from_<client>), in its order: the first that fails
// gives the route's reject code.
package org.bgpekko.rs.policy;

import org.bgpekko.config.PrefixTable;
import org.bgpekko.config.RsPolicy;
import org.bgpekko.wire.Family;
import org.bgpekko.wire.nlri.IpPrefix;

public final class ImportChecks {
    private ImportChecks() {}

    /** Returned for an RPKI invalid route kept because reject_invalid is off: accepted, announced to no client. */
    public static final int NOT_ANNOUNCED_RPKI_INVALID = -RejectCode.RPKI_INVALID;

    /**
     * The reject code of a route from client {@code c}: {@link RejectCode#ACCEPTED}, a code, or
     * {@link #NOT_ANNOUNCED_RPKI_INVALID}. With reject_policy {@code tag} BIRD keeps the route tagged with the same
     * first code and never exports it: the outcome for the other clients is the same.
     */
    public static int check(RsPolicy.Client c, PathFacts f, IpPrefix prefix) {
        return check(c, f, prefix, c.general().roas());
    }

    /** {@link #check(RsPolicy.Client, PathFacts, IpPrefix)} with the ROAs given: the RTR client's, when they are used. */
    public static int check(RsPolicy.Client c, PathFacts f, IpPrefix prefix, PrefixTable<RsPolicy.Roa> roas) {
        return check(c, f, path(c, f), originInAsSet(c, f), prefix, roas);
    }

    /**
     * {@link #check(RsPolicy.Client, PathFacts, IpPrefix, PrefixTable)} with what the set alone decides already
     * known: {@code path} is {@link #path}'s code and {@code originOk} {@link #originInAsSet}'s answer for the same
     * client and set.
     */
    static int check(RsPolicy.Client c, PathFacts f, int path, boolean originOk, IpPrefix prefix,
                     PrefixTable<RsPolicy.Roa> roas) {
        if (prefix.afi() != c.address().afi()) {
            return RejectCode.UNKNOWN; // "AFI not enabled for this peer" (rfc8950 is refused by the loader)
        }
        return path != RejectCode.ACCEPTED ? path : prefix(c, f, originOk, prefix, roas);
    }

    /**
     * The checks that read the attribute set alone (NEXT_HOP, AS_PATH length, left-most, invalid, transit-free and
     * never-via-route-servers ASNs), in the filter's order: the same code for every prefix client {@code c} sends
     * with the set, so a caller may keep it per set and client ({@link ArsPolicy}). They come right after the AFI
     * check, before every check that reads the prefix.
     */
    static int path(RsPolicy.Client c, PathFacts f) {
        RsPolicy.General g = c.general();
        if (!c.nextHops().isEmpty() && (f.nextHop() == null || !c.nextHops().contains(f.nextHop()))) {
            return RejectCode.NEXT_HOP;
        }
        if (f.pathLength() > c.maxAsPathLen()) {
            return RejectCode.AS_PATH_LENGTH;
        }
        if (f.first() != c.asn()) {
            return RejectCode.LEFT_MOST_ASN;
        }
        if (c.rejectInvalidAsn()) {
            for (long a : f.asns()) {
                if (invalidAsn(a)) {
                    return RejectCode.INVALID_ASN;
                }
            }
        }
        if (g.transitFreeReject()) {
            for (long a : f.asns()) {
                if (a != c.asn() && g.transitFree().contains(a)) {
                    return RejectCode.TRANSIT_FREE_ASN;
                }
            }
        }
        if (f.pathContains(g.neverViaRouteServers())) {
            return RejectCode.NEVER_VIA_ROUTE_SERVERS;
        }
        return RejectCode.ACCEPTED;
    }

    /** Is the set's origin AS one of client {@code c}'s AS-SETs' (the set alone decides it)? */
    static boolean originInAsSet(RsPolicy.Client c, PathFacts f) {
        return c.origins().contains(f.origin());
    }

    /**
     * The checks that read the prefix, for a route whose set passed {@link #path}: IPv6 global unicast, black lists,
     * bogons, the AS-SETs, BLACKHOLE, RPKI, prefix length.
     *
     * @param originOk {@link #originInAsSet}
     */
    static int prefix(RsPolicy.Client c, PathFacts f, boolean originOk, IpPrefix prefix,
                      PrefixTable<RsPolicy.Roa> roas) {
        RsPolicy.General g = c.general();
        if (prefix.afi() == Family.AFI_IPV6 && (prefix.length() < 3 || (prefix.hi() >>> 61) != 1)) {
            return RejectCode.IPV6_NOT_GLOBAL_UNICAST; // not in 2000::/3
        }
        if (g.globalBlackList().matches(prefix)) {
            return RejectCode.GLOBAL_BLACK_LIST;
        }
        if (c.blackList().matches(prefix)) {
            return RejectCode.CLIENT_BLACK_LIST;
        }
        if (g.bogons().matches(prefix)) {
            return RejectCode.BOGON;
        }
        int irr = irr(c, f, originOk, prefix);
        if (irr != RejectCode.ACCEPTED) {
            return irr;
        }
        if (Blackhole.request(c, f, prefix.afi() == Family.AFI_IPV4)) {
            return RejectCode.ACCEPTED; // RFC 7999: no RPKI, no prefix length check (arouteserver's order)
        }
        if (g.rpki() && rpki(roas, prefix, f.origin()) == Rpki.INVALID) {
            return c.rpkiRejectInvalid() ? RejectCode.RPKI_INVALID : NOT_ANNOUNCED_RPKI_INVALID;
        }
        boolean v4 = prefix.afi() == Family.AFI_IPV4;
        int min = v4 ? c.ipv4Min() : c.ipv6Min();
        int max = v4 ? c.ipv4Max() : c.ipv6Max();
        if (prefix.length() < min || prefix.length() > max) {
            return RejectCode.PREFIX_LENGTH;
        }
        return RejectCode.ACCEPTED;
    }

    /** Origin (9) and prefix (12) against the client's AS-SETs, unless white_list_route validates the route. */
    static int irr(RsPolicy.Client c, PathFacts f, boolean originOk, IpPrefix prefix) {
        if (!c.enforceOrigin() && !c.enforcePrefix()) {
            return RejectCode.ACCEPTED;
        }
        boolean prefixOk = c.irrPrefixes().matches(prefix);
        if (originOk && prefixOk) {
            return RejectCode.ACCEPTED;
        }
        if (whiteListed(c, f, prefix)) {
            return RejectCode.ACCEPTED;
        }
        if (c.enforceOrigin() && !originOk) {
            return RejectCode.ORIGIN_NOT_IN_AS_SET;
        }
        if (c.enforcePrefix() && !prefixOk) {
            return RejectCode.PREFIX_NOT_IN_AS_SET;
        }
        return RejectCode.ACCEPTED;
    }

    /** Does an entry of the client's white_list_route cover the route (prefix range, and origin when it names one)? */
    static boolean whiteListed(RsPolicy.Client c, PathFacts f, IpPrefix prefix) {
        for (RsPolicy.WhiteRoute w : c.whiteListRoute()) {
            if (w.rule().prefix().afi() == prefix.afi() && w.rule().admits(prefix.length())
                    && new IpPrefix(prefix.afi(), prefix.hi(), prefix.lo(), w.rule().prefix().length())
                            .equals(w.rule().prefix())
                    && (w.asn() < 0 || w.asn() == f.origin())) {
                return true;
            }
        }
        return false;
    }

    /** RFC 6811 route origin validation states. */
    public enum Rpki { VALID, UNKNOWN, INVALID }

    /**
     * RFC 6811 section 2: no ROA covers the prefix, unknown (NotFound); a covering ROA with the route's origin AS and
     * a maxLength at least the prefix's, valid; covering ROAs but none matching, invalid. A route with no origin AS
     * (its path ends with an AS_SET) matches no ROA.
     */
    public static Rpki rpki(PrefixTable<RsPolicy.Roa> roas, IpPrefix prefix, long origin) {
        boolean[] covered = {false};
        boolean[] matched = {false};
        roas.covering(prefix, r -> {
            covered[0] = true;
            if (origin != 0 && r.asn() == origin && prefix.length() <= r.maxLength()) {
                matched[0] = true;
            }
        });
        return matched[0] ? Rpki.VALID : covered[0] ? Rpki.INVALID : Rpki.UNKNOWN;
    }

    /** Reserved and private AS numbers (arouteserver's as_path_contains_invalid_asn, from IANA's registry). */
    public static boolean invalidAsn(long a) {
        return a == 0 || a == 23456 || a >= 64496 && a <= 131071 || a >= 4200000000L;
    }
}
