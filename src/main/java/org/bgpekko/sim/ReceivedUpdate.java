// An UPDATE as the simulated members apply it: its IPv4 unicast prefixes by number, grouped by page of the table.
package org.bgpekko.sim;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.bgpekko.sim.HeldRoutes.Page;
import org.bgpekko.wire.Family;
import org.bgpekko.wire.SessionOptions;
import org.bgpekko.wire.Update;

/**
 * Decoded once for every member that receives the same bytes ({@link RouteIndex#decoded}). Applying it to a member's
 * table ({@link HeldRoutes}) replaces each page it touches by the page it makes of it, withdrawals first, then
 * announcements, as the member would prefix by prefix. That new page depends only on the old one, so it is made
 * once per old page and kept here: the members of an update group, which hold the same pages and get the same
 * UPDATEs in the same order, go on sharing their pages, and each member's work per UPDATE is a look-up per page
 * it touches, not a write per prefix. A member whose page differs (it does not get its own routes, it left the
 * group, it lost its session) gets its own.
 */
final class ReceivedUpdate {
    /** What a page becomes, and how many routes of it the UPDATE withdrew. */
    record Transition(Page from, Page to, int withdrawn) {}

    private final SessionOptions options;
    private final boolean eor;
    private final long first;
    private final int announced;
    private final int attributes;
    /** The pages touched, ascending; for each, the offsets withdrawn and announced (wire order). */
    private final int[] pages;
    private final int[][] withdrawOffsets;
    private final int[][] announceOffsets;
    /** Per page touched: the first transition made, and any others by the page they start from. */
    private final Transition[] firstMade;
    private Map<Page, Transition>[] more;

    private ReceivedUpdate(SessionOptions options, boolean eor, long first, int announced, int attributes,
                           TreeMap<Integer, IntArrayList[]> byPage) {
        this.options = options;
        this.eor = eor;
        this.first = first;
        this.announced = announced;
        this.attributes = attributes;
        int n = byPage.size();
        this.pages = new int[n];
        this.withdrawOffsets = new int[n][];
        this.announceOffsets = new int[n][];
        this.firstMade = new Transition[n];
        int i = 0;
        for (var e : byPage.entrySet()) {
            pages[i] = e.getKey();
            withdrawOffsets[i] = e.getValue()[0].toIntArray();
            announceOffsets[i] = e.getValue()[1].toIntArray();
            i++;
        }
    }

    static ReceivedUpdate of(RouteIndex index, SessionOptions options, Update u) {
        TreeMap<Integer, IntArrayList[]> byPage = new TreeMap<>();
        long[] first = {-1};
        if (u.withdrawn().family().equals(Family.IPV4_UNICAST)) {
            u.withdrawn().forEachPrefix((pathId, hi, lo, length) -> {
                long k = Prefixes.key(lo, length);
                first[0] = first[0] < 0 ? k : first[0];
                add(byPage, index.prefix(k), 0);
            });
        }
        int[] announced = {0};
        int attributes = -1;
        if (u.nlri().family().equals(Family.IPV4_UNICAST) && u.nlri().size() > 0) {
            attributes = index.attributes(u.attributes());
            u.nlri().forEachPrefix((pathId, hi, lo, length) -> {
                long k = Prefixes.key(lo, length);
                first[0] = first[0] < 0 ? k : first[0];
                add(byPage, index.prefix(k), 1);
                announced[0]++;
            });
        }
        boolean eor = u.withdrawn().size() == 0 && u.nlri().size() == 0;
        return new ReceivedUpdate(options, eor, first[0], announced[0], attributes, byPage);
    }

    private static void add(TreeMap<Integer, IntArrayList[]> byPage, int prefix, int kind) {
        byPage.computeIfAbsent(prefix >>> HeldRoutes.PAGE_BITS, p -> new IntArrayList[]{new IntArrayList(),
                new IntArrayList()})[kind].add(prefix & HeldRoutes.PAGE_MASK);
    }

    SessionOptions options() {
        return options;
    }

    /** An End-of-RIB (no withdrawn route, no NLRI). */
    boolean eor() {
        return eor;
    }

    /** The first prefix it carries (withdrawn, else announced), or -1. */
    long first() {
        return first;
    }

    /** IPv4 unicast prefixes announced (each occurrence). */
    int announced() {
        return announced;
    }

    /** Applies it to {@code table}; answers how many of the routes it withdrew the table held. */
    int applyTo(HeldRoutes table) {
        int withdrawn = 0;
        for (int i = 0; i < pages.length; i++) {
            Page from = table.page(pages[i]);
            Transition t = transition(i, from);
            table.replace(pages[i], from, t.to());
            withdrawn += t.withdrawn();
        }
        return withdrawn;
    }

    @SuppressWarnings("unchecked")
    private Transition transition(int i, Page from) {
        Transition t = firstMade[i];
        if (t != null && t.from() == from) {
            return t;
        }
        if (t != null && more != null && more[i] != null) {
            Transition m = more[i].get(from);
            if (m != null) {
                return m;
            }
        }
        Transition made = make(i, from);
        if (t == null) {
            firstMade[i] = made;
        } else {
            if (more == null) {
                more = new Map[pages.length];
            }
            if (more[i] == null) {
                more[i] = new IdentityHashMap<>();
            }
            more[i].put(from, made);
        }
        return made;
    }

    private Transition make(int i, Page from) {
        int[] slots = from.slots().clone();
        int count = from.count();
        int withdrawn = 0;
        for (int off : withdrawOffsets[i]) {
            if (slots[off] != 0) {
                slots[off] = 0;
                count--;
                withdrawn++;
            }
        }
        int held = attributes + 1;
        for (int off : announceOffsets[i]) {
            if (slots[off] == 0) {
                count++;
            }
            slots[off] = held;
        }
        Page to = java.util.Arrays.equals(slots, from.slots()) ? from : new Page(slots, count);
        return new Transition(from, to, withdrawn);
    }
}
