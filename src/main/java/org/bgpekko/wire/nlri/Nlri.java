// One network layer reachability item of some family; NlriBlock holds many of them compactly.
package org.bgpekko.wire.nlri;

import org.bgpekko.wire.Family;

public sealed interface Nlri permits InetNlri, LabeledNlri, VpnNlri {
    /** pathId() when no ADD-PATH identifier is attached. */
    long NO_PATH_ID = -1;

    Family family();

    /** RFC 7911 path identifier (0..2^32-1), or {@link #NO_PATH_ID}. */
    long pathId();

    IpPrefix prefix();

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
