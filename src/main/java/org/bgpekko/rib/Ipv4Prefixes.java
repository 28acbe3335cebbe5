// An immutable run of IPv4 prefixes as the Rib keys them (address << 8 | length): helper lines without an object each.
package org.bgpekko.rib;

import java.util.Arrays;
import org.bgpekko.wire.nlri.IpPrefix;

/**
 * The prefixes of a run of helper lines that differ only in their prefix ({@link RibOperation.RouteRun}), in line
 * order, each as {@code address << 8 | length} ({@link NlriSlots}' IPv4 key), so a million lines cost eight bytes
 * each here instead of a route record, an NLRI and a prefix. Built with a {@link Builder}, never changed.
 */
public final class Ipv4Prefixes {
    private final long[] keys;

    private Ipv4Prefixes(long[] keys) {
        this.keys = keys;
    }

    /** The key of an IPv4 prefix: {@code address << 8 | length}, the host bits of the address cleared. */
    public static long key(long address, int length) {
        return (address & IpPrefix.ipv4Mask(length)) << 8 | length;
    }

    public int size() {
        return keys.length;
    }

    /** The key of the {@code i}th prefix. */
    public long key(int i) {
        return keys[i];
    }

    /** The {@code i}th prefix. */
    public IpPrefix prefix(int i) {
        return IpPrefix.ipv4(keys[i] >>> 8, (int) (keys[i] & 0xFF));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Ipv4Prefixes p && Arrays.equals(keys, p.keys);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(keys);
    }

    @Override
    public String toString() {
        return keys.length + " IPv4 prefixes";
    }

    /** Collects keys; {@link #build} hands them over. Not thread-safe. */
    public static final class Builder {
        private long[] keys = new long[16];
        private int size;

        public Builder add(long key) {
            if (size == keys.length) {
                keys = Arrays.copyOf(keys, size * 2);
            }
            keys[size++] = key;
            return this;
        }

        public int size() {
            return size;
        }

        public Ipv4Prefixes build() {
            return new Ipv4Prefixes(Arrays.copyOf(keys, size));
        }

        /** Starts again empty (a large array is given back). */
        public void clear() {
            size = 0;
            if (keys.length > 1 << 16) {
                keys = new long[16];
            }
        }
    }
}
