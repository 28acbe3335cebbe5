// Edits of one canonical attribute set for export: AS_PATH prepends and community changes, other attributes kept as
// received, byte for byte.
package org.bgpekko.rs.policy;

import java.util.Arrays;
import java.util.function.LongPredicate;
import org.bgpekko.wire.Wire;
import org.bgpekko.wire.WireWriter;
import org.bgpekko.wire.attribute.PathAttribute;
import org.bgpekko.wire.nlri.IpAddress;

/**
 * Works on the Rib's canonical form ({@code [next-hop length] [next-hop field] [attributes in type order, AS numbers
 * in four octets]}); the result is in the same form, attributes still in type order, so {@code ExportAttributes}
 * treats it as any received set. Prepends go before the first AS_SEQUENCE's ASes (a new segment when it is full or
 * the path starts otherwise); a community list that ends empty is left out.
 */
final class AttributeRewrite {
    /** Tests one large community. */
    interface LargePredicate {
        boolean test(long global, long local1, long local2);
    }

    private final PathFacts facts;
    private long[] prepend = new long[0];
    private long[] std;
    private long[] ext;
    private long[] lrg;
    /** The next hop to send instead of the received one, or null. */
    private IpAddress nextHop;
    /** The LOCAL_PREF to set, or -1 to keep the received one (if any). */
    private long localPref = -1;

    AttributeRewrite(PathFacts facts) {
        this.facts = facts;
        this.std = facts.communities();
        this.ext = facts.extended();
        this.lrg = facts.large();
    }

    /** Prepends {@code as} {@code times} times (in front of earlier prepends). */
    void prepend(long as, int times) {
        long[] p = new long[prepend.length + times];
        Arrays.fill(p, 0, times, as);
        System.arraycopy(prepend, 0, p, times, prepend.length);
        prepend = p;
    }

    /** Replaces the next hop (the NEXT_HOP attribute, or the MP_REACH_NLRI field: a global address only). */
    void nextHop(IpAddress a) {
        nextHop = a;
    }

    /** Sets LOCAL_PREF (added when absent). */
    void localPref(long v) {
        localPref = v;
    }

    void addCommunity(long v) {
        for (long c : std) {
            if (c == v) {
                return;
            }
        }
        std = append(std, v);
    }

    void addExtended(long v) {
        for (long c : ext) {
            if (c == v) {
                return;
            }
        }
        ext = append(ext, v);
    }

    void addLarge(long a, long b, long c) {
        for (int i = 0; i < lrg.length; i += 3) {
            if (lrg[i] == a && lrg[i + 1] == b && lrg[i + 2] == c) {
                return;
            }
        }
        lrg = Arrays.copyOf(lrg, lrg.length + 3);
        lrg[lrg.length - 3] = a;
        lrg[lrg.length - 2] = b;
        lrg[lrg.length - 1] = c;
    }

    void removeCommunities(LongPredicate scrub) {
        std = Arrays.stream(std).filter(v -> !scrub.test(v)).toArray();
    }

    void removeExtended(LongPredicate scrub) {
        ext = Arrays.stream(ext).filter(v -> !scrub.test(v)).toArray();
    }

    void removeLarge(LargePredicate scrub) {
        long[] out = new long[lrg.length];
        int n = 0;
        for (int i = 0; i < lrg.length; i += 3) {
            if (!scrub.test(lrg[i], lrg[i + 1], lrg[i + 2])) {
                out[n++] = lrg[i];
                out[n++] = lrg[i + 1];
                out[n++] = lrg[i + 2];
            }
        }
        lrg = Arrays.copyOf(out, n);
    }

    /** Sorts the three community lists (unsigned, large ones by their three parts), as BIRD keeps its sets. */
    void sortCommunities() {
        std = std.clone(); // the lists may still be the facts' own arrays
        ext = ext.clone();
        Arrays.sort(std); // 32-bit values in a long: signed order is unsigned order
        for (int i = 0; i < ext.length; i++) {
            ext[i] ^= Long.MIN_VALUE; // unsigned order through the signed sort
        }
        Arrays.sort(ext);
        for (int i = 0; i < ext.length; i++) {
            ext[i] ^= Long.MIN_VALUE;
        }
        if (lrg.length > 3) {
            Integer[] order = new Integer[lrg.length / 3];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (x, y) -> lrg[3 * x] != lrg[3 * y] ? Long.compare(lrg[3 * x], lrg[3 * y])
                    : lrg[3 * x + 1] != lrg[3 * y + 1] ? Long.compare(lrg[3 * x + 1], lrg[3 * y + 1])
                    : Long.compare(lrg[3 * x + 2], lrg[3 * y + 2]));
            long[] sorted = new long[lrg.length];
            for (int i = 0; i < order.length; i++) {
                System.arraycopy(lrg, 3 * order[i], sorted, 3 * i, 3);
            }
            lrg = sorted;
        }
    }

    /** The canonical bytes with the edits applied. */
    byte[] apply(byte[] b) {
        WireWriter w = new WireWriter(b.length + 64);
        int nh = b[0] & 0xFF;
        if (nextHop != null && nh > 0) { // the MP_REACH_NLRI field (4 bytes for IPv4, 16 or 32 for IPv6)
            byte[] a = nextHop.toBytes().toArray();
            w.put8(a.length).putBytes(a, 0, a.length);
        } else {
            w.putBytes(b, 0, 1 + nh);
        }
        int p = 1 + nh;
        boolean[] written = new boolean[5]; // AS_PATH, COMMUNITIES, EXTENDED, LARGE, LOCAL_PREF
        while (p < b.length) {
            int flags = b[p] & 0xFF;
            int type = b[p + 1] & 0xFF;
            boolean extLen = (flags & PathAttribute.FLAG_EXTENDED_LENGTH) != 0;
            int len = extLen ? Wire.u16(b, p + 2) : b[p + 2] & 0xFF;
            int v = p + (extLen ? 4 : 3);
            int end = v + len;
            writeMissingBefore(w, type, written);
            switch (type) {
                case PathAttribute.AS_PATH -> {
                    asPath(w, flags, b, v, len);
                    written[0] = true;
                }
                case PathAttribute.NEXT_HOP -> {
                    if (nextHop != null && nh == 0 && nextHop.isIpv4()) {
                        w.putBytes(b, p, v - p);
                        byte[] a = nextHop.toBytes().toArray();
                        w.putBytes(a, 0, 4);
                    } else {
                        w.putBytes(b, p, end - p);
                    }
                }
                case PathAttribute.LOCAL_PREF -> {
                    if (localPref >= 0) {
                        localPref(w);
                    } else {
                        w.putBytes(b, p, end - p);
                    }
                    written[4] = true;
                }
                case PathFacts.COMMUNITIES -> {
                    communities(w);
                    written[1] = true;
                }
                case PathFacts.EXTENDED_COMMUNITIES -> {
                    extended(w);
                    written[2] = true;
                }
                case PathFacts.LARGE_COMMUNITIES -> {
                    large(w);
                    written[3] = true;
                }
                default -> w.putBytes(b, p, end - p);
            }
            p = end;
        }
        writeMissingBefore(w, 256, written);
        return w.toArray();
    }

    /** Attributes that were absent and now have content, written in type order before {@code type}. */
    private void writeMissingBefore(WireWriter w, int type, boolean[] written) {
        if (!written[0] && type > PathAttribute.AS_PATH && prepend.length > 0) {
            written[0] = true;
            asPath(w, PathAttribute.FLAG_TRANSITIVE, new byte[0], 0, 0);
        }
        if (!written[4] && type > PathAttribute.LOCAL_PREF && localPref >= 0) {
            written[4] = true;
            localPref(w);
        }
        if (!written[1] && type > PathFacts.COMMUNITIES) {
            written[1] = true;
            communities(w);
        }
        if (!written[2] && type > PathFacts.EXTENDED_COMMUNITIES) {
            written[2] = true;
            extended(w);
        }
        if (!written[3] && type > PathFacts.LARGE_COMMUNITIES) {
            written[3] = true;
            large(w);
        }
    }

    private void asPath(WireWriter w, int flags, byte[] b, int v, int len) {
        WireWriter path = new WireWriter(len + 4 * prepend.length + 4);
        int firstType = len >= 2 ? b[v] & 0xFF : 0;
        int firstCount = len >= 2 ? b[v + 1] & 0xFF : 0;
        int rest = v;
        if (prepend.length > 0) {
            if (firstType == 2 && firstCount + prepend.length <= 255) {
                path.put8(2).put8(firstCount + prepend.length);
                for (long as : prepend) {
                    path.put32(as);
                }
                path.putBytes(b, v + 2, 4 * firstCount);
                rest = v + 2 + 4 * firstCount;
            } else {
                path.put8(2).put8(prepend.length);
                for (long as : prepend) {
                    path.put32(as);
                }
            }
        }
        path.putBytes(b, rest, v + len - rest);
        header(w, flags, PathAttribute.AS_PATH, path.position());
        w.putBytes(path.toArray(), 0, path.position());
    }

    private void localPref(WireWriter w) {
        w.put8(PathAttribute.FLAG_TRANSITIVE).put8(PathAttribute.LOCAL_PREF).put8(4).put32(localPref);
    }

    private void communities(WireWriter w) {
        if (std.length == 0) {
            return;
        }
        header(w, 0xC0, PathFacts.COMMUNITIES, 4 * std.length);
        for (long c : std) {
            w.put32(c);
        }
    }

    private void extended(WireWriter w) {
        if (ext.length == 0) {
            return;
        }
        header(w, 0xC0, PathFacts.EXTENDED_COMMUNITIES, 8 * ext.length);
        for (long c : ext) {
            w.put32(c >>> 32).put32(c & 0xFFFFFFFFL);
        }
    }

    private void large(WireWriter w) {
        if (lrg.length == 0) {
            return;
        }
        header(w, 0xC0, PathFacts.LARGE_COMMUNITIES, 4 * lrg.length);
        for (long c : lrg) {
            w.put32(c);
        }
    }

    /** An attribute header; extended length when the value needs it (the flag is set or cleared to match). */
    private static void header(WireWriter w, int flags, int type, int length) {
        boolean extLen = length > 255;
        int f = extLen ? flags | PathAttribute.FLAG_EXTENDED_LENGTH : flags & ~PathAttribute.FLAG_EXTENDED_LENGTH;
        w.put8(f).put8(type);
        if (extLen) {
            w.put16(length);
        } else {
            w.put8(length);
        }
    }

    private static long[] append(long[] a, long v) {
        long[] out = Arrays.copyOf(a, a.length + 1);
        out[a.length] = v;
        return out;
    }
}
