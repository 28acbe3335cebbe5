// A simulated member's Adj-RIB-In: the routes it holds from the server, in immutable pages members share.
package org.bgpekko.sim;

import java.util.Arrays;
import java.util.TreeMap;
import org.bgpekko.wire.attribute.PathAttributes;

/**
 * Prefix number ({@link RouteIndex}) {@code p} is slot {@code p & PAGE_MASK} of page {@code p >>> PAGE_BITS}; a slot
 * holds the number of the attribute set held + 1, or 0. Pages are never changed: an UPDATE replaces the pages it
 * touches ({@link ReceivedUpdate#applyTo}), so members that received the same UPDATEs hold the same page objects,
 * and a thousand members relayed a million routes each hold references, not a billion entries.
 */
final class HeldRoutes {
    static final int PAGE_BITS = 6;
    static final int PAGE_MASK = (1 << PAGE_BITS) - 1;

    /** Immutable once made: {@code slots} is never written after construction. */
    record Page(int[] slots, int count) {}

    /** The page of a table that holds nothing there (one for all). */
    static final Page EMPTY = new Page(new int[1 << PAGE_BITS], 0);

    private final RouteIndex index;
    private Page[] pages = new Page[0];
    private int size;

    HeldRoutes(RouteIndex index) {
        this.index = index;
    }

    /** Routes held. */
    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** The attributes held for {@code key} ({@link Prefixes}), or null. */
    PathAttributes get(long key) {
        int p = index.find(key);
        if (p < 0) {
            return null;
        }
        int held = page(p >>> PAGE_BITS).slots()[p & PAGE_MASK];
        return held == 0 ? null : index.attributes(held - 1);
    }

    /** Everything held, by prefix key, sorted. */
    TreeMap<Long, PathAttributes> sorted() {
        TreeMap<Long, PathAttributes> out = new TreeMap<>();
        for (int n = 0; n < pages.length; n++) {
            Page page = page(n);
            if (page.count() == 0) {
                continue;
            }
            int[] slots = page.slots();
            for (int s = 0; s < slots.length; s++) {
                if (slots[s] != 0) {
                    out.put(index.key(n << PAGE_BITS | s), index.attributes(slots[s] - 1));
                }
            }
        }
        return out;
    }

    void clear() {
        Arrays.fill(pages, null);
        size = 0;
    }

    Page page(int n) {
        Page p = n < pages.length ? pages[n] : null;
        return p == null ? EMPTY : p;
    }

    /** Page {@code n}, which was {@code from}, is now {@code to}. */
    void replace(int n, Page from, Page to) {
        if (n >= pages.length) { // as many pages as the prefixes numbered so far need, at least
            pages = Arrays.copyOf(pages, Math.max(Math.max(n + 1, pages.length * 2),
                    (index.prefixes() >>> PAGE_BITS) + 1));
        }
        pages[n] = to;
        size += to.count() - from.count();
    }
}
