// One entry of an arouteserver prefix list: a prefix and the range of lengths it admits.
package org.bgpekko.config;

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

    /** A list of rules and its lookup. */
    public static final class List {
        private final PrefixTable<PrefixRule> table = new PrefixTable<>();

        public void add(PrefixRule r) {
            table.add(r.prefix(), r);
        }

        public boolean matches(IpPrefix route) {
            return table.anyCovering(route, r -> r.admits(route.length()));
        }

        public int size() {
            return table.size();
        }
    }
}
