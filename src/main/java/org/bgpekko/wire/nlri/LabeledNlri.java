// A labeled unicast prefix (RFC 8277, ExaBGP's "nlri-mpls").
package org.bgpekko.wire.nlri;

import org.bgpekko.wire.Family;

public record LabeledNlri(Family family, long pathId, Labels labels, IpPrefix prefix) implements Nlri {
    public LabeledNlri {
        Nlri.checkPathId(pathId);
        Nlri.checkAfi(family, prefix);
    }

    @Override
    public boolean hasPrefix() {
        return true;
    }
}
