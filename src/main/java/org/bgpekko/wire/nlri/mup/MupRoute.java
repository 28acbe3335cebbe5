// The 3GPP-5G MUP route types ExaBGP reads (draft-mpmz-bess-mup-safi section 3.1): typed views and builders.
package org.bgpekko.wire.nlri.mup;

import org.bgpekko.wire.Family;
import org.bgpekko.wire.WireWriter;
import org.bgpekko.wire.nlri.IpAddress;
import org.bgpekko.wire.nlri.IpPrefix;
import org.bgpekko.wire.nlri.MupNlri;
import org.bgpekko.wire.nlri.Nlri;
import org.bgpekko.wire.nlri.RouteDistinguisher;

public sealed interface MupRoute {
    int ARCH_3GPP_5G = 1;
    int ISD = 1;
    int DSD = 2;
    int T1ST = 3;
    int T2ST = 4;
    /** At most this many TEID bits follow a Type 2 ST route's endpoint address. */
    int MAX_TEID_BITS = 32;

    /** Interwork Segment Discovery: RD and prefix. */
    record Isd(RouteDistinguisher rd, IpPrefix prefix) implements MupRoute {}

    /** Direct Segment Discovery: RD and address (4 or 16 bytes whatever the family, as ExaBGP reads it). */
    record Dsd(RouteDistinguisher rd, IpAddress address) implements MupRoute {}

    /** Type 1 Session Transformed: RD, prefix, TEID, QFI, endpoint, and a source address or null. */
    record T1st(RouteDistinguisher rd, IpPrefix prefix, long teid, int qfi, IpAddress endpoint, IpAddress source)
            implements MupRoute {}

    /** Type 2 Session Transformed: RD, endpoint length (address bits + TEID bits), endpoint, TEID. */
    record T2st(RouteDistinguisher rd, int endpointLength, IpAddress endpoint, long teid) implements MupRoute {}

    /** Another architecture or route type: ExaBGP shows its raw bytes. */
    record Other(int archType, int routeType) implements MupRoute {}

    /** ExaBGP's name of a 3GPP-5G route type. */
    static String name(int routeType) {
        return switch (routeType) {
            case ISD -> "InterworkSegmentDiscoveryRoute";
            case DSD -> "DirectSegmentDiscoveryRoute";
            case T1ST -> "Type1SessionTransformedRoute";
            case T2ST -> "Type2SessionTransformedRoute";
            default -> "Unknown";
        };
    }

    static MupRoute of(MupNlri n) {
        byte[] v = n.value().toArray();
        return read(n.family().afi(), n.archType(), n.routeType(), v, 0, v.length);
    }

    /** Reads a MUP route of an IPv4 or IPv6 family, or null when a known route type is malformed. */
    static MupRoute read(int afi, int arch, int type, byte[] b, int off, int len) {
        if (arch != ARCH_3GPP_5G || type < ISD || type > T2ST) {
            return new Other(arch, type);
        }
        if (len < 9) {
            return null;
        }
        RouteDistinguisher rd = RouteDistinguisher.read(b, off);
        int end = off + len;
        int p = off + 8;
        switch (type) {
            case ISD -> {
                IpPrefix prefix = prefix(afi, b, p, end);
                return prefix != null && p + 1 + prefix.wireBytes() == end ? new Isd(rd, prefix) : null;
            }
            case DSD -> {
                return len == 12 || len == 24 ? new Dsd(rd, IpAddress.read(b, p, len - 8)) : null;
            }
            case T1ST -> {
                IpPrefix prefix = prefix(afi, b, p, end);
                if (prefix == null) {
                    return null;
                }
                p += 1 + prefix.wireBytes();
                if (p + 6 > end) {
                    return null;
                }
                long teid = org.bgpekko.wire.Wire.u32(b, p);
                int qfi = b[p + 4] & 0xFF;
                IpAddress endpoint = address(b, p + 5, end);
                if (endpoint == null) {
                    return null;
                }
                p += 6 + endpoint.byteLength();
                IpAddress source = null;
                if (p < end) {
                    source = address(b, p, end);
                    if (source == null) {
                        return null;
                    }
                    p += 1 + source.byteLength();
                }
                return p == end ? new T1st(rd, prefix, teid, qfi, endpoint, source) : null;
            }
            default -> {
                int bits = afi == Family.AFI_IPV4 ? 32 : 128;
                int endpointLength = b[p] & 0xFF;
                int teidBits = endpointLength - bits;
                if (teidBits < 0 || teidBits > MAX_TEID_BITS || p + 1 + bits / 8 + (teidBits + 7) / 8 != end) {
                    return null;
                }
                IpAddress endpoint = IpAddress.read(b, p + 1, bits / 8);
                long teid = 0;
                for (int i = p + 1 + bits / 8; i < end; i++) {
                    teid = teid << 8 | (b[i] & 0xFF);
                }
                return new T2st(rd, endpointLength, endpoint, teid);
            }
        }
    }

    /** A length byte then the significant bytes of a prefix of {@code afi}; null if it overruns or is too long. */
    private static IpPrefix prefix(int afi, byte[] b, int p, int end) {
        int bits = b[p] & 0xFF;
        if (bits > IpPrefix.maxLength(afi) || p + 1 + (bits + 7) / 8 > end) {
            return null;
        }
        return IpPrefix.read(afi, b, p + 1, bits);
    }

    /** A length byte (32 or 128) then the address; null otherwise. */
    private static IpAddress address(byte[] b, int p, int end) {
        int bits = b[p] & 0xFF;
        if ((bits != 32 && bits != 128) || p + 1 + bits / 8 > end) {
            return null;
        }
        return IpAddress.read(b, p + 1, bits / 8);
    }

    static MupNlri isd(Family family, RouteDistinguisher rd, IpPrefix prefix) {
        WireWriter w = start(rd);
        w.put8(prefix.length());
        prefix.writeAddressBytes(w);
        return nlri(family, ISD, w);
    }

    static MupNlri dsd(Family family, RouteDistinguisher rd, IpAddress address) {
        WireWriter w = start(rd);
        address.write(w);
        return nlri(family, DSD, w);
    }

    /** A Type 1 ST route; {@code source} may be null. */
    static MupNlri t1st(Family family, RouteDistinguisher rd, IpPrefix prefix, long teid, int qfi,
                        IpAddress endpoint, IpAddress source) {
        WireWriter w = start(rd);
        w.put8(prefix.length());
        prefix.writeAddressBytes(w);
        w.put32(teid).put8(qfi).put8(endpoint.bits());
        endpoint.write(w);
        if (source != null) {
            w.put8(source.bits());
            source.write(w);
        }
        return nlri(family, T1ST, w);
    }

    /** A Type 2 ST route: the endpoint, then the low {@code teidBits} bits of the TEID in whole bytes. */
    static MupNlri t2st(Family family, RouteDistinguisher rd, IpAddress endpoint, long teid, int teidBits) {
        if (teidBits < 0 || teidBits > MAX_TEID_BITS || teid < 0 || teid >>> teidBits != 0) {
            throw new IllegalArgumentException("TEID " + teid + " does not fit " + teidBits + " bits");
        }
        WireWriter w = start(rd);
        w.put8(endpoint.bits() + teidBits);
        endpoint.write(w);
        for (int i = (teidBits + 7) / 8 - 1; i >= 0; i--) {
            w.put8((int) (teid >>> (8 * i)));
        }
        return nlri(family, T2ST, w);
    }

    private static WireWriter start(RouteDistinguisher rd) {
        WireWriter w = new WireWriter(64);
        rd.write(w);
        return w;
    }

    private static MupNlri nlri(Family family, int type, WireWriter w) {
        return new MupNlri(family, Nlri.NO_PATH_ID, ARCH_3GPP_5G, type, w.toBytes(0, w.position()));
    }
}
