// ExaBGP's order of the NLRI in one UPDATE: by their index bytes, so that packed UPDATEs are byte for byte its own.
package org.bgpekko.rib;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bgpekko.wire.Family;
import org.bgpekko.wire.WireWriter;
import org.bgpekko.wire.nlri.Nlri;
import org.bgpekko.wire.nlri.NlriBlock;

/**
 * ExaBGP sorts the NLRI of one UPDATE by their index bytes: the path identifier (or "no-pi") followed by the
 * prefix as packed on the wire (length, then the significant address bytes).
 */
final class ExaBgpOrder {
    private ExaBgpOrder() {}

    private static final int INDEX_BITS = 26;
    private static final byte[] NO_PATH_INFO = "no-pi".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /**
     * The NLRI of {@code entries[from, to)} ({@code slot << 1 | kind}) in ExaBGP's order, in wire form. IPv4 unicast
     * prefixes without a path identifier sort as (length, address) with no object per prefix.
     */
    static NlriBlock block(Family family, boolean addPath, NlriSlots slots, int[] entries, int from, int to) {
        int n = to - from;
        boolean allIpv4 = n < (1 << INDEX_BITS);
        for (int i = from; i < to && allIpv4; i++) {
            allIpv4 = slots.ipv4Key(entries[i] >>> 1) >= 0;
        }
        NlriBlock.Builder b = NlriBlock.builder(family, addPath);
        if (allIpv4) {
            long[] keys = new long[n];
            for (int i = 0; i < n; i++) {
                long key = slots.ipv4Key(entries[from + i] >>> 1);
                long length = key & 0xFF;
                // the bytes on the wire: host bits beyond the last written byte do not count
                long address = key >>> 8 & 0xFFFFFFFFL << (32 - ((length + 7) & ~7));
                // length, then address, then position: unsigned order made signed by flipping the top bit
                keys[i] = (length << 58 | address << INDEX_BITS | i) ^ Long.MIN_VALUE;
            }
            Arrays.sort(keys);
            for (long k : keys) {
                long key = slots.ipv4Key(entries[from + (int) ((k ^ Long.MIN_VALUE) & ((1 << INDEX_BITS) - 1))] >>> 1);
                b.addIpv4(Nlri.NO_PATH_ID, key >>> 8, (int) (key & 0xFF));
            }
            return b.build();
        }
        List<Nlri> nlri = new ArrayList<>(n);
        for (int i = from; i < to; i++) {
            nlri.add(slots.nlri(entries[i] >>> 1));
        }
        sort(nlri);
        nlri.forEach(b::add);
        return b.build();
    }

    /** Sorts any NLRI in ExaBGP's order. */
    static void sort(List<Nlri> nlri) {
        record Keyed(byte[] key, Nlri nlri) {}
        List<Keyed> keyed = new ArrayList<>(nlri.size());
        nlri.forEach(n -> keyed.add(new Keyed(indexOf(n), n))); // one key per NLRI, not one per comparison
        keyed.sort((a, b) -> Arrays.compareUnsigned(a.key(), b.key()));
        for (int i = 0; i < keyed.size(); i++) {
            nlri.set(i, keyed.get(i).nlri());
        }
    }

    private static byte[] indexOf(Nlri n) {
        NlriBlock one = NlriBlock.of(n.family(), false, List.of(n));
        byte[] prefix = one.bytes().toArray();
        WireWriter w = new WireWriter(prefix.length + 5);
        if (n.pathId() == Nlri.NO_PATH_ID) {
            w.putBytes(NO_PATH_INFO, 0, NO_PATH_INFO.length);
        } else {
            w.put32(n.pathId());
        }
        w.putBytes(prefix, 0, prefix.length);
        return w.toArray();
    }
}
