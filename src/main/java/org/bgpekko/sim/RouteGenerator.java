// Draws a member's routes from a scenario's description, from the run's seeded Random: prefixes, paths, communities.
package org.bgpekko.sim;

import it.unimi.dsi.fastutil.longs.LongSet;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.bgpekko.wire.attribute.AsPath;
import org.bgpekko.wire.attribute.AsPathSegment;
import org.bgpekko.wire.attribute.Communities;
import org.bgpekko.wire.attribute.NextHop;
import org.bgpekko.wire.attribute.Origin;
import org.bgpekko.wire.attribute.PathAttribute;
import org.bgpekko.wire.attribute.PathAttributes;

/**
 * Prefixes are unique over the whole run ({@code used}), drawn from public IPv4 space (first octet 1-223, not 10 or
 * 127) at lengths weighted as asked (default: mostly /24, as a real table). Each prefix gets one of the member's
 * attribute sets (default one per ten prefixes): ORIGIN IGP, an AS_PATH of the member's AS then random ASNs, the
 * member's address as NEXT_HOP, and some standard communities of the member's AS.
 */
final class RouteGenerator {
    private RouteGenerator() {}

    static final Map<Integer, Integer> DEFAULT_LENGTHS = Map.of(24, 60, 23, 8, 22, 12, 21, 6, 20, 6, 19, 4, 18, 2,
            16, 2);

    static Map<Long, PathAttributes> routes(Random r, Scenario.Routes spec, int count, long asn, InetAddress nextHop,
                                            LongSet used) {
        Map<Integer, Integer> lengths = spec.prefixLengths() == null ? DEFAULT_LENGTHS : spec.prefixLengths();
        int[] lengthTable = lengthTable(lengths);
        List<Integer> pathLen = spec.asPathLength() == null ? List.of(1, 4) : spec.asPathLength();
        List<Integer> comms = spec.communities() == null ? List.of(0, 3) : spec.communities();
        int sets = spec.attributeSets() == null ? Math.max(1, (count + 9) / 10) : spec.attributeSets();
        List<PathAttributes> attributes = new ArrayList<>(sets);
        for (int s = 0; s < sets; s++) {
            attributes.add(attributes(r, asn, nextHop, between(r, pathLen), between(r, comms)));
        }
        Map<Long, PathAttributes> out = new LinkedHashMap<>();
        while (out.size() < count) {
            long key = fresh(r, lengthTable, used);
            out.put(key, attributes.get(out.size() % sets));
        }
        return out;
    }

    private static int[] lengthTable(Map<Integer, Integer> weights) {
        List<Integer> t = new ArrayList<>();
        weights.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> { for (int i = 0; i < e.getValue(); i++) { t.add(e.getKey()); } });
        if (t.isEmpty()) {
            throw new IllegalArgumentException("prefix-lengths has no weight above 0");
        }
        return t.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int between(Random r, List<Integer> range) {
        return range.get(0) + r.nextInt(range.get(1) - range.get(0) + 1);
    }

    private static PathAttributes attributes(Random r, long asn, InetAddress nextHop, int pathLength,
                                             int communities) {
        List<Long> asns = new ArrayList<>();
        asns.add(asn);
        for (int i = 1; i < pathLength; i++) {
            asns.add(1L + r.nextInt(63_999));
        }
        List<PathAttribute> a = new ArrayList<>();
        a.add(Origin.IGP);
        a.add(new AsPath(List.of(new AsPathSegment(AsPathSegment.AS_SEQUENCE, asns))));
        a.add(NextHop.of(nextHop.getHostAddress()));
        if (communities > 0) {
            long high = asn <= 0xFFFF ? asn : 65535;
            List<Long> c = new ArrayList<>();
            for (int i = 0; i < communities; i++) {
                c.add(high << 16 | r.nextInt(65536));
            }
            a.add(new Communities(c));
        }
        return new PathAttributes(a);
    }

    private static long fresh(Random r, int[] lengths, LongSet used) {
        while (true) {
            int len = lengths[r.nextInt(lengths.length)];
            int first = 1 + r.nextInt(223);
            if (first == 10 || first == 127) {
                continue;
            }
            long address = ((long) first << 24 | r.nextInt(1 << 24)) & (0xFFFFFFFFL << (32 - len)) & 0xFFFFFFFFL;
            long key = Prefixes.key(address, len);
            if (used.add(key)) {
                return key;
            }
        }
    }
}
