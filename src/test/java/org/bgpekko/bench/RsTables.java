// The route tables of bench/rs-convergence: each feeder's prefixes and AS paths, pre-encoded as the UPDATEs it sends.
package org.bgpekko.bench;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.bgpekko.wire.Bytes;
import org.bgpekko.wire.Family;
import org.bgpekko.wire.SessionOptions;
import org.bgpekko.wire.UpdatePacker;
import org.bgpekko.wire.attribute.AsPath;
import org.bgpekko.wire.attribute.AsPathSegment;
import org.bgpekko.wire.attribute.Communities;
import org.bgpekko.wire.attribute.LargeCommunities;
import org.bgpekko.wire.attribute.LargeCommunity;
import org.bgpekko.wire.attribute.MultiExitDisc;
import org.bgpekko.wire.attribute.NextHop;
import org.bgpekko.wire.attribute.Origin;
import org.bgpekko.wire.attribute.PathAttribute;
import org.bgpekko.wire.attribute.PathAttributes;
import org.bgpekko.wire.nlri.Nlri;
import org.bgpekko.wire.nlri.NlriBlock;

/**
 * Feeder {@code f} (0-based) of {@link RsClients} announces {@code prefixes} IPv4 unicast prefixes: {@code shared}
 * of them from a pool that every feeder announces (0 unless an overlap is asked for), the others its own. Prefix
 * lengths follow {@link BenchTables#ipv4Length} (a DFZ-like mix, mostly /24) up to /24, outside the bogon ranges, and
 * transit ASNs avoid arouteserver's transit-free list: every route passes a route server's default policy. The
 * prefixes of a feeder are spread over {@code prefixes / perSet} attribute sets (each at least one prefix, the rest
 * Zipf-like, so a few sets carry many prefixes and most carry one or two, as in a real table). Each set has its own AS_PATH: the feeder's AS, 0 to
 * 5 transit ASNs and an origin AS unique to the set; NEXT_HOP the feeder's address; MED on 40% of the sets,
 * COMMUNITIES on 60%, LARGE_COMMUNITIES on 20%. A feeder's UPDATEs are packed per set into 4,096-byte messages
 * (our {@link UpdatePacker}, as a router packs the prefixes of one path), the sets in a shuffled order, then an
 * End-of-RIB; its withdrawals are every prefix in the withdrawn-routes field, packed likewise. Deterministic for a
 * seed.
 */
final class RsTables {
    /** The owner of a prefix that several feeders announce. */
    static final int SHARED = -1;

    final int feeders;
    final int prefixes;
    final int shared;
    final PrefixIndex index;
    /** Per prefix index: the feeder that announces it alone, or {@link #SHARED}. */
    final int[] owner;
    /** Per feeder: its UPDATEs (table then End-of-RIB), back to back as they go on the wire. */
    final byte[][] announce;
    /** Per feeder: UPDATEs withdrawing its whole table. */
    final byte[][] withdraw;
    final int[] announceUpdates;
    final int[] withdrawUpdates;
    final int[] attributeSets;

    private RsTables(int feeders, int prefixes, int shared, PrefixIndex index, int[] owner, byte[][] announce,
                     byte[][] withdraw, int[] announceUpdates, int[] withdrawUpdates, int[] attributeSets) {
        this.feeders = feeders;
        this.prefixes = prefixes;
        this.shared = shared;
        this.index = index;
        this.owner = owner;
        this.announce = announce;
        this.withdraw = withdraw;
        this.announceUpdates = announceUpdates;
        this.withdrawUpdates = withdrawUpdates;
        this.attributeSets = attributeSets;
    }

    /** The origin AS of feeder f's attribute set s: a 32-bit ASN of its own. */
    static long origin(int f, int s) {
        return 131072L + (long) f * 1_000_000 + s;
    }

    /**
     * irr.yml (docs/route-server.md) for a route server that checks origins and prefixes against AS-SETs: AS-FEEDERn
     * per feeder, with the feeder's AS, the origin AS of each of its sets, and exactly its prefixes (the shared ones
     * in every feeder's), as bgpq would list a member's route objects.
     */
    void writeIrr(java.io.PrintStream out) {
        long[] keys = index.keysByIndex();
        out.println("as-sets:");
        for (int f = 0; f < feeders; f++) {
            out.println("  AS-FEEDER" + (f + 1) + ":");
            StringBuilder asns = new StringBuilder("    asns: [").append(RsClients.feeder(f).as());
            for (int s = 0; s < attributeSets[f]; s++) {
                asns.append(", ").append(origin(f, s));
            }
            out.println(asns.append(']'));
            out.println("    prefixes:");
            for (int i = 0; i < keys.length; i++) {
                if (owner[i] == f || owner[i] == SHARED) {
                    long a = keys[i] >>> 8;
                    out.println("      - {prefix: " + (a >>> 24) + "." + (a >>> 16 & 0xff) + "." + (a >>> 8 & 0xff) + "."
                            + (a & 0xff) + "/" + (keys[i] & 0xff) + "}");
                }
            }
        }
    }

    /** Distinct prefixes over all feeders: what the monitor holds once every route arrived. */
    int universe() {
        return index.size();
    }

    /** The prefixes a client holds once everything arrived: the monitor all, a feeder those others announce. */
    int expected(RsClients.Client c) {
        if (c.isMonitor()) {
            return universe();
        }
        int own = prefixes - shared;
        return universe() - own - (feeders > 1 ? 0 : shared);
    }

    static RsTables build(int feeders, int prefixes, double perSet, double overlap, long seed) {
        if (feeders < 1 || prefixes < 1 || perSet < 1 || overlap < 0 || overlap > 1) {
            throw new IllegalArgumentException("need feeders >= 1, prefixes >= 1, per-set >= 1, 0 <= overlap <= 1");
        }
        int shared = (int) Math.round(overlap * prefixes);
        int unique = prefixes - shared;
        long total = (long) shared + (long) feeders * unique;
        if (total > 20_000_000) {
            throw new IllegalArgumentException("at most 20,000,000 distinct prefixes: " + total);
        }
        Random r = new Random(seed);
        PrefixIndex index = new PrefixIndex((int) total);
        int[] owner = new int[(int) total];
        long[] pool = new long[shared];
        for (int i = 0; i < shared; i++) {
            pool[i] = fresh(r, index);
            owner[i] = SHARED;
        }
        byte[][] announce = new byte[feeders][];
        byte[][] withdraw = new byte[feeders][];
        int[] announceUpdates = new int[feeders];
        int[] withdrawUpdates = new int[feeders];
        int[] sets = new int[feeders];
        for (int f = 0; f < feeders; f++) {
            long[] keys = Arrays.copyOf(pool, prefixes);
            for (int i = shared; i < prefixes; i++) {
                keys[i] = fresh(r, index);
                owner[index.get(keys[i])] = f;
            }
            shuffle(keys, r);
            int n = (int) Math.max(1, Math.min(prefixes, Math.round(prefixes / perSet)));
            sets[f] = n;
            Feed feed = encode(RsClients.feeder(f), keys, n, r);
            announce[f] = feed.announce;
            withdraw[f] = feed.withdraw;
            announceUpdates[f] = feed.announceUpdates;
            withdrawUpdates[f] = feed.withdrawUpdates;
        }
        return new RsTables(feeders, prefixes, shared, index, owner, announce, withdraw, announceUpdates,
                withdrawUpdates, sets);
    }

    private record Feed(byte[] announce, int announceUpdates, byte[] withdraw, int withdrawUpdates) {}

    /** Spreads {@code keys} over {@code n} attribute sets and encodes the feeder's announcements and withdrawals. */
    private static Feed encode(RsClients.Client feeder, long[] keys, int n, Random r) {
        int[] set = new int[keys.length];
        double[] zipf = BenchTables.zipf(n);
        for (int i = 0; i < keys.length; i++) {
            set[i] = i < n ? i : BenchTables.draw(zipf, r);
        }
        List<List<Integer>> members = new ArrayList<>(n);
        for (int s = 0; s < n; s++) {
            members.add(new ArrayList<>());
        }
        for (int i = 0; i < keys.length; i++) {
            members.get(set[i]).add(i);
        }
        int[] order = new int[n];
        for (int s = 0; s < n; s++) {
            order[s] = s;
        }
        shuffle(order, r);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int updates = 0;
        NlriBlock.Builder all = NlriBlock.builder(Family.IPV4_UNICAST, false);
        for (int s : order) {
            PathAttributes attrs = attributes(feeder, s, r);
            NlriBlock.Builder b = NlriBlock.builder(Family.IPV4_UNICAST, false);
            for (int i : members.get(s)) {
                b.addIpv4(Nlri.NO_PATH_ID, keys[i] >>> 8, (int) (keys[i] & 0xff));
                all.addIpv4(Nlri.NO_PATH_ID, keys[i] >>> 8, (int) (keys[i] & 0xff));
            }
            for (byte[] m : UpdatePacker.announce(attrs, Bytes.EMPTY, b.build(), SessionOptions.DEFAULT,
                    UpdatePacker.UNLIMITED)) {
                out.writeBytes(m);
                updates++;
            }
        }
        out.writeBytes(UpdatePacker.endOfRib(Family.IPV4_UNICAST, SessionOptions.DEFAULT));
        updates++;
        ByteArrayOutputStream w = new ByteArrayOutputStream();
        int withdrawals = 0;
        for (byte[] m : UpdatePacker.withdraw(PathAttributes.EMPTY, all.build(), SessionOptions.DEFAULT,
                UpdatePacker.UNLIMITED)) {
            w.writeBytes(m);
            withdrawals++;
        }
        return new Feed(out.toByteArray(), updates, w.toByteArray(), withdrawals);
    }

    /** Set {@code s} of a feeder: its AS first, 0-5 transit ASNs, an origin AS of its own; next hop the feeder. */
    private static PathAttributes attributes(RsClients.Client feeder, int s, Random random) {
        List<PathAttribute> a = new ArrayList<>();
        int o = random.nextInt(100);
        a.add(o < 85 ? Origin.IGP : o < 95 ? Origin.INCOMPLETE : Origin.EGP);
        int[] transits = {0, 0, 0, 0, 1, 1, 1, 2, 2, 3, 4, 5};
        List<Long> asns = new ArrayList<>();
        asns.add(feeder.as());
        for (int i = transits[random.nextInt(transits.length)]; i > 0; i--) {
            long transit = 1L + random.nextInt(64000);
            asns.add(REFUSED_ASNS.contains(transit) ? transit + 1 : transit);
        }
        asns.add(origin(feeder.feederIndex(), s));
        a.add(new AsPath(List.of(new AsPathSegment(AsPathSegment.AS_SEQUENCE, asns))));
        a.add(NextHop.of(feeder.address()));
        if (random.nextInt(10) < 4) {
            a.add(new MultiExitDisc(random.nextInt(1000)));
        }
        if (random.nextInt(10) < 6) {
            List<Long> c = new ArrayList<>();
            for (int i = 0, k = 1 + random.nextInt(6); i < k; i++) {
                c.add(feeder.as() << 16 | random.nextInt(65536));
            }
            a.add(new Communities(c));
        }
        if (random.nextInt(10) < 2) {
            List<LargeCommunity> c = new ArrayList<>();
            for (int i = 0, k = 1 + random.nextInt(3); i < k; i++) {
                c.add(new LargeCommunity(feeder.as(), random.nextInt(1000), random.nextInt(100000)));
            }
            a.add(new LargeCommunities(c));
        }
        return new PathAttributes(a);
    }

    /** A prefix not yet in {@code index}, added to it: (address << 8) | length, public unicast space. */
    private static long fresh(Random r, PrefixIndex index) {
        while (true) {
            int len = BenchTables.ipv4Length(r);
            int first = 1 + r.nextInt(223);
            long address = ((long) first << 24 | r.nextInt(1 << 24)) & (0xffffffffL << (32 - len)) & 0xffffffffL;
            if (len > 24 || bogon(address, len)) { // what route servers filter by default (arouteserver, BIRD)
                continue;
            }
            long key = address << 8 | len;
            if (index.add(key) >= 0) {
                return key;
            }
        }
    }

    /** arouteserver's default IPv4 bogons (bgpekko's built-in list), each with its more specifics. */
    private static final long[][] BOGONS = {{0x00000000L, 8}, {0x0A000000L, 8}, {0x64400000L, 10},
        {0x7F000000L, 8}, {0xA9FE0000L, 16}, {0xAC100000L, 12}, {0xC0000200L, 24}, {0xC0586300L, 24},
        {0xC0A80000L, 16}, {0xC6120000L, 15}, {0xC6336400L, 24}, {0xCB007100L, 24}, {0xE0000000L, 3}};

    /** The prefix lies in a bogon range, so a route server with arouteserver's default policy would filter it. */
    static boolean bogon(long address, int len) {
        for (long[] b : BOGONS) {
            long mask = 0xffffffffL << (32 - b[1]) & 0xffffffffL;
            if (len >= b[1] && (address & mask) == b[0]) {
                return true;
            }
        }
        return false;
    }

    /** ASNs arouteserver's default policy refuses in an AS_PATH: its transit-free list and AS_TRANS. */
    private static final java.util.Set<Long> REFUSED_ASNS = java.util.Set.of(174L, 701L, 1299L, 2914L, 3257L,
            3320L, 3356L, 5511L, 6453L, 6461L, 6762L, 6830L, 7018L, 12956L, 23456L);

    private static void shuffle(long[] a, Random r) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            long t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    private static void shuffle(int[] a, Random r) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }


    /** Prefix key -> dense index 0..size-1, open addressing over primitive arrays (read-only once built). */
    static final class PrefixIndex {
        private final long[] keys;
        private final int[] values;
        private final int mask;
        private final int shift;
        private int size;

        PrefixIndex(int capacity) {
            int slots = Integer.highestOneBit(Math.max(16, capacity * 2 - 1)) << 1;
            keys = new long[slots];
            Arrays.fill(keys, -1L);
            values = new int[slots];
            mask = slots - 1;
            shift = 64 - Integer.numberOfTrailingZeros(slots);
        }

        int size() {
            return size;
        }

        /** Every key, at its index. */
        long[] keysByIndex() {
            long[] out = new long[size];
            for (int i = 0; i < keys.length; i++) {
                if (keys[i] != -1L) {
                    out[values[i]] = keys[i];
                }
            }
            return out;
        }

        /** Adds a key: its new index, or -1 if it was there already. */
        int add(long key) {
            int i = slot(key);
            while (keys[i] != -1L) {
                if (keys[i] == key) {
                    return -1;
                }
                i = (i + 1) & mask;
            }
            keys[i] = key;
            values[i] = size;
            return size++;
        }

        /** The index of a key, or -1. */
        int get(long key) {
            int i = slot(key);
            long k;
            while ((k = keys[i]) != -1L) {
                if (k == key) {
                    return values[i];
                }
                i = (i + 1) & mask;
            }
            return -1;
        }

        private int slot(long key) {
            return (int) ((key * 0x9E3779B97F4A7C15L) >>> shift);
        }
    }
}
