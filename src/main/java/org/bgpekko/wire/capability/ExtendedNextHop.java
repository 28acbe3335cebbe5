// Extended next hop encoding capability (code 5, RFC 8950): NLRI families that accept another AFI's next hop.
package org.bgpekko.wire.capability;

import java.util.List;
import org.bgpekko.wire.Family;

public record ExtendedNextHop(List<Entry> entries) implements Capability {
    /** NLRI of {@code family} may carry a next hop of {@code nextHopAfi}. */
    public record Entry(Family family, int nextHopAfi) {
        public Entry {
            if (nextHopAfi < 0 || nextHopAfi > 0xFFFF) {
                throw new IllegalArgumentException("next-hop AFI out of range: " + nextHopAfi);
            }
        }
    }

    public ExtendedNextHop {
        entries = List.copyOf(entries);
    }

    @Override
    public int code() {
        return EXTENDED_NEXT_HOP;
    }
}
