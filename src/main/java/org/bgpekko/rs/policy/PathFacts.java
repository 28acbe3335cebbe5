// What the route-server policy reads from one attribute set: next hop, AS_PATH, communities; parsed once per set.
package org.bgpekko.rs.policy;

import java.util.Arrays;
import org.bgpekko.wire.Wire;
import org.bgpekko.wire.attribute.PathAttribute;
import org.bgpekko.wire.nlri.IpAddress;

/**
 * Parsed from the Rib's canonical form ({@code [next-hop length] [next-hop field] [attributes in type order, AS
 * numbers in four octets]}). The AS_PATH reads as BIRD's {@code bgp_path} does for arouteserver's filters: its
 * length counts an AS_SET as one and confederation segments as none, {@code first} is the left-most AS of a leading
 * AS_SEQUENCE (0 otherwise), {@code origin} the right-most AS of a trailing AS_SEQUENCE (0 when the path ends with an
 * AS_SET or is empty: no origin, RFC 6811 section 2).
 *
 * @param nextHop the NEXT_HOP, or the MP_REACH_NLRI global next hop; null when there is none
 * @param asns every AS of the path, in order, all segments
 * @param communities standard communities (RFC 1997), as unsigned 32-bit values
 * @param extended extended communities (RFC 4360), 8 bytes each as a long
 * @param large large communities (RFC 8092), three longs each
 * @param otc the ONLY_TO_CUSTOMER AS (RFC 9234), or -1 when the set has none
 */
public record PathFacts(IpAddress nextHop, long[] asns, int pathLength, long first, long origin, long[] communities,
                        long[] extended, long[] large, long otc) {
    public static final int COMMUNITIES = 8;
    public static final int EXTENDED_COMMUNITIES = 16;
    public static final int LARGE_COMMUNITIES = 32;
    /** Shared by every set without such a list (most sets have no communities of one kind or another). */
    private static final long[] NONE = new long[0];

    public static PathFacts parse(byte[] b) {
        int nhLength = b[0] & 0xFF;
        IpAddress nextHop = nhLength >= 16 ? IpAddress.read(b, 1, 16) : nhLength == 4 ? IpAddress.read(b, 1, 4) : null;
        long[] asns = NONE;
        int n = 0;
        int length = 0;
        long first = 0;
        long origin = 0;
        long[] std = NONE;
        long[] ext = NONE;
        long[] lrg = NONE;
        long otc = -1;
        int p = 1 + nhLength;
        while (p < b.length) {
            int flags = b[p] & 0xFF;
            int type = b[p + 1] & 0xFF;
            boolean extLen = (flags & 0x10) != 0;
            int len = extLen ? Wire.u16(b, p + 2) : b[p + 2] & 0xFF;
            int v = p + (extLen ? 4 : 3);
            switch (type) {
                case 3 -> nextHop = nextHop == null && len == 4 ? IpAddress.read(b, v, 4) : nextHop;
                case 2 -> {
                    for (int s = v; s + 2 <= v + len; ) {
                        int segType = b[s] & 0xFF;
                        int count = b[s + 1] & 0xFF;
                        if (asns.length < n + count) {
                            asns = Arrays.copyOf(asns, n + count);
                        }
                        for (int i = 0; i < count; i++) {
                            asns[n++] = Wire.u32(b, s + 2 + 4 * i);
                        }
                        if (s == v) {
                            first = segType == 2 && count > 0 ? asns[n - count] : 0;
                        }
                        origin = segType == 2 && count > 0 ? asns[n - 1] : 0;
                        length += segType == 2 ? count : segType == 1 ? 1 : 0;
                        s += 2 + 4 * count;
                    }
                }
                case COMMUNITIES -> {
                    std = new long[len / 4];
                    for (int i = 0; i < std.length; i++) {
                        std[i] = Wire.u32(b, v + 4 * i);
                    }
                }
                case EXTENDED_COMMUNITIES -> {
                    ext = new long[len / 8];
                    for (int i = 0; i < ext.length; i++) {
                        ext[i] = Wire.u32(b, v + 8 * i) << 32 | Wire.u32(b, v + 8 * i + 4);
                    }
                }
                case LARGE_COMMUNITIES -> {
                    lrg = new long[len / 12 * 3];
                    for (int i = 0; i < lrg.length; i++) {
                        lrg[i] = Wire.u32(b, v + 4 * i);
                    }
                }
                case PathAttribute.ONLY_TO_CUSTOMER -> otc = len == 4 ? Wire.u32(b, v) : otc;
                default -> { }
            }
            p = v + len;
        }
        return new PathFacts(nextHop, n == asns.length ? asns : Arrays.copyOf(asns, n), length, first, origin, std, ext,
                lrg, otc);
    }

    public boolean hasCommunity(long value) {
        for (long c : communities) {
            if (c == value) {
                return true;
            }
        }
        return false;
    }

    public boolean hasExtended(long value) {
        for (long c : extended) {
            if (c == value) {
                return true;
            }
        }
        return false;
    }

    public boolean hasLarge(long global, long local1, long local2) {
        for (int i = 0; i < large.length; i += 3) {
            if (large[i] == global && large[i + 1] == local1 && large[i + 2] == local2) {
                return true;
            }
        }
        return false;
    }

    public boolean pathContains(java.util.Set<Long> set) {
        if (set.isEmpty()) {
            return false;
        }
        for (long a : asns) {
            if (set.contains(a)) {
                return true;
            }
        }
        return false;
    }
}
