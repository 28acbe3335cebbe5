// Changes taken from an Adj-RIB-Out in one flush, grouped by attribute set in order of first use (ExaBGP's order).
package org.bgpekko.rib;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.bgpekko.wire.Family;
import org.bgpekko.wire.nlri.Nlri;

/**
 * @param groups announcements and withdrawals by attribute set in order of first use, then by family in order of
 *     first use, then in the order queued (a change with the same attribute set took its predecessor's place)
 * @param refresh routes re-sent by {@code flush adj-rib out}, after the changes, one UPDATE each
 * @param refreshFamilies families whose refresh is wrapped in BoRR/EoRR (RFC 7313), when configured
 */
public record PendingChanges(
        LinkedHashMap<OutboundAttributes, LinkedHashMap<Family, LinkedHashMap<Nlri, Change>>> groups,
        List<Change> refresh, Set<Family> refreshFamilies) {

    public static PendingChanges empty() {
        return new PendingChanges(new LinkedHashMap<>(), new ArrayList<>(), new TreeSet<>());
    }

    public boolean isEmpty() {
        return groups.isEmpty() && refresh.isEmpty() && refreshFamilies.isEmpty();
    }
}
