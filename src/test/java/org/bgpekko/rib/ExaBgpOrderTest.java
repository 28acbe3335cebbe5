// ExaBGP's NLRI order: the primitive IPv4 path sorts exactly as the index bytes of each NLRI do.
package org.bgpekko.rib;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.bgpekko.wire.Family;
import org.bgpekko.wire.nlri.InetNlri;
import org.bgpekko.wire.nlri.IpPrefix;
import org.bgpekko.wire.nlri.Nlri;
import org.bgpekko.wire.nlri.NlriBlock;
import org.junit.jupiter.api.Test;

class ExaBgpOrderTest {
    @Test
    void theIpv4PathSortsAsTheIndexBytes() {
        Random r = new Random(7);
        for (int round = 0; round < 200; round++) {
            NlriSlots slots = new NlriSlots();
            List<Nlri> nlri = new ArrayList<>();
            int n = 1 + r.nextInt(300);
            int[] entries = new int[n];
            for (int i = 0; i < n; i++) {
                int length = r.nextInt(33);
                long address = r.nextInt() & 0xFFFFFFFFL; // host bits too: they count where they are written
                if (r.nextBoolean()) {
                    address &= length == 0 ? 0 : 0xFFFFFFFFL << (32 - length);
                }
                Nlri x = new InetNlri(Family.IPV4_UNICAST, Nlri.NO_PATH_ID, IpPrefix.ipv4(address, length));
                nlri.add(x);
                entries[i] = slots.acquire(x) << 1 | 1;
            }
            NlriBlock fast = ExaBgpOrder.block(Family.IPV4_UNICAST, false, slots, entries, 0, n);
            List<Nlri> sorted = new ArrayList<>(nlri);
            ExaBgpOrder.sort(sorted);
            NlriBlock slow = NlriBlock.of(Family.IPV4_UNICAST, false, sorted);
            assertEquals(slow.bytes(), fast.bytes(), "round " + round);
        }
    }
}
