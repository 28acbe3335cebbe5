// A route-server client's IPv4 unicast routes, kept in the route server's prefix index instead of a table of their own.
package org.bgpekko.rib;

import java.util.Arrays;
import org.bgpekko.rs.IndexedRoutes;
import org.bgpekko.wire.Family;
import org.bgpekko.wire.WireWriter;
import org.bgpekko.wire.nlri.InetNlri;
import org.bgpekko.wire.nlri.IpPrefix;
import org.bgpekko.wire.nlri.Nlri;
import org.bgpekko.wire.nlri.NlriBlock;

/**
 * The same routes and answers as {@link Ipv4Table} (every route kept, filtered or not; keys canonical), stored as
 * {@link IndexedRoutes}: a received prefix is looked up once, in the route server's index, and the indices of the
 * prefixes that changed are handed on with the change ({@link #changed}) so the route server does not look them up
 * again (docs/decisions.md D7).
 */
final class IndexedIpv4Table implements FamilyTable {
    private final IndexedRoutes routes;
    /** The prefix indices the last operation changed, in the order written to its {@code changed} buffer. */
    private int[] changed = new int[64];
    private int count;

    IndexedIpv4Table(IndexedRoutes routes) {
        this.routes = routes;
    }

    IndexedRoutes routes() {
        return routes;
    }

    @Override
    public Family family() {
        return Family.IPV4_UNICAST;
    }

    @Override
    public boolean addPath() {
        return false;
    }

    @Override
    public int size() {
        return routes.size();
    }

    /**
     * The prefix indices the last announce or withdraw changed (a copy), in the order of its NLRI; null after a
     * clear, whose removals may have freed them (the route server looks those prefixes up).
     */
    int[] changed() {
        return count < 0 ? null : Arrays.copyOf(changed, count);
    }

    private void changed(WireWriter out, int p) {
        if (count == changed.length) {
            changed = Arrays.copyOf(changed, 2 * count);
        }
        changed[count++] = p;
        Ipv4Table.write(out, Ipv4Table.key(routes.address(p), routes.length(p)));
    }

    @Override
    public void announce(NlriBlock block, int id, AttributeStore store, WireWriter out) {
        count = 0;
        block.forEachPrefix((pathId, hi, lo, length) -> {
            int p = routes.index(lo & IpPrefix.ipv4Mask(length), length);
            int old = routes.get(p);
            if (old != id) {
                routes.put(p, id);
                store.retain(id);
                if (old >= 0) {
                    store.release(old);
                }
                changed(out, p);
            }
        });
    }

    @Override
    public void withdraw(NlriBlock block, AttributeStore store, WireWriter out) {
        count = 0;
        block.forEachPrefix((pathId, hi, lo, length) -> {
            int p = routes.find(lo & IpPrefix.ipv4Mask(length), length);
            int old = p < 0 ? -1 : routes.get(p);
            if (old >= 0) {
                changed(out, p); // before the removal: the index may be freed with it
                routes.remove(p);
                store.release(old);
            }
        });
    }

    @Override
    public void clear(AttributeStore store, WireWriter out) {
        count = -1; // no indices handed on: a removal may free one

        int[] all = new int[routes.size()];
        int[] n = {0};
        routes.forEach((p, id) -> {
            Ipv4Table.write(out, Ipv4Table.key(routes.address(p), routes.length(p)));
            all[n[0]++] = p;
        });
        for (int i = 0; i < n[0]; i++) {
            int old = routes.get(all[i]);
            routes.remove(all[i]);
            store.release(old);
        }
    }

    @Override
    public int get(Nlri nlri) {
        if (!(nlri instanceof InetNlri n) || !n.family().equals(Family.IPV4_UNICAST) || n.pathId() != Nlri.NO_PATH_ID) {
            return -1;
        }
        int p = routes.find(n.prefix().lo(), n.prefix().length());
        return p < 0 ? -1 : routes.get(p);
    }

    @Override
    public void forEach(AdjRibIn.RouteVisitor visitor) {
        routes.forEach((p, id) -> visitor.route(new InetNlri(Family.IPV4_UNICAST, Nlri.NO_PATH_ID,
                IpPrefix.ipv4(routes.address(p), routes.length(p))), id));
    }
}
