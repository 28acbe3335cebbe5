// arouteserver's import filter as it changes an accepted route (receive_from_<client>): the route server's own
// communities a client sent removed, custom communities attached, the IRR tags added, GRACEFUL_SHUTDOWN honoured.
package org.bgpekko.rs.policy;

import org.bgpekko.config.RsCommunity;
import org.bgpekko.config.RsPolicy;
import org.bgpekko.wire.nlri.IpPrefix;

/**
 * In the order of arouteserver's BIRD filter: {@code scrub_communities_in} (the outbound and internal communities of
 * general.yml and every custom one), {@code attach_custom_communities}, the tags of {@code verify_<client>_irrdb}
 * under {@code tag_as_set} (origin_not_present / origin_present / prefix_not_present / prefix_present_in_as_set,
 * route_validated_via_white_list), then {@code honor_graceful_shutdown} (LOCAL_PREF) or
 * {@code prevent_graceful_shutdown} (65535:0 removed). The route server holds the result as the route's attribute set
 * (docs/decisions.md D-TAG): routes with the same outcome share it, and export works on it as on any set. The
 * community lists of a changed set are sorted, as BIRD sends its sets.
 */
final class Ingress {
    private Ingress() {}

    /** Outcome bits of the IRR check, the part of a route's outcome its attribute set does not decide. */
    static final int ORIGIN_OK = 1;
    static final int PREFIX_OK = 2;
    static final int WHITE_LISTED = 4;
    /** No IRR tag is configured: the bits are not worked out. */
    static final int UNTAGGED = -1;

    private static final String[] TAGS = {"origin_not_present_in_as_set", "origin_present_in_as_set",
        "prefix_not_present_in_as_set", "prefix_present_in_as_set", "route_validated_via_white_list"};

    /** Does general.yml tag routes with their IRR state (tag_as_set and one of its communities set)? */
    static boolean tags(RsPolicy.General g) {
        if (!g.tagAsSet()) {
            return false;
        }
        for (String n : TAGS) {
            if (g.community(n) != null) {
                return true;
            }
        }
        return false;
    }

    /**
     * The IRR outcome of client {@code c}'s route: its origin ({@code originOk}: ImportChecks.originInAsSet), its
     * prefix, a white_list_route entry.
     */
    static int irr(RsPolicy.Client c, PathFacts f, boolean originOk, IpPrefix prefix) {
        return (originOk ? ORIGIN_OK : 0)
                | (c.irrPrefixes().matches(prefix) ? PREFIX_OK : 0)
                | (ImportChecks.whiteListed(c, f, prefix) ? WHITE_LISTED : 0);
    }

    /**
     * The attributes client {@code c}'s accepted route is held with, or null when they are those it sent.
     *
     * @param irr the route's {@link #irr} bits, or {@link #UNTAGGED}
     */
    static byte[] apply(RsPolicy.Client c, PathFacts f, byte[] canonical, boolean ipv4, int irr) {
        RsPolicy.General g = c.general();
        long gshut = GracefulShutdown.treatment(c, f, ipv4);
        boolean scrub = scrubs(g, f);
        if (!scrub && c.attach().isEmpty() && irr == UNTAGGED && gshut == GracefulShutdown.NONE) {
            return null;
        }
        AttributeRewrite r = new AttributeRewrite(f);
        if (scrub) {
            r.removeCommunities(v -> ExportControl.scrubbedStd(g, v, true));
            r.removeExtended(v -> ExportControl.scrubbedExt(g, v, true));
            r.removeLarge((a, b, x) -> ExportControl.scrubbedLarge(g, a, b, x, true));
        }
        for (RsCommunity a : c.attach()) {
            ExportControl.add(r, a);
        }
        if (irr != UNTAGGED) {
            tag(r, g, (irr & ORIGIN_OK) != 0 ? "origin_present_in_as_set" : "origin_not_present_in_as_set");
            tag(r, g, (irr & PREFIX_OK) != 0 ? "prefix_present_in_as_set" : "prefix_not_present_in_as_set");
            if ((irr & WHITE_LISTED) != 0) {
                tag(r, g, "route_validated_via_white_list");
            }
        }
        if (gshut == GracefulShutdown.STRIP) {
            r.removeCommunities(v -> v == GracefulShutdown.COMMUNITY);
        } else if (gshut >= 0) {
            r.localPref(gshut);
        }
        r.sortCommunities(); // BIRD keeps community sets sorted, and sends them so
        return r.apply(canonical);
    }

    private static void tag(AttributeRewrite r, RsPolicy.General g, String name) {
        RsCommunity c = g.community(name);
        if (c != null) {
            ExportControl.add(r, c);
        }
    }

    /** Does the set carry a community that scrub_communities_in removes? */
    private static boolean scrubs(RsPolicy.General g, PathFacts f) {
        for (long v : f.communities()) {
            if (ExportControl.scrubbedStd(g, v, true)) {
                return true;
            }
        }
        for (long v : f.extended()) {
            if (ExportControl.scrubbedExt(g, v, true)) {
                return true;
            }
        }
        long[] l = f.large();
        for (int i = 0; i < l.length; i += 3) {
            if (ExportControl.scrubbedLarge(g, l[i], l[i + 1], l[i + 2], true)) {
                return true;
            }
        }
        return false;
    }
}
