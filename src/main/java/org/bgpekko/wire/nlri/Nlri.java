// One network layer reachability item of some family; NlriBlock holds many of them compactly.
package org.bgpekko.wire.nlri;

import org.bgpekko.wire.Family;

public sealed interface Nlri permits InetNlri, LabeledNlri, VpnNlri, FlowNlri {
    /** pathId() when no ADD-PATH identifier is attached. */
    long NO_PATH_ID = -1;

    Family family();

    /** RFC 7911 path identifier (0..2^32-1), or {@link #NO_PATH_ID}. */
    long pathId();

    /**
     * The IP prefix of the prefix families (unicast, multicast, nlri-mpls, mpls-vpn).
     *
     * @throws UnsupportedOperationException for NLRI that are not identified by one prefix (FlowSpec)
     */
    default IpPrefix prefix() {
        throw new UnsupportedOperationException(family() + " NLRI have no single prefix");
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
