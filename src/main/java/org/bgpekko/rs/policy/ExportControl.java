// arouteserver's export filter (announce_to_<client>): BGP control communities, prepends, NO_EXPORT/NO_ADVERTISE,
// and the scrubbing of the route server's own communities.
package org.bgpekko.rs.policy;

import it.unimi.dsi.fastutil.longs.LongArrayList;
import java.util.List;
import java.util.Map;
import org.bgpekko.config.RsCommunity;
import org.bgpekko.config.RsPolicy;

/**
 * For one target client and one attribute set: whether the route is announced to it
 * ({@link #announce}: do_not_announce_to_peer, then announce_to_peer, then do_not_announce_to_any, first match wins,
 * as arouteserver's route_can_be_announced_to), and the attributes it gets ({@link #rewrite}): the left-most AS
 * prepended once, twice or thrice (prepend_*_to_peer before prepend_*_to_any, first match), the route server's AS
 * prepended for a client with prepend_rs_as, NO_EXPORT / NO_ADVERTISE added, then every inbound and internal
 * community of the route server removed (the outbound and custom ones a client sent went on ingress, rs.policy.Ingress;
 * those the route server added stay), and
 * rpki_bgp_origin_validation_not_performed added when origin validation is off. A {@code peer_as} macro matches the
 * target's AS (in a standard community: its 16bit_mapped_asn when its AS is 32-bit); when scrubbing it matches the
 * ranges arouteserver removes (1..64511 and the mapped ASNs for standard, also 131072..4199999999 for large and
 * extended), so private values of a client's own survive.
 */
public final class ExportControl {
    private ExportControl() {}

    static final long NO_EXPORT = 0xFFFFFF01L;
    static final long NO_ADVERTISE = 0xFFFFFF02L;

    /**
     * What a set's communities can do at export under one general.yml, worked out once per set: nothing
     * ({@link #FREE}: no community of the route server's, no NO_EXPORT, NO_ADVERTISE or BLACKHOLE, so every client
     * is sent the set, changed only by its own prepend_rs_as and the general switches), or act; and the peers its
     * {@code peer_as} control communities name, by the value the macro takes: {@code std} in a standard community
     * (the client's AS or 16bit_mapped_asn), {@code wide} in an extended or large one (the client's AS). A client
     * none of them names is treated as every such client with the same {@link ExportProfile}.
     */
    public record Scope(boolean acts, long[] std, long[] wide) {
        public static final Scope FREE = new Scope(false, new long[0], new long[0]);

        public boolean peerSpecific() {
            return std.length + wide.length > 0;
        }

        public boolean names(RsPolicy.Client t) {
            return contains(std, t.stdPeerAs()) || contains(wide, t.asn());
        }

        private static boolean contains(long[] a, long v) {
            for (long x : a) {
                if (x == v) {
                    return true;
                }
            }
            return false;
        }
    }

    /** The {@link Scope} of a set with facts {@code f} under general settings {@code g}. */
    public static Scope scope(RsPolicy.General g, PathFacts f) {
        if (f.communities().length + f.extended().length + f.large().length == 0) {
            return Scope.FREE;
        }
        boolean acts = false;
        for (long v : f.communities()) {
            acts |= v == NO_EXPORT || v == NO_ADVERTISE || v == Blackhole.BLACKHOLE;
        }
        for (Map.Entry<String, RsCommunity> e : g.communities().entrySet()) {
            acts = acts || exported(e.getKey()) && anyPresent(e.getValue(), f);
        }
        if (!acts) {
            return Scope.FREE;
        }
        LongArrayList std = new LongArrayList();
        LongArrayList wide = new LongArrayList();
        for (RsCommunity c : g.communities().values()) {
            RsCommunity.Value v = c.std();
            if (v != null && v.macro() == RsCommunity.Macro.PEER_AS) {
                for (long x : f.communities()) {
                    if (x >>> 16 == v.first()) {
                        std.add(x & 0xFFFF);
                    }
                }
            }
            v = c.ext();
            if (v != null && v.macro() == RsCommunity.Macro.PEER_AS) {
                for (long x : f.extended()) {
                    if (extMatches(v, x)) {
                        wide.add(extLast(v, x));
                    }
                }
            }
            v = c.lrg();
            if (v != null && v.macro() == RsCommunity.Macro.PEER_AS) {
                long[] l = f.large();
                for (int i = 0; i < l.length; i += 3) {
                    if (l[i] == v.first() && l[i + 1] == v.second()) {
                        wide.add(l[i + 2]);
                    }
                }
            }
        }
        return new Scope(true, std.toLongArray(), wide.toLongArray());
    }

    public static boolean announce(RsPolicy.Client t, PathFacts f) {
        RsPolicy.General g = t.general();
        if (!t.announceBlackhole() && Blackhole.request(t, f)) {
            return false;
        }
        if (g.rfc1997() == RsPolicy.Rfc1997.RFC1997
                && (f.hasCommunity(NO_ADVERTISE) || f.hasCommunity(NO_EXPORT) && t.asn() != g.rsAs())) {
            return false;
        }
        if (matches(g.community("do_not_announce_to_peer"), f, t)) {
            return false;
        }
        if (matches(g.community("announce_to_peer"), f, t)) {
            return true;
        }
        return !matches(g.community("do_not_announce_to_any"), f, t);
    }

    /** Is the set changed for this client? Cheap: true when some community may be the route server's. */
    public static boolean rewrites(RsPolicy.Client t, PathFacts f) {
        RsPolicy.General g = t.general();
        if (t.prependRsAs() || !g.rpki() && g.community("rpki_bgp_origin_validation_not_performed") != null
                || Blackhole.request(t, f)) {
            return true;
        }
        if (f.communities().length + f.extended().length + f.large().length == 0) {
            return false;
        }
        for (Map.Entry<String, RsCommunity> e : g.communities().entrySet()) {
            if (exported(e.getKey()) && anyPresent(e.getValue(), f)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Is a built-in community one the export acts on or removes (inbound and internal ones)? Outbound and custom ones
     * were removed from what the client sent on ingress ({@link Ingress}); those on the set are the route server's.
     */
    private static boolean exported(String name) {
        return RsPolicy.type(name) != RsPolicy.CommunityType.OUTBOUND;
    }

    /** The canonical bytes client {@code t} gets. */
    public static byte[] rewrite(RsPolicy.Client t, PathFacts f, byte[] canonical) {
        RsPolicy.General g = t.general();
        int prepend = prepends(g, f, t);
        boolean noExport = matches(g.community("add_noexport_to_any"), f, t)
                || matches(g.community("add_noexport_to_peer"), f, t);
        boolean noAdvertise = matches(g.community("add_noadvertise_to_any"), f, t)
                || matches(g.community("add_noadvertise_to_peer"), f, t);
        AttributeRewrite r = new AttributeRewrite(f);
        boolean blackhole = Blackhole.request(t, f);
        if (blackhole) {
            Blackhole.apply(t, f, r);
        }
        if (prepend > 0 && f.first() != 0) {
            r.prepend(f.first(), prepend);
        }
        if (t.prependRsAs()) {
            r.prepend(g.rsAs(), 1);
        }
        if (noExport) {
            r.addCommunity(NO_EXPORT);
        }
        if (noAdvertise) {
            r.addCommunity(NO_ADVERTISE);
        }
        r.removeCommunities(v -> scrubbedStd(g, v, false));
        r.removeExtended(v -> scrubbedExt(g, v, false));
        r.removeLarge((a, b, c) -> scrubbedLarge(g, a, b, c, false));
        RsCommunity notPerformed = g.community("rpki_bgp_origin_validation_not_performed");
        if ((!g.rpki() || blackhole) && notPerformed != null) {
            add(r, notPerformed);
        }
        return r.apply(canonical);
    }

    static void add(AttributeRewrite r, RsCommunity c) {
        if (c.std() != null) {
            r.addCommunity(c.std().std(c.std().last()));
        }
        if (c.ext() != null) {
            r.addExtended(c.ext().ext(c.ext().last()));
        }
        if (c.lrg() != null) {
            r.addLarge(c.lrg().first(), c.lrg().second(), c.lrg().last());
        }
    }

    /** 1, 2 or 3 prepends asked by prepend_*_to_peer (first) or prepend_*_to_any, 0 for none. */
    static int prepends(RsPolicy.General g, PathFacts f, RsPolicy.Client t) {
        String[] times = {"once", "twice", "thrice"};
        for (String scope : new String[] {"peer", "any"}) {
            for (int i = 0; i < 3; i++) {
                if (matches(g.community("prepend_" + times[i] + "_to_" + scope), f, t)) {
                    return i + 1;
                }
            }
        }
        return 0;
    }

    /** Does the route carry community {@code c} (its peer_as macro standing for target {@code t})? */
    static boolean matches(RsCommunity c, PathFacts f, RsPolicy.Client t) {
        if (c == null) {
            return false;
        }
        RsCommunity.Value std = c.std();
        if (std != null) {
            long last = lastFor(std, t, true);
            if (last >= 0 && f.hasCommunity(std.std(last))) {
                return true;
            }
        }
        RsCommunity.Value ext = c.ext();
        if (ext != null) {
            long last = lastFor(ext, t, false);
            if (last >= 0 && f.hasExtended(ext.ext(last))) {
                return true;
            }
        }
        RsCommunity.Value lrg = c.lrg();
        if (lrg != null) {
            long last = lastFor(lrg, t, false);
            return last >= 0 && f.hasLarge(lrg.first(), lrg.second(), last);
        }
        return false;
    }

    /** The last part for target {@code t}: fixed, or its AS (-1 when it does not fit the value's last part). */
    private static long lastFor(RsCommunity.Value v, RsPolicy.Client t, boolean std) {
        if (v.macro() == RsCommunity.Macro.NONE) {
            return v.last();
        }
        if (v.macro() != RsCommunity.Macro.PEER_AS) {
            return -1;
        }
        long as = std ? t.stdPeerAs() : t.asn();
        return as <= v.lastMax() ? as : -1;
    }

    private static boolean anyPresent(RsCommunity c, PathFacts f) {
        if (c.std() != null) {
            for (long v : f.communities()) {
                if (v >>> 16 == c.std().first()) {
                    return true;
                }
            }
        }
        if (c.ext() != null && f.extended().length > 0) {
            return true;
        }
        if (c.lrg() != null) {
            for (int i = 0; i < f.large().length; i += 3) {
                if (f.large()[i] == c.lrg().first()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Does the route server remove this last part of a community of kind {@code type} with this macro? */
    private static boolean lastScrubbed(RsCommunity.Value v, long last, RsPolicy.CommunityType type,
                                        RsPolicy.General g) {
        return switch (v.macro()) {
            case NONE -> last == v.last();
            case DYN_VAL -> true;
            case PEER_AS -> type != RsPolicy.CommunityType.INBOUND || last >= 1 && last <= 64511
                    || v.form() == RsCommunity.Form.STD && g.mapped16().containsValue(last)
                    || v.form() != RsCommunity.Form.STD && v.lastMax() > 0xFFFF && last >= 131072
                    && last <= 4199999999L;
        };
    }

    /**
     * Is a standard community removed: on export ({@code ingress} false: the inbound and internal communities of
     * general.yml, arouteserver's scrub_communities_out) or on ingress (the outbound and internal ones and the custom
     * ones, scrub_communities_in)?
     */
    static boolean scrubbedStd(RsPolicy.General g, long value, boolean ingress) {
        for (Map.Entry<String, RsCommunity> e : g.communities().entrySet()) {
            RsCommunity.Value v = e.getValue().std();
            RsPolicy.CommunityType t = RsPolicy.type(e.getKey());
            if (v != null && scrubs(t, ingress) && value >>> 16 == v.first() && lastScrubbed(v, value & 0xFFFF, t, g)) {
                return true;
            }
        }
        for (RsCommunity c : ingress ? g.custom().values() : List.<RsCommunity>of()) {
            if (c.std() != null && value == c.std().std(c.std().last())) {
                return true;
            }
        }
        return false;
    }

    static boolean scrubbedExt(RsPolicy.General g, long value, boolean ingress) {
        for (Map.Entry<String, RsCommunity> e : g.communities().entrySet()) {
            RsCommunity.Value v = e.getValue().ext();
            RsPolicy.CommunityType t = RsPolicy.type(e.getKey());
            if (v != null && scrubs(t, ingress) && extMatches(v, value) && lastScrubbed(v, extLast(v, value), t, g)) {
                return true;
            }
        }
        for (RsCommunity c : ingress ? g.custom().values() : List.<RsCommunity>of()) {
            if (c.ext() != null && value == c.ext().ext(c.ext().last())) {
                return true;
            }
        }
        return false;
    }

    static boolean scrubbedLarge(RsPolicy.General g, long a, long b, long c, boolean ingress) {
        for (Map.Entry<String, RsCommunity> e : g.communities().entrySet()) {
            RsCommunity.Value v = e.getValue().lrg();
            RsPolicy.CommunityType t = RsPolicy.type(e.getKey());
            if (v != null && scrubs(t, ingress) && a == v.first() && b == v.second() && lastScrubbed(v, c, t, g)) {
                return true;
            }
        }
        for (RsCommunity x : ingress ? g.custom().values() : List.<RsCommunity>of()) {
            if (x.lrg() != null && a == x.lrg().first() && b == x.lrg().second() && c == x.lrg().last()) {
                return true;
            }
        }
        return false;
    }

    /** Internal communities go both ways; inbound ones on export, outbound ones on ingress. */
    private static boolean scrubs(RsPolicy.CommunityType t, boolean ingress) {
        return t == RsPolicy.CommunityType.INTERNAL || t == (ingress ? RsPolicy.CommunityType.OUTBOUND
                : RsPolicy.CommunityType.INBOUND);
    }

    /** Same type, sub-type and global administrator as the value's form. */
    static boolean extMatches(RsCommunity.Value v, long value) {
        long probe = v.ext(0);
        long mask = v.lastMax() > 0xFFFF ? 0xFFFFFFFF00000000L : 0xFFFFFFFFFFFF0000L;
        return (value & mask) == (probe & mask);
    }

    static long extLast(RsCommunity.Value v, long value) {
        return v.lastMax() > 0xFFFF ? value & 0xFFFFFFFFL : value & 0xFFFF;
    }
}
