// Values keyed by IP prefix, with the lookup of every entry that covers a prefix: one hash table per prefix length.
package org.bgpekko.config;

import it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.bgpekko.wire.Family;
import org.bgpekko.wire.nlri.IpPrefix;

/**
 * A prefix of length L is covered by an entry of length l when l &lt;= L and their first l bits are equal; the lookup
 * masks the prefix to each length that holds entries (at most 33 for IPv4, 129 for IPv6) and reads one hash table
 * each, so it costs the same for ten entries or a hundred thousand. IPv4 entries are keyed by a long (address and
 * length) in a table that mixes its hash, so a probe allocates nothing and compares two longs. Single-threaded: the loader builds the tables of
 * the configuration, which stay unchanged; the ROAs learnt over RTR are one the Rib actor changes ({@link #remove}).
 */
public final class PrefixTable<T> {
    private final Long2ObjectOpenHashMap<List<T>> ipv4 = new Long2ObjectOpenHashMap<>();
    private final Map<IpPrefix, List<T>> ipv6 = new HashMap<>();
    /** The number of entries of each prefix length, per address family. */
    private final int[][] lengths = {new int[33], new int[129]};
    private int size;

    public void add(IpPrefix prefix, T value) {
        values(prefix, true).add(value);
        lengths[prefix.afi() == Family.AFI_IPV4 ? 0 : 1][prefix.length()]++;
        size++;
    }

    /** Removes one entry equal to {@code value} at {@code prefix}; false when there is none. */
    public boolean remove(IpPrefix prefix, T value) {
        List<T> values = values(prefix, false);
        if (values == null || !values.remove(value)) {
            return false;
        }
        if (values.isEmpty()) {
            if (prefix.afi() == Family.AFI_IPV4) {
                ipv4.remove(ipv4Key(prefix.lo(), prefix.length()));
            } else {
                ipv6.remove(prefix);
            }
        }
        lengths[prefix.afi() == Family.AFI_IPV4 ? 0 : 1][prefix.length()]--;
        size--;
        return true;
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /** Calls {@code visit} with every value whose prefix covers {@code prefix} (itself included), shortest first. */
    public void covering(IpPrefix prefix, Consumer<T> visit) {
        if (size == 0) {
            return;
        }
        int[] present = lengths[prefix.afi() == Family.AFI_IPV4 ? 0 : 1];
        for (int l = 0; l <= prefix.length(); l++) {
            if (present[l] > 0) {
                List<T> values = at(prefix, l);
                if (values != null) {
                    values.forEach(visit);
                }
            }
        }
    }

    /** Does some value covering {@code prefix} satisfy {@code test}? */
    public boolean anyCovering(IpPrefix prefix, java.util.function.Predicate<T> test) {
        if (size == 0) {
            return false;
        }
        int[] present = lengths[prefix.afi() == Family.AFI_IPV4 ? 0 : 1];
        for (int l = 0; l <= prefix.length(); l++) {
            if (present[l] > 0) {
                List<T> values = at(prefix, l);
                if (values != null) {
                    for (T v : values) {
                        if (test.test(v)) {
                            return true;
                        }
                    }
                }
            }
        }
        return false;
    }

    /** A test of a value with an int argument: a method reference that captures nothing allocates nothing. */
    @FunctionalInterface
    public interface ArgPredicate<T> {
        boolean test(T value, int arg);
    }

    /** Does a value of the entry {@code prefix} cut to {@code length} bits pass {@code test} with {@code arg}? */
    public boolean anyAt(IpPrefix prefix, int length, int arg, ArgPredicate<T> test) {
        List<T> values = at(prefix, length);
        if (values != null) {
            for (int i = 0; i < values.size(); i++) {
                if (test.test(values.get(i), arg)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The values of the entry {@code prefix} cut to {@code length} bits, or null. */
    private List<T> at(IpPrefix prefix, int length) {
        if (prefix.afi() == Family.AFI_IPV4) {
            return ipv4.get(ipv4Key(prefix.lo() & IpPrefix.ipv4Mask(length), length));
        }
        return ipv6.get(new IpPrefix(prefix.afi(), prefix.hi(), prefix.lo(), length));
    }

    /** The values at exactly {@code prefix}: a new list when {@code create}, else null when there are none. */
    private List<T> values(IpPrefix prefix, boolean create) {
        if (prefix.afi() == Family.AFI_IPV4) {
            long key = ipv4Key(prefix.lo(), prefix.length());
            return create ? ipv4.computeIfAbsent(key, k -> new ArrayList<>(1)) : ipv4.get(key);
        }
        return create ? ipv6.computeIfAbsent(prefix, k -> new ArrayList<>(1)) : ipv6.get(prefix);
    }

    /** An IPv4 prefix as one long: its 32-bit address above its length (0..32, six bits). */
    private static long ipv4Key(long address, int length) {
        return address << 6 | length;
    }
}
