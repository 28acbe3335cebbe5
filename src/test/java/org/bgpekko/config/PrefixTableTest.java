// PrefixTable's covering look-ups against a scan of every entry, for IPv4 and IPv6, with entries added and removed.
package org.bgpekko.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.bgpekko.wire.Family;
import org.bgpekko.wire.nlri.IpPrefix;

class PrefixTableTest {
    private record Entry(IpPrefix prefix, int value) {}

    /** Does {@code outer} cover {@code inner}: no longer, and the same first bits? */
    static boolean covers(IpPrefix outer, IpPrefix inner) {
        return outer.afi() == inner.afi() && outer.length() <= inner.length()
                && new IpPrefix(inner.afi(), inner.hi(), inner.lo(), outer.length()).equals(outer);
    }

    /** Prefixes close to each other (few distinct high bits), so that covering ones are common. */
    static IpPrefix prefix(Random r, boolean v6) {
        if (v6) {
            long hi = 0x2001_0db8_0000_0000L | (long) r.nextInt(4) << 28 | (long) r.nextInt(16) << 8;
            return new IpPrefix(Family.AFI_IPV6, hi, r.nextLong(), r.nextInt(129));
        }
        long address = 0xC6_33_00_00L | (long) r.nextInt(4) << 14 | r.nextInt(1 << 12);
        return new IpPrefix(Family.AFI_IPV4, 0, address, r.nextInt(33));
    }

    @Property(tries = 200)
    void coveringFindsExactlyTheEntriesAScanFinds(@ForAll long seed) {
        Random r = new Random(seed);
        PrefixTable<Integer> table = new PrefixTable<>();
        List<Entry> all = new ArrayList<>();
        for (int i = 0, n = r.nextInt(200); i < n; i++) {
            Entry e = new Entry(prefix(r, r.nextBoolean()), r.nextInt(5));
            table.add(e.prefix(), e.value());
            all.add(e);
        }
        for (int i = 0, n = r.nextInt(50); i < n && !all.isEmpty(); i++) {
            Entry e = all.remove(r.nextInt(all.size()));
            assertEquals(true, table.remove(e.prefix(), e.value()));
        }
        assertEquals(false, table.remove(prefix(r, false), 99), "a value never added");
        assertEquals(all.size(), table.size());
        for (int q = 0; q < 100; q++) {
            IpPrefix query = prefix(r, r.nextBoolean());
            List<Integer> want = all.stream().filter(e -> covers(e.prefix(), query)).map(Entry::value).sorted()
                    .toList();
            List<Integer> got = new ArrayList<>();
            table.covering(query, got::add);
            assertEquals(want, got.stream().sorted().toList(), () -> "covering " + query);
            int wanted = q % 5;
            assertEquals(want.contains(wanted), table.anyCovering(query, v -> v == wanted), () -> "any " + query);
        }
    }
}
