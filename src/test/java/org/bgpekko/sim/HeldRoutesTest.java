// Members' shared-page tables hold exactly what a map per member would, under any announce / withdraw / reset order.
package org.bgpekko.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.bgpekko.wire.Family;
import org.bgpekko.wire.MessageCodec;
import org.bgpekko.wire.SessionOptions;
import org.bgpekko.wire.Update;
import org.bgpekko.wire.attribute.AsPath;
import org.bgpekko.wire.attribute.AsPathSegment;
import org.bgpekko.wire.attribute.NextHop;
import org.bgpekko.wire.attribute.Origin;
import org.bgpekko.wire.attribute.PathAttributes;
import org.bgpekko.wire.nlri.Nlri;
import org.bgpekko.wire.nlri.NlriBlock;
import org.junit.jupiter.api.Test;

class HeldRoutesTest {
    private static final int PREFIXES = 150; // three pages and a part
    private static final List<PathAttributes> SETS = List.of(attrs(64501), attrs(64502), attrs(64503));

    private static PathAttributes attrs(long asn) {
        return new PathAttributes(List.of(Origin.IGP, new AsPath(List.of(new AsPathSegment(
                AsPathSegment.AS_SEQUENCE, List.of(asn)))), NextHop.of("10.0.0.1")));
    }

    private static long key(int i) {
        return Prefixes.key(0x0A000000L | (long) i << 8, 24); // 10.0.i.0/24
    }

    private static NlriBlock block(List<Integer> prefixes) {
        NlriBlock.Builder b = NlriBlock.builder(Family.IPV4_UNICAST, false);
        prefixes.forEach(i -> b.addIpv4(Nlri.NO_PATH_ID, key(i) >>> 8, 24));
        return b.build();
    }

    private static Update update(List<Integer> withdrawn, List<Integer> announced, int set) {
        return new Update(block(withdrawn), announced.isEmpty() ? PathAttributes.EMPTY : SETS.get(set),
                block(announced), List.of());
    }

    /** What a member held before: a map, withdrawals counted when held, announcements each time. */
    private static final class Reference {
        final Map<Long, PathAttributes> held = new HashMap<>();

        int apply(Update u) {
            int[] withdrawn = {0};
            u.withdrawn().forEachPrefix((id, hi, lo, len) -> withdrawn[0] += held.remove(Prefixes.key(lo, len))
                    != null ? 1 : 0);
            u.nlri().forEachPrefix((id, hi, lo, len) -> held.put(Prefixes.key(lo, len), u.attributes()));
            return withdrawn[0];
        }
    }

    @Property(tries = 200)
    void holdsWhatAMapPerMemberHolds(@ForAll long seed) {
        Random r = new Random(seed);
        RouteIndex index = new RouteIndex();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < PREFIXES; i++) {
            order.add(i);
        }
        java.util.Collections.shuffle(order, r);
        order.subList(0, PREFIXES / 2).forEach(i -> index.prefix(key(i))); // half numbered up front, as own routes
        int members = 3;
        List<HeldRoutes> tables = new ArrayList<>();
        List<Reference> refs = new ArrayList<>();
        for (int m = 0; m < members; m++) {
            tables.add(new HeldRoutes(index));
            refs.add(new Reference());
        }
        for (int step = 0; step < 120; step++) {
            List<Integer> withdrawn = new ArrayList<>();
            List<Integer> announced = new ArrayList<>();
            for (int k = r.nextInt(12); k > 0; k--) {
                withdrawn.add(r.nextInt(PREFIXES));
            }
            for (int k = r.nextInt(12); k > 0; k--) {
                announced.add(r.nextInt(PREFIXES)); // duplicates and a withdraw of the same prefix included
            }
            Update u = update(withdrawn, announced, r.nextInt(SETS.size()));
            ReceivedUpdate shared = ReceivedUpdate.of(index, SessionOptions.DEFAULT, u);
            assertEquals(announced.size(), shared.announced());
            for (int m = 0; m < members; m++) {
                if (r.nextInt(5) == 0) {
                    continue; // this member does not get it (its own routes, its own queue)
                }
                if (r.nextInt(40) == 0) {
                    tables.get(m).clear(); // the session went down
                    refs.get(m).held.clear();
                }
                assertEquals(refs.get(m).apply(u), shared.applyTo(tables.get(m)), "withdrawn count, step " + step);
                assertEquals(refs.get(m).held.size(), tables.get(m).size());
            }
        }
        for (int m = 0; m < members; m++) {
            assertEquals(new TreeMap<>(refs.get(m).held), tables.get(m).sorted());
            for (int i = 0; i < PREFIXES; i++) {
                assertEquals(refs.get(m).held.get(key(i)), tables.get(m).get(key(i)));
            }
        }
    }

    @Test
    void membersThatGetTheSameUpdatesShareTheirPagesUntilOneGetsAnother() {
        RouteIndex index = new RouteIndex();
        HeldRoutes a = new HeldRoutes(index);
        HeldRoutes b = new HeldRoutes(index);
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < PREFIXES; i++) {
            all.add(i);
        }
        ReceivedUpdate announce = ReceivedUpdate.of(index, SessionOptions.DEFAULT, update(List.of(), all, 0));
        announce.applyTo(a);
        announce.applyTo(b);
        for (int n = 0; n < 3; n++) {
            assertSame(a.page(n), b.page(n), "page " + n);
        }
        ReceivedUpdate withdraw = ReceivedUpdate.of(index, SessionOptions.DEFAULT, update(List.of(3), List.of(), 0));
        assertEquals(1, withdraw.applyTo(b));
        assertNotSame(a.page(0), b.page(0));
        assertSame(a.page(1), b.page(1));
        assertNull(b.get(key(3)));
        assertEquals(SETS.get(0), a.get(key(3)));
        assertEquals(0, withdraw.applyTo(b), "withdrawn again: it held none");
        assertEquals(PREFIXES - 1, b.size());
        assertEquals(PREFIXES, a.size());
    }

    @Test
    void anUpdateIsDecodedOncePerArrayAndSessionOptions() {
        RouteIndex index = new RouteIndex();
        Update u = update(List.of(), List.of(1, 2), 1);
        byte[] wire = MessageCodec.encode(u, SessionOptions.DEFAULT);
        assertNull(index.decoded(wire, SessionOptions.DEFAULT));
        ReceivedUpdate first = index.received(wire, SessionOptions.DEFAULT, u);
        assertSame(first, index.decoded(wire, SessionOptions.DEFAULT));
        assertNull(index.decoded(wire.clone(), SessionOptions.DEFAULT), "an equal array is another message");
        assertNull(index.decoded(wire, SessionOptions.LEGACY), "other session options decode otherwise");
        assertNotNull(index.decoded(wire, SessionOptions.DEFAULT));
    }
}
