// One queued Adj-RIB-Out change: announce or withdraw one NLRI with an attribute set.
package org.bgpekko.rib;

import org.bgpekko.wire.nlri.Nlri;

public record Change(Nlri nlri, OutboundAttributes attributes, boolean announce) {
    public static Change announce(Nlri nlri, OutboundAttributes attributes) {
        return new Change(nlri, attributes, true);
    }

    public static Change withdraw(Nlri nlri, OutboundAttributes attributes) {
        return new Change(nlri, attributes, false);
    }
}
