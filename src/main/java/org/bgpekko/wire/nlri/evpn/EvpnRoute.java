// The EVPN route types ExaBGP reads (RFC 7432 section 7, RFC 9136 for type 5): typed views of an EvpnNlri.
package org.bgpekko.wire.nlri.evpn;

import org.bgpekko.wire.Bytes;
import org.bgpekko.wire.Wire;
import org.bgpekko.wire.nlri.EvpnNlri;
import org.bgpekko.wire.nlri.IpAddress;
import org.bgpekko.wire.nlri.RouteDistinguisher;

/** Labels are the first raw 3-byte entry (label &lt;&lt; 4 | bits), the one ExaBGP shows. */
public sealed interface EvpnRoute {
    int ETHERNET_AD = 1;
    int MAC_IP = 2;
    int MULTICAST = 3;
    int SEGMENT = 4;
    int PREFIX = 5;

    /** Type 1, Ethernet Auto-Discovery. */
    record EthernetAd(RouteDistinguisher rd, Bytes esi, long etag, int label) implements EvpnRoute {}

    /** Type 2, MAC/IP Advertisement; {@code ip} is null when the route carries none. */
    record MacIp(RouteDistinguisher rd, Bytes esi, long etag, int macLength, Bytes mac, IpAddress ip, int label)
            implements EvpnRoute {}

    /** Type 3, Inclusive Multicast Ethernet Tag. */
    record Multicast(RouteDistinguisher rd, long etag, IpAddress ip) implements EvpnRoute {}

    /** Type 4, Ethernet Segment. */
    record Segment(RouteDistinguisher rd, Bytes esi, IpAddress ip) implements EvpnRoute {}

    /** Type 5, IP Prefix Advertisement. */
    record Prefix(RouteDistinguisher rd, Bytes esi, long etag, int ipLength, IpAddress ip, IpAddress gateway,
                  int label) implements EvpnRoute {}

    /** Another route type: ExaBGP shows its raw bytes. */
    record Other(int routeType) implements EvpnRoute {}

    /** ExaBGP's name of a route type. */
    static String name(int routeType) {
        return switch (routeType) {
            case ETHERNET_AD -> "Ethernet Auto-Discovery";
            case MAC_IP -> "MAC/IP advertisement";
            case MULTICAST -> "Inclusive Multicast Ethernet Tag";
            case SEGMENT -> "Ethernet Segment";
            case PREFIX -> "IP Prefix Advertisement";
            default -> "Unknown";
        };
    }

    static EvpnRoute of(EvpnNlri n) {
        byte[] v = n.value().toArray();
        return read(n.routeType(), v, 0, v.length);
    }

    /** Reads an EVPN route, or null when a type ExaBGP knows has a value of the wrong shape. */
    static EvpnRoute read(int type, byte[] b, int off, int len) {
        switch (type) {
            case ETHERNET_AD -> {
                return len == 25 ? new EthernetAd(RouteDistinguisher.read(b, off), Bytes.of(b, off + 8, 10),
                        Wire.u32(b, off + 18), Wire.u24(b, off + 22)) : null;
            }
            case MAC_IP -> {
                return macIp(b, off, len);
            }
            case MULTICAST -> {
                IpAddress ip = len >= 13 ? address(b, off + 12, off + len) : null;
                return ip != null ? new Multicast(RouteDistinguisher.read(b, off), Wire.u32(b, off + 8), ip) : null;
            }
            case SEGMENT -> {
                IpAddress ip = len >= 19 ? address(b, off + 18, off + len) : null;
                return ip != null ? new Segment(RouteDistinguisher.read(b, off), Bytes.of(b, off + 8, 10), ip) : null;
            }
            case PREFIX -> {
                int n = len == 34 ? 4 : len == 58 ? 16 : -1;
                if (n < 0) {
                    return null;
                }
                int p = off + 23;
                return new Prefix(RouteDistinguisher.read(b, off), Bytes.of(b, off + 8, 10), Wire.u32(b, off + 18),
                        b[off + 22] & 0xFF, IpAddress.read(b, p, n), IpAddress.read(b, p + n, n),
                        Wire.u24(b, p + 2 * n));
            }
            default -> {
                return new Other(type);
            }
        }
    }

    /**
     * RD, ESI, tag, MAC length (at most 48) and MAC, IP length (0, 32 or 128) and IP, one or two labels: 33 or 36
     * bytes without an IP, 37 or 40 with IPv4, 49 or 52 with IPv6.
     */
    private static EvpnRoute macIp(byte[] b, int off, int len) {
        if (len < 33 || (b[off + 22] & 0xFF) > 48) {
            return null;
        }
        int ipBits = b[off + 29] & 0xFF;
        int ipBytes = switch (len) {
            case 33, 36 -> 0;
            case 37, 40 -> 4;
            case 49, 52 -> 16;
            default -> -1;
        };
        if (ipBytes < 0 || ipBits != 8 * ipBytes) {
            return null;
        }
        IpAddress ip = ipBytes == 0 ? null : IpAddress.read(b, off + 30, ipBytes);
        return new MacIp(RouteDistinguisher.read(b, off), Bytes.of(b, off + 8, 10), Wire.u32(b, off + 18),
                b[off + 22] & 0xFF, Bytes.of(b, off + 23, 6), ip, Wire.u24(b, off + 30 + ipBytes));
    }

    /** An IP length byte (32 or 128) and the address, ending exactly at {@code end}; null otherwise. */
    private static IpAddress address(byte[] b, int p, int end) {
        int bits = b[p] & 0xFF;
        return (bits == 32 || bits == 128) && p + 1 + bits / 8 == end ? IpAddress.read(b, p + 1, bits / 8) : null;
    }
}
