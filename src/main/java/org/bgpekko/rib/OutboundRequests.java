// What travels with Adj-RIB-Out changes: families to send again, End-of-RIB and ROUTE-REFRESH messages to send.
package org.bgpekko.rib;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.TreeMap;
import org.bgpekko.wire.Family;

/** Coalesced: a family asked for twice before it is written is written once. */
final class OutboundRequests {
    /** Families re-sent ({@code flush adj-rib out}, ROUTE-REFRESH), true when wrapped in BoRR/EoRR. */
    final TreeMap<Family, Boolean> resend = new TreeMap<>();
    final LinkedHashSet<Family> endOfRib = new LinkedHashSet<>();
    final LinkedHashSet<Family> refreshRequests = new LinkedHashSet<>();

    void resend(Collection<Family> families, boolean enhanced) {
        for (Family f : families) {
            resend.merge(f, enhanced, Boolean::logicalOr);
        }
    }

    boolean isEmpty() {
        return resend.isEmpty() && endOfRib.isEmpty() && refreshRequests.isEmpty();
    }

    void clear() {
        resend.clear();
        endOfRib.clear();
        refreshRequests.clear();
    }

    /** Asks them of {@code out}, in this order: re-sends, End-of-RIB, ROUTE-REFRESH. */
    void applyTo(ChangeSink out) {
        resend.forEach((family, enhanced) -> out.resend(List.of(family), enhanced));
        endOfRib.forEach(out::endOfRib);
        refreshRequests.forEach(out::refreshRequest);
    }
}
