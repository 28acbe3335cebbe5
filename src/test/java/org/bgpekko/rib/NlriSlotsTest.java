// The shared NLRI numbering and attribute interning of the Adj-RIB-Out: reference counts, reuse, both key kinds.
package org.bgpekko.rib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.bgpekko.wire.Family;
import org.bgpekko.wire.attribute.PathAttributes;
import org.bgpekko.wire.nlri.InetNlri;
import org.bgpekko.wire.nlri.IpAddress;
import org.bgpekko.wire.nlri.IpPrefix;
import org.bgpekko.wire.nlri.Nlri;
import org.junit.jupiter.api.Test;

class NlriSlotsTest {
    @Test
    void aSlotLivesWhileHeldAndIsReusedAfter() {
        NlriSlots slots = new NlriSlots();
        Nlri v4 = InetNlri.of("10.0.0.1/24"); // host bits are part of the NLRI, as the record has them
        Nlri v6 = InetNlri.of("2001:db8::/32");
        Nlri pathId = new InetNlri(Family.IPV4_UNICAST, 7, IpPrefix.parse("10.0.0.0/24"));
        int a = slots.acquire(v4);
        int b = slots.acquire(v6);
        int c = slots.acquire(pathId);
        assertEquals(a, slots.acquire(v4));
        assertEquals(3, slots.size());
        assertEquals(v4, slots.nlri(a));
        assertEquals(v6, slots.nlri(b));
        assertEquals(pathId, slots.nlri(c));
        assertEquals(-1, slots.ipv4Key(c), "a path identifier: kept as an object");
        assertEquals(Family.IPV6_UNICAST, slots.family(b));
        slots.release(a);
        slots.release(a);
        assertEquals(2, slots.size());
        assertThrows(IllegalArgumentException.class, () -> slots.nlri(a));
        assertEquals(a, slots.acquire(InetNlri.of("192.0.2.0/24")), "the freed slot is reused");
    }

    @Test
    void internedSetsAreCountedAndTheirIdsReused() {
        InternTable<OutboundAttributes> t = new InternTable<>();
        OutboundAttributes x = new OutboundAttributes(PathAttributes.EMPTY, Optional.of(IpAddress.parse("1.1.1.1")));
        OutboundAttributes sameAsX = new OutboundAttributes(PathAttributes.EMPTY,
                Optional.of(IpAddress.parse("1.1.1.1")));
        OutboundAttributes y = new OutboundAttributes(PathAttributes.EMPTY, Optional.empty());
        int id = t.acquire(x);
        assertEquals(id, t.acquire(sameAsX));
        assertEquals(id, t.acquire(x), "the same instance again");
        assertEquals(3, t.refCount(id));
        assertEquals(-1, t.tag(id));
        t.setTag(id, 42);
        int other = t.acquire(y);
        assertNotEquals(id, other);
        t.release(id);
        t.release(id);
        t.release(id);
        assertEquals(1, t.size());
        assertEquals(id, t.acquire(new OutboundAttributes(PathAttributes.EMPTY,
                Optional.of(IpAddress.parse("2.2.2.2")))), "the freed id is reused");
        assertEquals(-1, t.tag(id), "with a fresh tag");
        assertEquals(other, t.acquire(y));
    }
}
