// AttributeStore: one id per distinct value, reference counts, freeing at zero, reuse of freed ids, compaction.
package org.bgpekko.rib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.bgpekko.wire.Bytes;
import org.bgpekko.wire.Family;
import org.bgpekko.wire.attribute.AsPath;
import org.bgpekko.wire.attribute.MpUnreachNlri;
import org.bgpekko.wire.attribute.MultiExitDisc;
import org.bgpekko.wire.attribute.NextHop;
import org.bgpekko.wire.attribute.Origin;
import org.bgpekko.wire.attribute.PathAttributes;
import org.bgpekko.wire.attribute.UnknownAttribute;
import org.junit.jupiter.api.Test;

class AttributeStoreTest {
    static RouteAttributes attrs(long med) {
        return RouteAttributes.of(PathAttributes.of(Origin.IGP, AsPath.sequence(64500L), NextHop.of("192.0.2.1"),
                new MultiExitDisc(med)), Bytes.EMPTY);
    }

    @Test
    void equalValuesShareOneIdAndCountReferences() {
        AttributeStore s = new AttributeStore();
        int a = s.acquire(attrs(1));
        int b = s.acquire(attrs(1));
        int c = s.acquire(attrs(2));
        assertEquals(a, b);
        assertNotEquals(a, c);
        assertEquals(2, s.refCount(a));
        assertEquals(2, s.size());
        s.retain(a);
        assertEquals(3, s.refCount(a));
        assertEquals(attrs(1), s.get(a));
        assertEquals(attrs(2), s.get(c));
    }

    @Test
    void theLastReleaseFreesTheValueAndItsIdIsReused() {
        AttributeStore s = new AttributeStore();
        int a = s.acquire(attrs(1));
        int keep = s.acquire(attrs(99));
        s.retain(a);
        s.release(a);
        assertEquals(2, s.size());
        s.release(a);
        assertEquals(1, s.size());
        assertEquals(0, s.refCount(a));
        assertThrows(IllegalArgumentException.class, () -> s.get(a));
        assertThrows(IllegalArgumentException.class, () -> s.release(a));
        assertThrows(IllegalArgumentException.class, () -> s.retain(a));
        int b = s.acquire(attrs(7));
        assertEquals(a, b, "a freed id is handed out again");
        assertEquals(attrs(7), s.get(b));
        // the old value is new again, with a new id
        int c = s.acquire(attrs(1));
        assertNotEquals(b, c);
        assertEquals(attrs(99), s.get(keep));
    }

    @Test
    void manyValuesGrowTheTables() {
        AttributeStore s = new AttributeStore();
        for (int i = 0; i < 1000; i++) {
            assertEquals(i, s.acquire(attrs(i)));
        }
        for (int i = 0; i < 1000; i++) {
            assertEquals(attrs(i), s.get(i));
            assertEquals(i, s.acquire(attrs(i)), "found again");
            s.release(i);
            s.release(i);
        }
        assertEquals(0, s.size());
        assertEquals(0, s.liveBytes());
    }

    @Test
    void routeAttributesNeverHoldMpAttributesAndSurviveAllFlagsAndSizes() {
        PathAttributes withMp = PathAttributes.of(Origin.IGP, MpUnreachNlri.endOfRib(Family.IPV6_UNICAST));
        assertEquals(PathAttributes.of(Origin.IGP), RouteAttributes.of(withMp, Bytes.EMPTY).attributes());
        // an unknown attribute keeps its flags (a value over 255 bytes has the extended-length bit, as received)
        PathAttributes odd = PathAttributes.of(Origin.IGP, new UnknownAttribute(0xF0, 99, Bytes.of(new byte[300])),
                new UnknownAttribute(0x50, 200, Bytes.EMPTY));
        Bytes nh = Bytes.fromHex("20010DB8000000000000000000000001");
        RouteAttributes r = RouteAttributes.of(odd, nh);
        assertEquals(odd, r.attributes());
        assertEquals(nh, r.nextHop());
        assertEquals(Bytes.EMPTY, attrs(1).nextHop());
    }

    /** Values of every size (a page holds 128 KiB; larger ones get a page of their own) against a map model. */
    @Test
    void randomChurnAgainstAModelCompactsAndKeepsEveryValue() {
        AttributeStore s = new AttributeStore();
        Map<Integer, RouteAttributes> model = new HashMap<>();
        Map<Integer, Integer> counts = new HashMap<>();
        Random r = new Random(7606);
        List<Integer> live = new ArrayList<>();
        boolean compacted = false;
        for (int step = 0; step < 60_000; step++) {
            if (live.isEmpty() || r.nextInt(100) < 55) {
                // mostly small values, a few of a third to a whole page, rarely one larger than a page
                int parts = r.nextInt(1000) == 0 ? 3 : 1;
                int size = parts == 3 ? 50_000 : r.nextInt(50) == 0 ? 40_000 + r.nextInt(25_000)
                        : 1 + r.nextInt(r.nextBoolean() ? 40 : 600);
                List<org.bgpekko.wire.attribute.PathAttribute> list = new ArrayList<>();
                for (int i = 0; i < parts; i++) {
                    byte[] v = new byte[size];
                    r.nextBytes(v);
                    v[0] = (byte) r.nextInt(4); // a few small values repeat
                    if (size < 3) {
                        v = new byte[] {v[0]};
                    }
                    list.add(new UnknownAttribute(0xD0, 250 + i, Bytes.of(v)));
                }
                RouteAttributes a = RouteAttributes.of(new PathAttributes(list), Bytes.EMPTY);
                int id = s.acquire(a);
                RouteAttributes known = model.putIfAbsent(id, a);
                assertEquals(known == null ? a : known, a, "one id, one value");
                if (counts.merge(id, 1, Integer::sum) == 1) {
                    live.add(id);
                }
            } else {
                int id = live.get(r.nextInt(live.size()));
                long dead = s.deadBytes();
                s.release(id);
                compacted |= s.deadBytes() < dead;
                if (counts.merge(id, -1, Integer::sum) == 0) {
                    counts.remove(id);
                    model.remove(id);
                    live.remove(Integer.valueOf(id));
                }
            }
            if (step % 5000 == 0) {
                for (Map.Entry<Integer, RouteAttributes> e : model.entrySet()) {
                    assertEquals(e.getValue().wire(), s.get(e.getKey()).wire(), "id " + e.getKey() + " at step " + step);
                    assertEquals(counts.get(e.getKey()), s.refCount(e.getKey()));
                }
            }
        }
        assertTrue(compacted, "the churn should have compacted the pages at least once");
        assertEquals(model.size(), s.size());
        for (Map.Entry<Integer, RouteAttributes> e : model.entrySet()) {
            assertEquals(e.getValue(), s.get(e.getKey()));
            assertEquals(e.getKey(), s.acquire(e.getValue()), "still found by value");
        }
        assertTrue(s.deadBytes() <= Math.max(s.liveBytes(), 1 << 17), "dead bytes stay bounded by the live ones");
    }
}
