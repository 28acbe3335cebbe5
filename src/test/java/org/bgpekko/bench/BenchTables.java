// Route tables for the codec benchmark: primitive prefix arrays grouped by attribute set, and their UPDATEs.
package org.bgpekko.bench;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.bgpekko.wire.Bytes;
import org.bgpekko.wire.Family;
import org.bgpekko.wire.SessionOptions;
import org.bgpekko.wire.UpdatePacker;
import org.bgpekko.wire.attribute.AsPath;
import org.bgpekko.wire.attribute.AsPathSegment;
import org.bgpekko.wire.attribute.Communities;
import org.bgpekko.wire.attribute.LargeCommunities;
import org.bgpekko.wire.attribute.LargeCommunity;
import org.bgpekko.wire.attribute.LocalPref;
import org.bgpekko.wire.attribute.MultiExitDisc;
import org.bgpekko.wire.attribute.NextHop;
import org.bgpekko.wire.attribute.Origin;
import org.bgpekko.wire.attribute.PathAttribute;
import org.bgpekko.wire.attribute.PathAttributes;
import org.bgpekko.wire.nlri.IpAddress;
import org.bgpekko.wire.nlri.Nlri;
import org.bgpekko.wire.nlri.NlriBlock;

final class BenchTables {
    static final long SEED = 20240611L;

    private BenchTables() {}

    /** One attribute set and the prefixes [from, to) of the table's arrays it carries, all of one family. */
    record Group(Family family, PathAttributes attributes, Bytes mpNextHop, int from, int to) {}

    /** Prefixes as primitives (IPv4 in the low 32 bits of lo, hi 0), grouped by attribute set. */
    static final class Table {
        final long[] hi;
        final long[] lo;
        final byte[] length;
        final List<Group> groups;

        Table(long[] hi, long[] lo, byte[] length, List<Group> groups) {
            this.hi = hi;
            this.lo = lo;
            this.length = length;
            this.groups = List.copyOf(groups);
        }

        int size() {
            return length.length;
        }

        /** The order-independent checksum a decode visiting every prefix must reproduce. */
        long checksum() {
            long sum = 0;
            for (int i = 0; i < length.length; i++) {
                sum += mix(hi[i], lo[i], length[i]);
            }
            return sum;
        }
    }

    static long mix(long hi, long lo, int length) {
        return (hi ^ lo) + length;
    }

    /** Builds the NLRI of one group from the primitive arrays and packs them into UPDATEs. */
    static List<byte[]> pack(Table t, Group g, SessionOptions options) {
        NlriBlock.Builder b = NlriBlock.builder(g.family(), false);
        if (g.family().afi() == Family.AFI_IPV4) {
            for (int i = g.from(); i < g.to(); i++) {
                b.addIpv4(Nlri.NO_PATH_ID, t.lo[i], t.length[i]);
            }
        } else {
            for (int i = g.from(); i < g.to(); i++) {
                b.addIpv6(Nlri.NO_PATH_ID, t.hi[i], t.lo[i], t.length[i]);
            }
        }
        return UpdatePacker.announce(g.attributes(), g.mpNextHop(), b.build(), options, UpdatePacker.UNLIMITED);
    }

    static List<byte[]> packAll(Table t, SessionOptions options) {
        List<byte[]> out = new ArrayList<>();
        for (Group g : t.groups) {
            out.addAll(pack(t, g, options));
        }
        return out;
    }

    /** {@code count} distinct random /24s sharing ORIGIN, AS_PATH (3 ASNs), NEXT_HOP, MED, LOCAL_PREF, COMMUNITIES. */
    static Table packed(int count) {
        Random r = new Random(SEED);
        long[] lo = new long[count];
        byte[] length = new byte[count];
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < count; ) {
            long a = (long) (1 + r.nextInt(223)) << 24 | (long) r.nextInt(1 << 16) << 8;
            if (seen.add(a)) {
                lo[i] = a;
                length[i++] = 24;
            }
        }
        PathAttributes attrs = PathAttributes.of(Origin.IGP, AsPath.sequence(64500L, 65010L, 4200000001L),
                NextHop.of("192.0.2.1"), new MultiExitDisc(100), new LocalPref(200),
                new Communities(List.of(64500L << 16 | 100, 64500L << 16 | 200, Communities.NO_EXPORT)));
        return new Table(new long[count], lo, length, List.of(new Group(Family.IPV4_UNICAST, attrs, Bytes.EMPTY, 0, count)));
    }

    /**
     * A mixed table: {@code count} distinct prefixes, about 10% IPv6 in MP_REACH_NLRI, IPv4 lengths as in the DFZ
     * (/24 55%, /22-/23 20%, /16-/21 20%, others 5%), spread Zipf-like over 900 IPv4 and 100 IPv6 attribute sets.
     */
    static Table mixed(int count) {
        final int v4Sets = 900;
        final int v6Sets = 100;
        Random r = new Random(SEED + 1);
        List<PathAttributes> sets = new ArrayList<>();
        List<Bytes> nextHops = new ArrayList<>();
        Set<PathAttributes> distinct = new HashSet<>();
        while (sets.size() < v4Sets + v6Sets) {
            boolean v6 = sets.size() >= v4Sets;
            int peer = r.nextInt(50);
            PathAttributes a = attributes(r, peer, v6);
            if (distinct.add(a)) {
                sets.add(a);
                nextHops.add(v6 ? IpAddress.parse("2001:db8::" + Integer.toHexString(peer + 1)).toBytes() : Bytes.EMPTY);
            }
        }
        double[] zipf4 = zipf(v4Sets);
        double[] zipf6 = zipf(v6Sets);
        Set<List<Long>> seen = new HashSet<>();
        long[] hi = new long[count];
        long[] lo = new long[count];
        byte[] length = new byte[count];
        int[] set = new int[count];
        for (int i = 0; i < count; ) {
            boolean v6 = r.nextInt(10) == 0;
            int len = v6 ? ipv6Length(r) : ipv4Length(r);
            long h = v6 ? mask(0x2000000000000000L | r.nextLong() >>> 3, len) : 0;
            long l = v6 ? 0 : mask(((long) (1 + r.nextInt(223)) << 24 | r.nextInt(1 << 24)) << 32, len) >>> 32;
            if (seen.add(List.of(h, l, (long) len))) {
                hi[i] = h;
                lo[i] = l;
                length[i] = (byte) len;
                set[i++] = v6 ? v4Sets + draw(zipf6, r) : draw(zipf4, r);
            }
        }
        return grouped(hi, lo, length, set, sets, nextHops);
    }

    private static Table grouped(long[] hi, long[] lo, byte[] length, int[] set, List<PathAttributes> sets,
                                 List<Bytes> nextHops) {
        int n = length.length;
        int[] start = new int[sets.size() + 1];
        for (int s : set) {
            start[s + 1]++;
        }
        for (int s = 0; s < sets.size(); s++) {
            start[s + 1] += start[s];
        }
        int[] fill = start.clone();
        long[] gh = new long[n];
        long[] gl = new long[n];
        byte[] glen = new byte[n];
        for (int i = 0; i < n; i++) {
            int at = fill[set[i]]++;
            gh[at] = hi[i];
            gl[at] = lo[i];
            glen[at] = length[i];
        }
        List<Group> groups = new ArrayList<>();
        for (int s = 0; s < sets.size(); s++) {
            if (start[s] < start[s + 1]) {
                Family f = nextHops.get(s).isEmpty() ? Family.IPV4_UNICAST : Family.IPV6_UNICAST;
                groups.add(new Group(f, sets.get(s), nextHops.get(s), start[s], start[s + 1]));
            }
        }
        return new Table(gh, gl, glen, groups);
    }

    private static PathAttributes attributes(Random r, int peer, boolean v6) {
        List<PathAttribute> a = new ArrayList<>();
        int o = r.nextInt(100);
        a.add(o < 85 ? Origin.IGP : o < 95 ? Origin.INCOMPLETE : Origin.EGP);
        int[] pathLengths = {1, 2, 2, 3, 3, 3, 3, 4, 4, 4, 5, 5, 6, 7, 8, 9, 10};
        int hops = pathLengths[r.nextInt(pathLengths.length)];
        List<Long> asns = new ArrayList<>();
        asns.add(64600L + peer);
        for (int i = 1; i < hops; i++) {
            asns.add(r.nextInt(4) == 0 ? 4200000000L + r.nextInt(1000000) : 1L + r.nextInt(64000));
        }
        a.add(new AsPath(List.of(new AsPathSegment(AsPathSegment.AS_SEQUENCE, asns))));
        if (!v6) {
            a.add(NextHop.of("192.0.2." + (peer + 1)));
        }
        if (r.nextInt(10) < 4) {
            a.add(new MultiExitDisc(r.nextInt(1000)));
        }
        a.add(new LocalPref(new long[] {100, 100, 200, 80}[r.nextInt(4)]));
        if (r.nextInt(10) < 6) {
            List<Long> c = new ArrayList<>();
            for (int i = 0, k = 1 + r.nextInt(8); i < k; i++) {
                c.add((64600L + peer) << 16 | r.nextInt(65536));
            }
            a.add(new Communities(c));
        }
        if (r.nextInt(10) < 2) {
            List<LargeCommunity> c = new ArrayList<>();
            for (int i = 0, k = 1 + r.nextInt(3); i < k; i++) {
                c.add(new LargeCommunity(64600L + peer, r.nextInt(1000), r.nextInt(100000)));
            }
            a.add(new LargeCommunities(c));
        }
        return new PathAttributes(a);
    }

    /** A prefix length drawn like a real IPv4 table: mostly /24, then /22-/23, /16-/21, a few others. */
    static int ipv4Length(Random r) {
        int d = r.nextInt(100);
        if (d < 55) {
            return 24;
        }
        if (d < 75) {
            return d < 65 ? 23 : 22;
        }
        if (d < 95) {
            return 16 + r.nextInt(6);
        }
        return d < 98 ? 8 + r.nextInt(8) : 25 + r.nextInt(8);
    }

    private static int ipv6Length(Random r) {
        int d = r.nextInt(100);
        if (d < 45) {
            return 48;
        }
        if (d < 60) {
            return 32;
        }
        if (d < 70) {
            return 44;
        }
        if (d < 80) {
            return 40;
        }
        if (d < 85) {
            return 36;
        }
        return d < 95 ? 29 + r.nextInt(19) : 56 + r.nextInt(9);
    }

    /** Keeps the top {@code len} bits of a 64-bit word. */
    private static long mask(long v, int len) {
        return len == 0 ? 0 : v & (-1L << (64 - len));
    }

    /** Cumulative Zipf (s = 1) weights over n ranks. */
    static double[] zipf(int n) {
        double[] c = new double[n];
        double sum = 0;
        for (int k = 0; k < n; k++) {
            sum += 1.0 / (k + 1);
            c[k] = sum;
        }
        for (int k = 0; k < n; k++) {
            c[k] /= sum;
        }
        return c;
    }

    static int draw(double[] cumulative, Random r) {
        double u = r.nextDouble();
        int i = java.util.Arrays.binarySearch(cumulative, u);
        return Math.min(i >= 0 ? i : -i - 1, cumulative.length - 1);
    }
}
