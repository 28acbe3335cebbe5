// Numbers every NLRI an Adj-RIB-Out holds with a small int (a slot), so per-peer state is kept in int arrays.
package org.bgpekko.rib;

import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import java.util.Arrays;
import org.bgpekko.wire.Family;
import org.bgpekko.wire.nlri.InetNlri;
import org.bgpekko.wire.nlri.IpPrefix;
import org.bgpekko.wire.nlri.Nlri;

/**
 * One index per Rib, shared by every peer's Adj-RIB-Out: the same prefix has the same slot for every peer, so a
 * per-peer fact about it (wanted, sent, pending) is an entry of an array indexed by slot. Slots are reference counted:
 * each holder (a peer's table entry, a pending change, a flush being written) holds one; a slot with none is reused.
 *
 * <p>IPv4 unicast prefixes without a path identifier, by far the most common, are keyed by a long (address and
 * length) and cost no object; every other NLRI is kept as its {@link Nlri}.
 */
final class NlriSlots {
    /** IPv4 key (by {@link NearKeys#ipv4}) to slot. */
    private final Long2IntOpenHashMap ipv4 = new Long2IntOpenHashMap();
    private final Object2IntOpenHashMap<Nlri> other = new Object2IntOpenHashMap<>();
    /** By slot: the IPv4 key ({@code address << 8 | length}), or -1 when the NLRI is in {@link #nlri}. */
    private long[] keys = new long[64];
    /** By slot, the NLRI that are not IPv4 keys; allocated when the first one comes. */
    private Nlri[] nlri;
    private int[] refs = new int[64];
    private int[] free = new int[16];
    private int freeCount;
    private int next;

    NlriSlots() {
        ipv4.defaultReturnValue(-1);
        other.defaultReturnValue(-1);
    }

    /** The slot of {@code n}, created if new, with one more reference. */
    int acquire(Nlri n) {
        long key = ipv4Key(n);
        return key >= 0 ? acquireIpv4(key) : acquireOther(n);
    }

    /** The slot of the IPv4 unicast prefix without path identifier of key {@code address << 8 | length}. */
    int acquireIpv4(long key) {
        // one probe of the map for a new prefix and for a known one
        int candidate = freeCount > 0 ? free[freeCount - 1] : next;
        int slot = ipv4.putIfAbsent(NearKeys.ipv4(key), candidate);
        if (slot >= 0) {
            refs[slot]++;
            return slot;
        }
        return added(candidate, key, null);
    }

    private int acquireOther(Nlri n) {
        int slot = other.getInt(n);
        if (slot >= 0) {
            refs[slot]++;
            return slot;
        }
        return added(freeCount > 0 ? free[freeCount - 1] : next, -1, n);
    }

    /** Takes {@code slot} (the next free one) for a new NLRI: its IPv4 key, or -1 and the NLRI. */
    private int added(int slot, long key, Nlri n) {
        if (freeCount > 0) {
            freeCount--;
        } else {
            next++;
        }
        if (slot == keys.length) {
            int size = slot * 2;
            keys = Arrays.copyOf(keys, size);
            refs = Arrays.copyOf(refs, size);
            if (nlri != null) {
                nlri = Arrays.copyOf(nlri, size);
            }
        }
        keys[slot] = key;
        refs[slot] = 1;
        if (key < 0) {
            if (nlri == null) {
                nlri = new Nlri[keys.length];
            }
            nlri[slot] = n;
            other.put(n, slot);
        }
        return slot;
    }

    /** The slot of a unicast prefix without path identifier, or -1 when no holder has it. */
    int find(Family family, long hi, long lo, int length) {
        if (family.equals(Family.IPV4_UNICAST)) {
            return ipv4.get(NearKeys.ipv4(lo << 8 | length));
        }
        return other.getInt(new InetNlri(family, Nlri.NO_PATH_ID, new IpPrefix(family.afi(), hi, lo, length)));
    }

    void retain(int slot) {
        check(slot);
        refs[slot]++;
    }

    void release(int slot) {
        check(slot);
        if (--refs[slot] == 0) {
            if (keys[slot] >= 0) {
                ipv4.remove(NearKeys.ipv4(keys[slot]));
            } else {
                other.removeInt(nlri[slot]);
                nlri[slot] = null;
            }
            if (freeCount == free.length) {
                free = Arrays.copyOf(free, freeCount * 2);
            }
            free[freeCount++] = slot;
        }
    }

    /** The NLRI of a live slot (built for an IPv4 key). */
    Nlri nlri(int slot) {
        check(slot);
        long key = keys[slot];
        if (key < 0) {
            return nlri[slot];
        }
        return new InetNlri(Family.IPV4_UNICAST, Nlri.NO_PATH_ID, IpPrefix.ipv4(key >>> 8, (int) (key & 0xFF)));
    }

    Family family(int slot) {
        check(slot);
        return keys[slot] >= 0 ? Family.IPV4_UNICAST : nlri[slot].family();
    }

    /** The IPv4 key of a slot ({@code address << 8 | length}), or -1 when it holds another kind of NLRI. */
    long ipv4Key(int slot) {
        check(slot);
        return keys[slot];
    }

    /** The highest slot handed out, plus one: the size per-peer arrays may need. */
    int capacity() {
        return next;
    }

    /** Number of NLRI held. */
    int size() {
        return ipv4.size() + other.size();
    }

    int refCount(int slot) {
        return slot >= 0 && slot < next ? refs[slot] : 0;
    }

    private static long ipv4Key(Nlri n) {
        if (n instanceof InetNlri i && i.pathId() == Nlri.NO_PATH_ID && i.family().equals(Family.IPV4_UNICAST)) {
            return i.prefix().lo() << 8 | i.prefix().length();
        }
        return -1;
    }

    private void check(int slot) {
        if (slot < 0 || slot >= next || refs[slot] == 0) {
            throw new IllegalArgumentException("slot " + slot + " is not in use");
        }
    }
}
