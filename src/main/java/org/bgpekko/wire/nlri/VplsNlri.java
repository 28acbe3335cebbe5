// A VPLS route (RFC 4761 section 3.2.2, ExaBGP's "l2vpn vpls"): RD, VE ID, label block offset, size and base.
package org.bgpekko.wire.nlri;

import org.bgpekko.wire.Family;

/**
 * @param endpoint the VE ID (ExaBGP's "endpoint"), 0..65535
 * @param offset the VE block offset, 0..65535
 * @param size the VE block size, 0..65535
 * @param base the label base, 20 bits; sent with the bottom-of-stack bit set, as ExaBGP does
 */
public record VplsNlri(Family family, long pathId, RouteDistinguisher rd, int endpoint, int offset, int size, int base)
        implements Nlri {
    public static final Family FAMILY = new Family(Family.AFI_L2VPN, Family.SAFI_VPLS);

    public VplsNlri {
        Nlri.checkPathId(pathId);
        if (!family.equals(FAMILY)) {
            throw new IllegalArgumentException("a VPLS route is of family l2vpn vpls, not " + family);
        }
        check(endpoint, 0xFFFF, "endpoint");
        check(offset, 0xFFFF, "offset");
        check(size, 0xFFFF, "size");
        check(base, Labels.MAX_LABEL, "base");
    }

    public VplsNlri(RouteDistinguisher rd, int endpoint, int offset, int size, int base) {
        this(FAMILY, NO_PATH_ID, rd, endpoint, offset, size, base);
    }

    private static void check(int value, int max, String what) {
        if (value < 0 || value > max) {
            throw new IllegalArgumentException("VPLS " + what + " " + value + " out of range 0.." + max);
        }
    }
}
