// One entry of an arouteserver prefix list: a prefix and the range of lengths it admits.
package org.bgpekko.config;

import org.bgpekko.wire.Family;
import org.bgpekko.wire.nlri.IpPrefix;

/**
 * arouteserver's prefix-list entry ({@code prefix}, {@code length}, {@code exact}, {@code ge}, {@code le}): a route
 * matches when the entry's prefix covers it and its length is in {@code ge..le}. Without {@code exact}, ge and le
 * default to the entry's length and the family's maximum (more specifics included); with it, both are the length.
 *
 * @param comment what the operator wrote, for messages
 */
public record PrefixRule(IpPrefix prefix, int ge, int le, String comment) {
    public boolean admits(int length) {
        return length >= ge && length <= le;
    }

    /**
     * A list of rules and its lookup. A route of length L can only match a rule of length l &lt;= L whose ge..le holds
     * L; the list keeps, per route length, the rule lengths that may (a bit mask), and the lookup reads only those:
     * an AS-SET's exact prefixes (ge = le = the length, the IRR case) cost one hash probe per route, not one per
     * length that has entries (docs/benchmarks.md, issue 13's cost).
     */
    public static final class List {
        private final PrefixTable<PrefixRule> table = new PrefixTable<>();
        /** Per family (IPv4, IPv6), per route length L, the bits l of the rule lengths that admit L; null: none. */
        private final long[][][] probe = new long[2][][];

        public void add(PrefixRule r) {
            table.add(r.prefix(), r);
            int max = IpPrefix.maxLength(r.prefix().afi());
            int f = r.prefix().afi() == Family.AFI_IPV4 ? 0 : 1;
            if (probe[f] == null) {
                probe[f] = new long[max + 1][(max + 64) / 64];
            }
            int l = r.prefix().length();
            for (int len = Math.max(l, r.ge()); len <= Math.min(r.le(), max); len++) {
                probe[f][len][l >>> 6] |= 1L << l;
            }
        }

        public boolean matches(IpPrefix route) {
            long[][] byLength = probe[route.afi() == Family.AFI_IPV4 ? 0 : 1];
            if (byLength == null || route.length() >= byLength.length) {
                return false;
            }
            long[] lengths = byLength[route.length()];
            for (int w = 0; w < lengths.length; w++) {
                for (long bits = lengths[w]; bits != 0; bits &= bits - 1) {
                    int l = w * 64 + Long.numberOfTrailingZeros(bits);
                    if (table.anyAt(route, l, route.length(), PrefixRule::admits)) {
                        return true;
                    }
                }
            }
            return false;
        }

        public int size() {
            return table.size();
        }
    }
}
