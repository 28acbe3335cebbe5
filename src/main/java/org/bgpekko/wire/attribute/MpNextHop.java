// The next-hop field of MP_REACH_NLRI per family: which lengths are valid and what the address is.
package org.bgpekko.wire.attribute;

import java.util.List;
import java.util.Map;
import org.bgpekko.wire.Bytes;
import org.bgpekko.wire.Family;
import org.bgpekko.wire.nlri.IpAddress;

/**
 * RFC 4760 section 3 leaves the next-hop encoding to each family; a length the family does not define is a
 * malformed MP_REACH_NLRI (RFC 7606 section 7.11). Families not listed here (those kept opaque, FlowSpec, EVPN,
 * ...) are not checked; a family gets checked by adding its lengths to the table.
 */
public final class MpNextHop {
    private MpNextHop() {}

    /**
     * Valid lengths per family: the plain ones, and those an extended next hop adds (RFC 8950). The session
     * options record which families negotiated one, not the next-hop AFI, so both address families' lengths are
     * accepted then (ExaBGP's {@code nexthop { ipv6 unicast ipv4; }} sends IPv6 routes with a 4-byte next hop).
     */
    private record Lengths(List<Integer> plain, List<Integer> extended, int rdBytes) {}

    private static final Lengths V4 = new Lengths(List.of(4), List.of(16, 32), 0); // RFC 4760, RFC 8950 section 3
    private static final Lengths V6 = new Lengths(List.of(16, 32), List.of(4), 0); // RFC 2545 section 3
    private static final Lengths VPN4 = new Lengths(List.of(12), List.of(24, 48), 8); // RFC 4364 4.3.2, RFC 8950
    private static final Lengths VPN6 = new Lengths(List.of(24, 48), List.of(12), 8); // RFC 4659 section 3.2.1.1

    private static final Map<Family, Lengths> TABLE = Map.of(
            Family.IPV4_UNICAST, V4, Family.IPV4_MULTICAST, V4, Family.IPV4_NLRI_MPLS, V4, // RFC 8277 section 2
            Family.IPV6_UNICAST, V6, Family.IPV6_MULTICAST, V6, Family.IPV6_NLRI_MPLS, V6, // RFC 4798 (6PE)
            Family.IPV4_MPLS_VPN, VPN4, Family.IPV6_MPLS_VPN, VPN6);

    /**
     * Why a next-hop field of {@code length} bytes is invalid for {@code family}, or null when it is valid or the
     * family's encoding is not known here.
     *
     * @param extendedNextHop the session negotiated an extended next hop for this family (RFC 8950)
     */
    public static String lengthError(Family family, int length, boolean extendedNextHop) {
        Lengths l = TABLE.get(family);
        if (l == null || l.plain().contains(length) || extendedNextHop && l.extended().contains(length)) {
            return null;
        }
        String ext = extendedNextHop ? " or " + l.extended()
                : " (" + l.extended() + " with the extended next hop capability)";
        return "MP_REACH_NLRI next-hop length " + length + " is invalid for " + family + ": expected " + l.plain() + ext;
    }

    /**
     * The (first, global) next-hop address of a field whose length {@link #lengthError} accepted, past the RD of
     * VPN families; null for a family not known here or a field too short to hold one.
     */
    public static IpAddress address(Family family, Bytes field) {
        Lengths l = TABLE.get(family);
        int len = field.length() - (l == null ? 0 : l.rdBytes());
        if (l == null || len < 4) {
            return null;
        }
        int addressLength = len >= 16 ? 16 : 4;
        byte[] b = field.toArray();
        return IpAddress.read(b, l.rdBytes(), addressLength);
    }
}
