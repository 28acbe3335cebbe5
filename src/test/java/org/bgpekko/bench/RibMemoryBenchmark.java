// Heap bytes per route of an Adj-RIB-In loaded from real UPDATEs, beside naive and library structures.
package org.bgpekko.bench;

import inet.ipaddr.ipv4.IPv4Address;
import inet.ipaddr.ipv4.IPv4AddressAssociativeTrie;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.bgpekko.rib.AdjRibIn;
import org.bgpekko.rib.AttributeStore;
import org.bgpekko.rib.RouteAttributes;
import org.bgpekko.wire.Bytes;
import org.bgpekko.wire.Family;
import org.bgpekko.wire.MessageCodec;
import org.bgpekko.wire.SessionOptions;
import org.bgpekko.wire.Update;
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
import org.bgpekko.wire.nlri.InetNlri;
import org.bgpekko.wire.nlri.IpPrefix;
import org.bgpekko.wire.nlri.Nlri;
import org.bgpekko.wire.nlri.NlriBlock;

/**
 * Usage: {@code RibMemoryBenchmark [--routes N] [--sets N] [--distinct-routes N] [--only adj-rib-in|adj-rib-out]}. Two
 * scenarios, each with the naive HashMap as the reference in the same run: routes sharing {@code --sets} attribute
 * sets, then routes that each have their own set. Prints one line per structure: heap bytes per route (used heap
 * after forced GCs, loaded minus before, divided by routes) and the load rate; then, unless {@code --only
 * adj-rib-in}, the Adj-RIB-Out with {@code --routes} helper routes.
 * Run by {@code bench/rib-memory}; see docs/benchmarks.md.
 */
public final class RibMemoryBenchmark {
    private static final SessionOptions OPTIONS = SessionOptions.DEFAULT;
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    private RibMemoryBenchmark() {}

    public static void main(String[] args) throws InterruptedException {
        int routes = 1_000_000;
        int sets = 1_000;
        int distinctRoutes = 1_000_000;
        String only = "";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--routes" -> routes = Integer.parseInt(args[++i]);
                case "--sets" -> sets = Integer.parseInt(args[++i]);
                case "--distinct-routes" -> distinctRoutes = Integer.parseInt(args[++i]);
                case "--only" -> only = args[++i];
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        boolean onlyRib = "adj-rib-in".equals(only);
        if ("adj-rib-out".equals(only)) {
            AdjRibOutBenchmark.run(routes);
            return;
        }
        System.out.printf("jvm: %s %s, %s, max heap %,d MB%n", System.getProperty("java.vm.name"),
                System.getProperty("java.runtime.version"),
                ManagementFactory.getRuntimeMXBean().getInputArguments(), Runtime.getRuntime().maxMemory() >> 20);
        double[] shared = sharedSets(routes, sets, onlyRib);
        double[] distinct = distinctSets(distinctRoutes, onlyRib);
        System.out.printf("%nAdjRibIn per route: %.1f B with %,d shared sets, %.1f B with a set per route", shared[0],
                sets, distinct[0]);
        if (!onlyRib) {
            System.out.printf("; the naive HashMap %.1f and %.1f B (%.1fx and %.1fx more)", shared[1], distinct[1],
                    shared[1] / shared[0], distinct[1] / distinct[0]);
        }
        System.out.println();
        if (!onlyRib) {
            AdjRibOutBenchmark.run(routes);
        }
    }

    /** Scenario 1: {@code routes} routes over {@code sets} attribute sets, packed as a peer sends them. */
    private static double[] sharedSets(int routes, int sets, boolean onlyRib) throws InterruptedException {
        BenchTables.Table table = table(routes, sets);
        List<byte[]> messages = BenchTables.packAll(table, OPTIONS);
        System.out.printf("%n== %,d IPv4 unicast routes, %,d attribute sets, %,d UPDATEs (%,d bytes)%n",
                routes, table.groups.size(), messages.size(), wireBytes(messages));

        long decodeNanos = decodeOnly(messages);
        System.out.printf("decode only: %.0f routes/s%n", routes * 1e9 / decodeNanos);

        // warm-up load (JIT), then cleared: also exercises clear() at scale
        AttributeStore warmStore = new AttributeStore();
        AdjRibIn warm = new AdjRibIn(warmStore);
        load(messages, warm::apply);
        warm.clear();
        check(warm.size() == 0 && warmStore.size() == 0, "clear() left routes or attribute sets");

        final int expectedSets = table.groups.size();
        final int n = routes;
        printHeader();
        double rib = adjRibIn("AdjRibIn (this)", n, messages, Family.IPV4_UNICAST, expectedSets);
        if (onlyRib) {
            return new double[] {rib, Double.NaN};
        }
        BenchTables.Table table6 = asIpv6(table);
        List<byte[]> messages6 = BenchTables.packAll(table6, OPTIONS);
        int expectedSets6 = (int) table6.groups.stream().map(BenchTables.Group::attributes).distinct().count();
        table6 = null;
        adjRibIn("AdjRibIn, as IPv6 in MP_REACH", n, messages6, Family.IPV6_UNICAST, expectedSets6);
        messages6 = null;
        double naive = naiveHashMap(n, messages);
        measure("HashMap<InetNlri,interned>", n, messages, () -> {
            Map<Nlri, RouteAttributes> map = new HashMap<>();
            Map<RouteAttributes, RouteAttributes> interned = new HashMap<>();
            return new Loaded(map, u -> {
                RouteAttributes a = interned.computeIfAbsent(RouteAttributes.of(u.attributes(), Bytes.EMPTY), x -> x);
                for (Nlri x : u.nlri()) {
                    map.put(x, a);
                }
            }, () -> check(map.size() == n, "HashMap holds " + map.size()));
        });
        measure("ipaddress IPv4 trie, interned", n, messages, () -> {
            IPv4AddressAssociativeTrie<RouteAttributes> trie = new IPv4AddressAssociativeTrie<>();
            Map<RouteAttributes, RouteAttributes> interned = new HashMap<>();
            return new Loaded(trie, u -> {
                RouteAttributes a = interned.computeIfAbsent(RouteAttributes.of(u.attributes(), Bytes.EMPTY), x -> x);
                u.nlri().forEachPrefix((pathId, hi, lo, length) ->
                        trie.put(new IPv4Address((int) lo, length).toPrefixBlock(), a));
            }, () -> check(trie.size() == n, "trie holds " + trie.size()));
        });
        System.out.printf("AdjRibIn uses %.1f%% of the naive HashMap's bytes per route (%.1fx less)%n",
                100 * rib / naive, naive / rib);
        return new double[] {rib, naive};
    }

    /**
     * Scenario 2: every route its own attribute set, as an Internet exchange member's full table looks when each
     * path is distinct: ORIGIN, AS_PATH of 5 ASNs, NEXT_HOP, 5 COMMUNITIES, 2 LARGE_COMMUNITIES; one UPDATE each.
     */
    private static double[] distinctSets(int routes, boolean onlyRib) throws InterruptedException {
        List<byte[]> messages = distinctUpdates(routes);
        System.out.printf("%n== %,d IPv4 unicast routes, each its own attribute set (%,d UPDATEs, %,d bytes)%n",
                routes, messages.size(), wireBytes(messages));
        AttributeStore warmStore = new AttributeStore();
        AdjRibIn warm = new AdjRibIn(warmStore);
        load(messages.subList(0, Math.min(routes, 200_000)), warm::apply);
        warm.clear();
        check(warm.size() == 0 && warmStore.size() == 0, "clear() left routes or attribute sets");
        printHeader();
        double rib = adjRibIn("AdjRibIn (this)", routes, messages, Family.IPV4_UNICAST, routes);
        if (onlyRib) {
            return new double[] {rib, Double.NaN};
        }
        double naive = naiveHashMap(routes, messages);
        System.out.printf("AdjRibIn uses %.1f%% of the naive HashMap's bytes per route (%.1fx less)%n",
                100 * rib / naive, naive / rib);
        return new double[] {rib, naive};
    }

    private static void printHeader() {
        System.out.printf("%-34s %14s %10s %14s%n", "structure", "heap bytes", "B/route", "load routes/s");
    }

    private static double adjRibIn(String name, int routes, List<byte[]> messages, Family family, int expectedSets)
            throws InterruptedException {
        return measure(name, routes, messages, () -> {
            AttributeStore store = new AttributeStore();
            AdjRibIn in = new AdjRibIn(store);
            return new Loaded(in, in::apply, () -> check(in.size(family) == routes && store.size() == expectedSets,
                    "AdjRibIn holds " + in.size() + " routes, " + store.size() + " sets"));
        });
    }

    /** The reference: an {@code InetNlri} per prefix mapped to its UPDATE's decoded attributes. */
    private static double naiveHashMap(int routes, List<byte[]> messages) throws InterruptedException {
        return measure("HashMap<InetNlri,PathAttributes>", routes, messages, () -> {
            Map<Nlri, PathAttributes> map = new HashMap<>();
            return new Loaded(map, u -> {
                for (Nlri x : u.nlri()) {
                    map.put(x, u.attributes());
                }
            }, () -> check(map.size() == routes, "HashMap holds " + map.size()));
        });
    }

    private static long wireBytes(List<byte[]> messages) {
        long n = 0;
        for (byte[] m : messages) {
            n += m.length;
        }
        return n;
    }

    /** One UPDATE per route, each with its own attribute set (fixed seed). */
    static List<byte[]> distinctUpdates(int routes) {
        Random r = new Random(BenchTables.SEED + 11);
        Set<Long> seen = new HashSet<>(routes * 2);
        List<byte[]> out = new ArrayList<>(routes);
        NlriBlock none = NlriBlock.empty(Family.IPV4_UNICAST);
        while (out.size() < routes) {
            int len = BenchTables.ipv4Length(r);
            long a = ((long) (1 + r.nextInt(223)) << 24 | r.nextInt(1 << 24)) & (0xFFFFFFFFL << (32 - len));
            if (!seen.add(a << 8 | len)) {
                continue;
            }
            List<Long> asns = new ArrayList<>(List.of(64500L));
            while (asns.size() < 5) {
                asns.add(r.nextInt(4) == 0 ? 4200000000L + r.nextInt(1000000) : 1L + r.nextInt(64000));
            }
            List<Long> communities = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                communities.add(64500L << 16 | r.nextInt(65536));
            }
            List<LargeCommunity> large = List.of(new LargeCommunity(64500, r.nextInt(1000), r.nextInt(100000)),
                    new LargeCommunity(64500, 1000 + r.nextInt(1000), r.nextInt(100000)));
            PathAttributes attrs = PathAttributes.of(Origin.IGP,
                    new AsPath(List.of(new AsPathSegment(AsPathSegment.AS_SEQUENCE, asns))),
                    NextHop.of("192.0.2." + (1 + r.nextInt(20))), new Communities(communities),
                    new LargeCommunities(large));
            NlriBlock nlri = NlriBlock.of(Family.IPV4_UNICAST, false, new InetNlri(Family.IPV4_UNICAST,
                    Nlri.NO_PATH_ID, IpPrefix.ipv4(a, len)));
            out.add(MessageCodec.encode(new Update(none, attrs, nlri), OPTIONS));
        }
        return out;
    }

    /** A structure loaded by the caller: what holds it, the load time, and whether it is complete. */
    record Measured(Object root, long nanos, boolean complete) {}

    /** Heap bytes per route of what {@code load} builds (settled heap after minus before); prints one line. */
    static double measureLoaded(String name, int routes, Supplier<Measured> load) throws InterruptedException {
        long before = settledHeap();
        Measured m = load.get();
        long after = settledHeap();
        check(m.complete(), name + " is incomplete");
        Reference.reachabilityFence(m.root());
        double perRoute = (after - before) / (double) routes;
        System.out.printf("%-34s %,14d %10.1f %,14.0f%n", name, after - before, perRoute, routes * 1e9 / m.nanos());
        return perRoute;
    }

    /** A structure being loaded: what holds it, how an UPDATE goes in, and the check it is complete. */
    private record Loaded(Object root, Consumer<Update> sink, Runnable verify) {}

    private static double measure(String name, int routes, List<byte[]> messages, Supplier<Loaded> make)
            throws InterruptedException {
        long before = settledHeap();
        Loaded l = make.get();
        long nanos = load(messages, l.sink());
        long after = settledHeap();
        l.verify().run();
        Reference.reachabilityFence(l.root());
        double perRoute = (after - before) / (double) routes;
        System.out.printf("%-34s %,14d %10.1f %,14.0f%n", name, after - before, perRoute, routes * 1e9 / nanos);
        return perRoute;
    }

    private static long load(List<byte[]> messages, Consumer<Update> sink) {
        long t0 = System.nanoTime();
        for (byte[] m : messages) {
            sink.accept((Update) MessageCodec.decode(m, OPTIONS));
        }
        return System.nanoTime() - t0;
    }

    private static long decodeOnly(List<byte[]> messages) {
        long best = Long.MAX_VALUE;
        for (int round = 0; round < 3; round++) {
            long[] sum = {0};
            long nanos = load(messages, u -> u.nlri().forEachPrefix((p, hi, lo, len) -> sum[0] += lo));
            best = Math.min(best, nanos);
            check(sum[0] != 0, "nothing decoded");
        }
        return best;
    }

    /** Used heap after repeated full collections, once it stops shrinking. */
    static long settledHeap() throws InterruptedException {
        long last = Long.MAX_VALUE;
        for (int i = 0; i < 10; i++) {
            System.gc();
            Thread.sleep(100);
            long used = MEMORY.getHeapMemoryUsage().getUsed();
            if (i >= 3 && used >= last) {
                return Math.min(used, last);
            }
            last = Math.min(used, last);
        }
        return last;
    }

    static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalStateException(message);
        }
    }

    /**
     * {@code routes} distinct IPv4 prefixes with DFZ-like lengths (/24 55%, /22-/23 20%, /16-/21 20%, others 5%)
     * spread Zipf-like over {@code sets} attribute sets as one peer sends them: ORIGIN, AS_PATH of 2 to 6 ASNs
     * starting with the peer's AS, NEXT_HOP (one of 20), MED on 40%, 0 to 4 COMMUNITIES.
     */
    static BenchTables.Table table(int routes, int sets) {
        Random r = new Random(BenchTables.SEED + 7);
        List<PathAttributes> attrs = new ArrayList<>();
        Set<PathAttributes> distinct = new HashSet<>();
        while (attrs.size() < sets) {
            PathAttributes a = attributes(r);
            if (distinct.add(a)) {
                attrs.add(a);
            }
        }
        double[] zipf = new double[sets];
        double total = 0;
        for (int k = 0; k < sets; k++) {
            total += 1.0 / (k + 1);
            zipf[k] = total;
        }
        int[] count = new int[sets];
        int[] set = new int[routes];
        for (int i = 0; i < routes; i++) {
            int s = java.util.Arrays.binarySearch(zipf, r.nextDouble() * total);
            s = Math.min(s >= 0 ? s : -s - 1, sets - 1);
            // every set carries at least one route
            set[i] = i < sets ? i : s;
            count[set[i]]++;
        }
        int[] start = new int[sets + 1];
        for (int s = 0; s < sets; s++) {
            start[s + 1] = start[s] + count[s];
        }
        int[] fill = start.clone();
        long[] lo = new long[routes];
        byte[] length = new byte[routes];
        Set<Long> seen = new HashSet<>(routes * 2);
        for (int i = 0; i < routes; ) {
            int len = BenchTables.ipv4Length(r);
            long a = ((long) (1 + r.nextInt(223)) << 24 | r.nextInt(1 << 24)) & (0xFFFFFFFFL << (32 - len));
            if (seen.add(a << 8 | len)) {
                int at = fill[set[i]]++;
                lo[at] = a & 0xFFFFFFFFL;
                length[at] = (byte) len;
                i++;
            }
        }
        List<BenchTables.Group> groups = new ArrayList<>();
        for (int s = 0; s < sets; s++) {
            groups.add(new BenchTables.Group(Family.IPV4_UNICAST, attrs.get(s), Bytes.EMPTY, start[s], start[s + 1]));
        }
        return new BenchTables.Table(new long[routes], lo, length, groups);
    }

    /** The same routes as IPv6: 2001:db8::/32 followed by the IPv4 prefix (/40 to /64), next hop in MP_REACH. */
    static BenchTables.Table asIpv6(BenchTables.Table t) {
        int n = t.size();
        long[] hi = new long[n];
        byte[] length = new byte[n];
        for (int i = 0; i < n; i++) {
            hi[i] = 0x20010DB8L << 32 | t.lo[i];
            length[i] = (byte) (t.length[i] + 32);
        }
        Bytes nextHop = Bytes.fromHex("20010DB8000000000000000000000001");
        List<BenchTables.Group> groups = new ArrayList<>();
        for (BenchTables.Group g : t.groups) {
            groups.add(new BenchTables.Group(Family.IPV6_UNICAST, g.attributes().without(PathAttribute.NEXT_HOP),
                    nextHop, g.from(), g.to()));
        }
        return new BenchTables.Table(hi, new long[n], length, groups);
    }

    private static PathAttributes attributes(Random r) {
        List<PathAttribute> a = new ArrayList<>();
        int o = r.nextInt(100);
        a.add(o < 85 ? Origin.IGP : o < 95 ? Origin.INCOMPLETE : Origin.EGP);
        List<Long> asns = new ArrayList<>();
        asns.add(64500L);
        for (int i = 1, hops = 2 + r.nextInt(5); i < hops; i++) {
            asns.add(r.nextInt(4) == 0 ? 4200000000L + r.nextInt(1000000) : 1L + r.nextInt(64000));
        }
        a.add(new AsPath(List.of(new AsPathSegment(AsPathSegment.AS_SEQUENCE, asns))));
        a.add(NextHop.of("192.0.2." + (1 + r.nextInt(20))));
        if (r.nextInt(10) < 4) {
            a.add(new MultiExitDisc(r.nextInt(1000)));
        }
        int k = r.nextInt(5);
        if (k > 0) {
            List<Long> c = new ArrayList<>();
            for (int i = 0; i < k; i++) {
                c.add(64500L << 16 | r.nextInt(65536));
            }
            a.add(new Communities(c));
        }
        return new PathAttributes(a);
    }
}
