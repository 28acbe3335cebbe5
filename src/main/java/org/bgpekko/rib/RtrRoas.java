// The ROAs learnt over RTR, held by the Rib, and which prefixes a change of them concerns.
package org.bgpekko.rib;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bgpekko.config.PrefixTable;
import org.bgpekko.config.RsPolicy;
import org.bgpekko.rtr.RtrPdu;
import org.bgpekko.rtr.RtrSession;

/**
 * Owned by the Rib actor. The table the route server's origin validation reads ({@link #table}) changes only here, one
 * RTR delivery at a time; each change returns the prefixes of the VRPs that came or went, as a table whose covering
 * lookup tells whether a route's RFC 6811 state may have changed (a VRP concerns the routes its prefix covers).
 */
final class RtrRoas {
    private final PrefixTable<RsPolicy.Roa> table = new PrefixTable<>();
    private final Set<RtrPdu.Vrp> held = new HashSet<>();

    PrefixTable<RsPolicy.Roa> table() {
        return table;
    }

    int size() {
        return held.size();
    }

    /** Applies a delivery; the prefixes of the VRPs that changed (empty when none did). */
    PrefixTable<Boolean> apply(RtrSession.Delivery d) {
        List<RtrPdu.Vrp> withdrawn = new ArrayList<>(d.withdrawn());
        List<RtrPdu.Vrp> announced = d.announced();
        if (d.replace()) { // the whole set: what is held and not in it goes
            Set<RtrPdu.Vrp> next = new HashSet<>(announced);
            for (RtrPdu.Vrp v : held) {
                if (!next.contains(v)) {
                    withdrawn.add(v);
                }
            }
        }
        PrefixTable<Boolean> changed = new PrefixTable<>();
        for (RtrPdu.Vrp v : withdrawn) {
            if (held.remove(v)) {
                table.remove(v.prefix(), new RsPolicy.Roa(v.asn(), v.maxLength()));
                changed.add(v.prefix(), Boolean.TRUE);
            }
        }
        for (RtrPdu.Vrp v : announced) {
            if (held.add(v)) {
                table.add(v.prefix(), new RsPolicy.Roa(v.asn(), v.maxLength()));
                changed.add(v.prefix(), Boolean.TRUE);
            }
        }
        return changed;
    }
}
