// Interns route attribute sets into small int ids with reference counts, shared by every route that carries them.
package org.bgpekko.rib;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * One store per Rib, shared by all its Adj-RIBs; single-threaded (the Rib actor owns it).
 *
 * <p>{@link #acquire} returns the id of a value, creating it when new, and counts one reference; {@link #retain}
 * and {@link #release} add and drop references by id. When the count reaches zero the value is forgotten and its
 * id is reused. Lookup by id is an array index.
 */
public final class AttributeStore {
    private final Map<RouteAttributes, Integer> ids = new HashMap<>();
    private RouteAttributes[] values = new RouteAttributes[64];
    private int[] refs = new int[64];
    /** Ids freed and ready for reuse (a stack). */
    private int[] free = new int[16];
    private int freeCount;
    /** The next id never handed out. */
    private int next;

    /** The id of {@code value}, interned if new, with one more reference. */
    public int acquire(RouteAttributes value) {
        Integer known = ids.get(value);
        if (known != null) {
            refs[known]++;
            return known;
        }
        int id = freeCount > 0 ? free[--freeCount] : next++;
        if (id == values.length) {
            values = Arrays.copyOf(values, id * 2);
            refs = Arrays.copyOf(refs, id * 2);
        }
        values[id] = value;
        refs[id] = 1;
        ids.put(value, id);
        return id;
    }

    /** Adds a reference to a live id. */
    public void retain(int id) {
        check(id);
        refs[id]++;
    }

    /** Drops a reference; the value is freed when none is left. */
    public void release(int id) {
        check(id);
        if (--refs[id] == 0) {
            ids.remove(values[id]);
            values[id] = null;
            if (freeCount == free.length) {
                free = Arrays.copyOf(free, freeCount * 2);
            }
            free[freeCount++] = id;
        }
    }

    /** The value of a live id. */
    public RouteAttributes get(int id) {
        check(id);
        return values[id];
    }

    /** The references a live id has, 0 for an id not in use. */
    public int refCount(int id) {
        return id >= 0 && id < next ? refs[id] : 0;
    }

    /** Number of distinct values held. */
    public int size() {
        return ids.size();
    }

    private void check(int id) {
        if (id < 0 || id >= next || refs[id] == 0) {
            throw new IllegalArgumentException("attribute id " + id + " is not in use");
        }
    }
}
