// Changes taken from an Adj-RIB-Out in one flush, grouped by attribute set in order of first use (ExaBGP's order).
package org.bgpekko.rib;

import java.util.LinkedHashMap;
import java.util.Map;
import org.bgpekko.wire.Family;
import org.bgpekko.wire.nlri.Nlri;

/**
 * @param groups announcements and withdrawals by attribute set in order of first use, then by family in order of
 *     first use, then in the order queued (a change with the same attribute set took its predecessor's place)
 * @param refresh routes re-sent by {@code flush adj-rib out}, after the changes, one UPDATE each
 * @param refreshFamilies families whose refresh is wrapped in BoRR/EoRR (RFC 7313), when configured
 */
public record PendingChanges(LinkedHashMap<OutboundAttributes, LinkedHashMap<Family, LinkedHashMap<Nlri, Change>>> groups,
                             java.util.List<Change> refresh, java.util.Set<Family> refreshFamilies) {

    public static PendingChanges empty() {
        return new PendingChanges(new LinkedHashMap<>(), new java.util.ArrayList<>(),
                new java.util.TreeSet<>());
    }

    public boolean isEmpty() {
        return groups.isEmpty() && refresh.isEmpty() && refreshFamilies.isEmpty();
    }

    public int size() {
        int n = refresh.size();
        for (Map<Family, LinkedHashMap<Nlri, Change>> g : groups.values()) {
            for (Map<Nlri, Change> c : g.values()) {
                n += c.size();
            }
        }
        return n;
    }
}
