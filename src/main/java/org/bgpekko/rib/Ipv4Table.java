// IPv4 unicast/multicast routes without ADD-PATH: the prefix packed in a long (address << 8 | length) -> int id.
package org.bgpekko.rib;

import org.bgpekko.rs.LongIntTable;
import org.bgpekko.wire.Family;
import org.bgpekko.wire.WireWriter;
import org.bgpekko.wire.nlri.InetNlri;
import org.bgpekko.wire.nlri.IpPrefix;
import org.bgpekko.wire.nlri.Nlri;
import org.bgpekko.wire.nlri.NlriBlock;

/**
 * About 25 bytes per route at a million routes (open addressing, {@link LongIntTable}: 12 bytes per slot, load
 * factor 0.75, power-of-two capacity); see docs/decisions.md D7. Keys are canonical: host bits set beyond the
 * length in the last byte are masked, so both spellings of a prefix are one route.
 */
final class Ipv4Table implements FamilyTable {
    private final Family family;
    private final LongIntTable map = new LongIntTable();

    Ipv4Table(Family family) {
        this.family = family;
    }

    /**
     * The IPv4 unicast routes of an indexed Adj-RIB-In moved into a table of their own: each route's attribute
     * reference passes to the table, each prefix index's reference is let go.
     */
    static Ipv4Table of(org.bgpekko.rs.IndexedRoutes routes) {
        Ipv4Table t = new Ipv4Table(Family.IPV4_UNICAST);
        int[] all = new int[routes.size()];
        int[] n = {0};
        routes.forEach((p, id) -> {
            t.map.put(key(routes.address(p), routes.length(p)), id);
            all[n[0]++] = p;
        });
        for (int i = 0; i < n[0]; i++) {
            routes.remove(all[i]);
        }
        return t;
    }

    static long key(long address, int length) {
        return (address & IpPrefix.ipv4Mask(length)) << 8 | length;
    }

    /** Writes the prefix of {@code key} in NLRI wire form (length, then the bytes it covers). */
    static void write(WireWriter out, long key) {
        int length = (int) (key & 0xFF);
        long address = key >>> 8;
        out.put8(length);
        for (int i = 0, n = (length + 7) >>> 3; i < n; i++) {
            out.put8((int) (address >>> (24 - 8 * i)));
        }
    }

    @Override
    public Family family() {
        return family;
    }

    @Override
    public boolean addPath() {
        return false;
    }

    @Override
    public int size() {
        return map.size();
    }

    @Override
    public void announce(NlriBlock block, int id, AttributeStore store, WireWriter changed) {
        block.forEachPrefix((pathId, hi, lo, length) -> {
            long k = key(lo, length);
            int old = map.put(k, id);
            if (old != id) {
                store.retain(id);
                if (old >= 0) {
                    store.release(old);
                }
                write(changed, k);
            }
        });
    }

    @Override
    public void withdraw(NlriBlock block, AttributeStore store, WireWriter changed) {
        block.forEachPrefix((pathId, hi, lo, length) -> {
            long k = key(lo, length);
            int old = map.remove(k);
            if (old >= 0) {
                store.release(old);
                write(changed, k);
            }
        });
    }

    @Override
    public void clear(AttributeStore store, WireWriter removed) {
        map.forEach((k, id) -> {
            store.release(id);
            write(removed, k);
        });
        map.clear();
    }

    @Override
    public int get(Nlri nlri) {
        if (!(nlri instanceof InetNlri n) || !n.family().equals(family) || n.pathId() != Nlri.NO_PATH_ID) {
            return -1;
        }
        return map.get(key(n.prefix().lo(), n.prefix().length()));
    }

    @Override
    public void forEach(AdjRibIn.RouteVisitor visitor) {
        map.forEach((k, id) -> visitor.route(
                new InetNlri(family, Nlri.NO_PATH_ID, IpPrefix.ipv4(k >>> 8, (int) (k & 0xFF))), id));
    }
}
