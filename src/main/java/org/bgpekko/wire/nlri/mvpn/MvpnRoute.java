// The MVPN route types ExaBGP reads (RFC 6514 sections 4.5 and 4.6): typed views of an MvpnNlri, and builders.
package org.bgpekko.wire.nlri.mvpn;

import org.bgpekko.wire.Family;
import org.bgpekko.wire.Wire;
import org.bgpekko.wire.WireWriter;
import org.bgpekko.wire.nlri.IpAddress;
import org.bgpekko.wire.nlri.MvpnNlri;
import org.bgpekko.wire.nlri.Nlri;
import org.bgpekko.wire.nlri.RouteDistinguisher;

public sealed interface MvpnRoute {
    int SOURCE_AD = 5;
    int SHARED_JOIN = 6;
    int SOURCE_JOIN = 7;

    /** Route type 5, Source Active A-D: RD, multicast source and group. */
    record SourceAd(RouteDistinguisher rd, IpAddress source, IpAddress group) implements MvpnRoute {}

    /**
     * Route types 6 and 7, C-multicast routes: RD, source AS, multicast source (the RP of a shared tree join) and
     * group.
     */
    record CMulticast(int routeType, RouteDistinguisher rd, long sourceAs, IpAddress source, IpAddress group)
            implements MvpnRoute {}

    /** Another route type: ExaBGP shows its raw bytes. */
    record Other(int routeType) implements MvpnRoute {}

    /** ExaBGP's name of a route type. */
    static String name(int routeType) {
        return switch (routeType) {
            case SOURCE_AD -> "Source Active A-D Route";
            case SHARED_JOIN -> "C-Multicast Shared Tree Join route";
            case SOURCE_JOIN -> "C-Multicast Source Tree Join route";
            default -> "Unknown";
        };
    }

    /** Reads an MVPN route, or null when a type ExaBGP knows has a value of the wrong shape. */
    static MvpnRoute read(int routeType, byte[] b, int off, int len) {
        switch (routeType) {
            case SOURCE_AD -> {
                if (len != 18 && len != 42) {
                    return null;
                }
                IpAddress[] sg = sourceGroup(b, off + 8, off + len);
                return sg == null ? null : new SourceAd(RouteDistinguisher.read(b, off), sg[0], sg[1]);
            }
            case SHARED_JOIN, SOURCE_JOIN -> {
                if (len != 22 && len != 46) {
                    return null;
                }
                IpAddress[] sg = sourceGroup(b, off + 12, off + len);
                return sg == null ? null : new CMulticast(routeType, RouteDistinguisher.read(b, off),
                        Wire.u32(b, off + 8), sg[0], sg[1]);
            }
            default -> {
                return new Other(routeType);
            }
        }
    }

    static MvpnRoute of(MvpnNlri n) {
        byte[] v = n.value().toArray();
        return read(n.routeType(), v, 0, v.length);
    }

    /** Length-prefixed source then group, each 32 or 128 bits, filling [p, end) exactly; null otherwise. */
    private static IpAddress[] sourceGroup(byte[] b, int p, int end) {
        IpAddress[] out = new IpAddress[2];
        for (int i = 0; i < 2; i++) {
            int bits = b[p] & 0xFF;
            if ((bits != 32 && bits != 128) || p + 1 + bits / 8 > end) {
                return null;
            }
            out[i] = IpAddress.read(b, p + 1, bits / 8);
            p += 1 + bits / 8;
        }
        return p == end ? out : null;
    }

    static MvpnNlri sourceAd(Family family, RouteDistinguisher rd, IpAddress source, IpAddress group) {
        WireWriter w = new WireWriter(42);
        rd.write(w);
        address(w, source);
        address(w, group);
        return new MvpnNlri(family, Nlri.NO_PATH_ID, SOURCE_AD, w.toBytes(0, w.position()));
    }

    /** A shared tree join (type 6, {@code source} is the RP) or a source tree join (type 7). */
    static MvpnNlri cMulticast(Family family, int routeType, RouteDistinguisher rd, long sourceAs, IpAddress source,
                               IpAddress group) {
        if (routeType != SHARED_JOIN && routeType != SOURCE_JOIN) {
            throw new IllegalArgumentException("route type " + routeType + " is not a C-multicast route");
        }
        WireWriter w = new WireWriter(46);
        rd.write(w);
        w.put32(sourceAs);
        address(w, source);
        address(w, group);
        return new MvpnNlri(family, Nlri.NO_PATH_ID, routeType, w.toBytes(0, w.position()));
    }

    private static void address(WireWriter w, IpAddress a) {
        w.put8(a.bits());
        a.write(w);
    }
}
