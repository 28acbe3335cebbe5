// Values keyed by IP prefix, with the lookup of every entry that covers a prefix: one hash table per prefix length.
package org.bgpekko.config;

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
 * each, so it costs the same for ten entries or a hundred thousand. Single-threaded: the loader builds the tables of
 * the configuration, which stay unchanged; the ROAs learnt over RTR are one the Rib actor changes ({@link #remove}).
 */
public final class PrefixTable<T> {
    private final Map<IpPrefix, List<T>> entries = new HashMap<>();
    /** The number of entries of each prefix length, per address family. */
    private final int[][] lengths = {new int[33], new int[129]};
    private int size;

    public void add(IpPrefix prefix, T value) {
        entries.computeIfAbsent(prefix, k -> new ArrayList<>(1)).add(value);
        lengths[prefix.afi() == Family.AFI_IPV4 ? 0 : 1][prefix.length()]++;
        size++;
    }

    /** Removes one entry equal to {@code value} at {@code prefix}; false when there is none. */
    public boolean remove(IpPrefix prefix, T value) {
        List<T> values = entries.get(prefix);
        if (values == null || !values.remove(value)) {
            return false;
        }
        if (values.isEmpty()) {
            entries.remove(prefix);
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
                List<T> values = entries.get(new IpPrefix(prefix.afi(), prefix.hi(), prefix.lo(), l));
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
                List<T> values = entries.get(new IpPrefix(prefix.afi(), prefix.hi(), prefix.lo(), l));
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
}
