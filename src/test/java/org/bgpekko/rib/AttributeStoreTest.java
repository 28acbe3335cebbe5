// AttributeStore: one id per distinct value, reference counts, freeing at zero and reuse of freed ids.
package org.bgpekko.rib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.bgpekko.wire.Bytes;
import org.bgpekko.wire.attribute.AsPath;
import org.bgpekko.wire.attribute.MpUnreachNlri;
import org.bgpekko.wire.attribute.MultiExitDisc;
import org.bgpekko.wire.attribute.NextHop;
import org.bgpekko.wire.attribute.Origin;
import org.bgpekko.wire.attribute.PathAttributes;
import org.bgpekko.wire.Family;
import org.junit.jupiter.api.Test;

class AttributeStoreTest {
    static RouteAttributes attrs(long med) {
        return new RouteAttributes(PathAttributes.of(Origin.IGP, AsPath.sequence(64500L), NextHop.of("192.0.2.1"),
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
        assertSame(s.get(a), s.get(b));
        assertEquals(attrs(1), s.get(a));
    }

    @Test
    void theLastReleaseFreesTheValueAndItsIdIsReused() {
        AttributeStore s = new AttributeStore();
        int a = s.acquire(attrs(1));
        s.retain(a);
        s.release(a);
        assertEquals(1, s.size());
        s.release(a);
        assertEquals(0, s.size());
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
    }

    @Test
    void manyValuesGrowTheTables() {
        AttributeStore s = new AttributeStore();
        for (int i = 0; i < 1000; i++) {
            assertEquals(i, s.acquire(attrs(i)));
        }
        for (int i = 0; i < 1000; i++) {
            assertEquals(attrs(i), s.get(i));
            s.release(i);
        }
        assertEquals(0, s.size());
    }

    @Test
    void routeAttributesNeverHoldMpAttributes() {
        PathAttributes withMp = PathAttributes.of(Origin.IGP, MpUnreachNlri.endOfRib(Family.IPV6_UNICAST));
        assertThrows(IllegalArgumentException.class, () -> new RouteAttributes(withMp, Bytes.EMPTY));
        assertEquals(PathAttributes.of(Origin.IGP), RouteAttributes.of(withMp, Bytes.EMPTY).attributes());
    }
}
