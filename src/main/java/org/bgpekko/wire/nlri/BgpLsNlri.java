// A BGP-LS route (RFC 9552 section 5.2, ExaBGP's "bgp-ls bgp-ls" and "bgp-ls bgp-ls-vpn"): NLRI type and value.
package org.bgpekko.wire.nlri;

import org.bgpekko.wire.Bytes;
import org.bgpekko.wire.Family;

/**
 * Received, kept and reported, never announced (ExaBGP announces no BGP-LS). The value is kept as sent, route
 * distinguisher first for bgp-ls-vpn; {@code org.bgpekko.wire.nlri.bgpls.LinkStateNlri} reads the node, link,
 * prefix and SRv6 SID NLRI as ExaBGP does.
 *
 * @param nlriType the NLRI type, 0..65535 (1 node, 2 link, 3 IPv4 prefix, 4 IPv6 prefix, 6 SRv6 SID)
 * @param value the NLRI type specific field, at most 65535 bytes
 */
public record BgpLsNlri(Family family, long pathId, int nlriType, Bytes value) implements Nlri {
    public static final Family FAMILY = new Family(Family.AFI_BGPLS, Family.SAFI_BGPLS);
    public static final Family VPN_FAMILY = new Family(Family.AFI_BGPLS, Family.SAFI_BGPLS_VPN);

    public BgpLsNlri {
        Nlri.checkPathId(pathId);
        if (!family.equals(FAMILY) && !family.equals(VPN_FAMILY)) {
            throw new IllegalArgumentException("a BGP-LS route is of family bgp-ls bgp-ls or bgp-ls-vpn, not "
                    + family);
        }
        if (nlriType < 0 || nlriType > 0xFFFF || value.length() > 0xFFFF) {
            throw new IllegalArgumentException("BGP-LS NLRI type " + nlriType + " or length " + value.length()
                    + " out of range");
        }
    }
}
