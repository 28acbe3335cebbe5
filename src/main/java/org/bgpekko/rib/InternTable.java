// Interns values into small int ids with reference counts; each id carries one int of the caller's data (a tag).
package org.bgpekko.rib;

import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import java.util.Arrays;

/**
 * Single-threaded (the Rib actor owns it). {@link #acquire} returns the id of a value, creating it when new, and
 * counts one reference; {@link #retain} and {@link #release} add and drop references by id. When the count reaches
 * zero the value is forgotten and its id is reused. The tag of a new id is -1 until the caller sets it (the Rib keeps
 * the size an attribute set needs on the wire there, computed once per set).
 *
 * @param <T> an immutable value with equals and hashCode
 */
final class InternTable<T> {
    private final Object2IntOpenHashMap<T> ids = new Object2IntOpenHashMap<>();
    private Object[] values = new Object[64];
    private int[] refs = new int[64];
    private int[] tags = new int[64];
    /** Ids freed and ready for reuse (a stack). */
    private int[] free = new int[16];
    private int freeCount;
    /** The next id never handed out. */
    private int next;

    InternTable() {
        ids.defaultReturnValue(-1);
    }

    /** The value last acquired and its id: routes of one command or configured split share one instance. */
    private T last;
    private int lastId = -1;

    /** The id of {@code value}, interned if new, with one more reference. */
    int acquire(T value) {
        if (value == last && refs[lastId] > 0) {
            refs[lastId]++;
            return lastId;
        }
        int known = ids.getInt(value);
        if (known >= 0) {
            refs[known]++;
            last = value;
            lastId = known;
            return known;
        }
        int id = freeCount > 0 ? free[--freeCount] : next++;
        if (id == values.length) {
            values = Arrays.copyOf(values, id * 2);
            refs = Arrays.copyOf(refs, id * 2);
            tags = Arrays.copyOf(tags, id * 2);
        }
        values[id] = value;
        refs[id] = 1;
        tags[id] = -1;
        ids.put(value, id);
        last = value;
        lastId = id;
        return id;
    }

    /** Adds a reference to a live id. */
    void retain(int id) {
        check(id);
        refs[id]++;
    }

    /** Drops a reference; the value is forgotten when none is left. */
    @SuppressWarnings("unchecked")
    void release(int id) {
        check(id);
        if (--refs[id] == 0) {
            if (id == lastId) {
                last = null;
                lastId = -1;
            }
            ids.removeInt((T) values[id]);
            values[id] = null;
            if (freeCount == free.length) {
                free = Arrays.copyOf(free, freeCount * 2);
            }
            free[freeCount++] = id;
        }
    }

    /** The value of a live id. */
    @SuppressWarnings("unchecked")
    T get(int id) {
        check(id);
        return (T) values[id];
    }

    int tag(int id) {
        check(id);
        return tags[id];
    }

    void setTag(int id, int tag) {
        check(id);
        tags[id] = tag;
    }

    /** The references an id has, 0 for an id not in use. */
    int refCount(int id) {
        return id >= 0 && id < next ? refs[id] : 0;
    }

    /** Number of distinct values held. */
    int size() {
        return ids.size();
    }

    private void check(int id) {
        if (id < 0 || id >= next || refs[id] == 0) {
            throw new IllegalArgumentException("id " + id + " is not in use");
        }
    }
}
