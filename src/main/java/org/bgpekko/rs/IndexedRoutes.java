// A route-server client's IPv4 unicast Adj-RIB-In kept in the route server's prefix index: one hash look-up a route.
package org.bgpekko.rs;

import java.util.Arrays;

/**
 * Without it a received route is looked up twice in tables of a million prefixes, a cache miss each: in the client's
 * own Adj-RIB-In table and in the route server's {@link Prefixes}. Here the Adj-RIB-In's entry for a prefix is a
 * {@code [client, attribute id]} pair in the prefix index's held list ({@link Prefixes#held}), so the one look-up
 * of the index serves both, and the route server is handed the indices with the change ({@link RouteServer#apply(int,
 * int, int[], int)}) instead of looking them up again (docs/decisions.md D7).
 *
 * <p>Only what is stored moves: the Adj-RIB-In ({@code rib.IndexedIpv4Table}) keeps every route, filtered or not,
 * with the same semantics as its own table. Each held route holds a reference to its prefix index, so an index lives
 * while a client holds a route there, also when it is no candidate. Single-threaded (the Rib actor's).
 */
public final class IndexedRoutes {
    /** Receives one held route. */
    @FunctionalInterface
    public interface Route {
        void accept(int p, int attributeId);
    }

    private final Prefixes prefixes;
    private final int client;
    private int size;
    /** The last list of one route made, {@code [client, id]}: the routes of one UPDATE share it. */
    private int[] single;

    IndexedRoutes(Prefixes prefixes, int client) {
        this.prefixes = prefixes;
        this.client = client;
    }

    /** The route-server client index whose routes these are. */
    public int client() {
        return client;
    }

    /** The index of an IPv4 prefix (host bits clear), made when new; it holds no reference until {@link #put}. */
    public int index(long address, int length) {
        return prefixes.index(Prefixes.IPV4, 0, address, length);
    }

    /** The index of an IPv4 prefix, or -1. */
    public int find(long address, int length) {
        return prefixes.find(Prefixes.IPV4, 0, address, length);
    }

    /** The attribute id this client holds at prefix index {@code p}, or -1. */
    public int get(int p) {
        int[] h = prefixes.held(p);
        int at = at(h);
        return at < 0 ? -1 : h[at + 1];
    }

    /** The client holds attribute id {@code id} at {@code p} now (a new route takes a reference to the index). */
    public void put(int p, int id) {
        int[] h = prefixes.held(p);
        int at = at(h);
        if (at < 0) {
            prefixes.retain(p);
            size++;
        }
        if (h == null || h.length == 2 && at == 0) {
            prefixes.setHeld(p, single(id));
            return;
        }
        int[] out;
        if (at < 0) {
            out = Arrays.copyOf(h, h.length + 2);
            out[h.length] = client;
            out[h.length + 1] = id;
        } else {
            out = h.clone();
            out[at + 1] = id;
        }
        prefixes.setHeld(p, out);
    }

    /** The client's route at {@code p} is gone; the index's reference goes with it (the index may be freed). */
    public void remove(int p) {
        int[] h = prefixes.held(p);
        int at = at(h);
        if (at < 0) {
            return;
        }
        if (h.length == 2) {
            prefixes.setHeld(p, null);
        } else {
            int[] out = Arrays.copyOf(h, h.length - 2);
            System.arraycopy(h, at + 2, out, at, h.length - at - 2);
            prefixes.setHeld(p, out);
        }
        size--;
        prefixes.release(p);
    }

    /** Number of routes held. */
    public int size() {
        return size;
    }

    /** The address of prefix index {@code p} (its low 32 bits for IPv4). */
    public long address(int p) {
        return prefixes.lo(p);
    }

    public int length(int p) {
        return prefixes.length(p);
    }

    /** Every route held, by prefix index in index order; the routes must not change meanwhile. */
    public void forEach(Route visitor) {
        for (int p = 0, n = prefixes.capacity(); p < n; p++) {
            int id = get(p);
            if (id >= 0) {
                visitor.accept(p, id);
            }
        }
    }

    private int at(int[] h) {
        return CandidateLists.indexOf(h, client); // the same [client, id] pairs as a candidate list
    }

    private int[] single(int id) {
        int[] s = single;
        if (s == null || s[1] != id) {
            s = new int[] {client, id};
            single = s;
        }
        return s;
    }
}
