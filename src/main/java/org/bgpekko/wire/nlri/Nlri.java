// One network layer reachability item of some family; NlriBlock holds many of them compactly.
package org.bgpekko.wire.nlri;

import org.bgpekko.wire.Family;

public sealed interface Nlri
        permits InetNlri, LabeledNlri, VpnNlri, FlowNlri, VplsNlri, MvpnNlri, MupNlri, EvpnNlri, BgpLsNlri {
    /** pathId() when no ADD-PATH identifier is attached. */
    long NO_PATH_ID = -1;

    Family family();

    /** RFC 7911 path identifier (0..2^32-1), or {@link #NO_PATH_ID}. */
    long pathId();

    /**
     * The IP prefix of a unicast, labeled or VPN route. The other families (FlowSpec, VPLS, MVPN, MUP, EVPN, BGP-LS) carry no
     * such prefix: check {@link #hasPrefix()} first.
     *
     * @throws UnsupportedOperationException for an NLRI without an IP prefix
     */
    default IpPrefix prefix() {
        throw new UnsupportedOperationException(family() + " NLRI carry no IP prefix");
    }

    /** True for the NLRI that are an IP prefix with qualifiers (unicast, multicast, nlri-mpls, mpls-vpn). */
    default boolean hasPrefix() {
        return false;
    }

    static void checkPathId(long pathId) {
        if (pathId != NO_PATH_ID && (pathId < 0 || pathId > 0xFFFFFFFFL)) {
            throw new IllegalArgumentException("path identifier out of range: " + pathId);
        }
    }

    static void checkAfi(Family family, IpPrefix prefix) {
        if (family.afi() != prefix.afi()) {
            throw new IllegalArgumentException("prefix " + prefix + " does not belong to " + family);
        }
    }
}
