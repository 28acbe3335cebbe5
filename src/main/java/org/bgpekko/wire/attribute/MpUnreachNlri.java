// MP_UNREACH_NLRI (type 15, RFC 4760): withdrawn NLRI of a family; empty, it is an End-of-RIB (RFC 4724).
package org.bgpekko.wire.attribute;

import org.bgpekko.wire.Family;
import org.bgpekko.wire.nlri.NlriBlock;

public record MpUnreachNlri(Family family, NlriBlock nlri) implements PathAttribute {
    public MpUnreachNlri {
        if (!nlri.family().equals(family)) {
            throw new IllegalArgumentException("NLRI of " + nlri.family() + " in MP_UNREACH_NLRI of " + family);
        }
    }

    public static MpUnreachNlri endOfRib(Family family) {
        return new MpUnreachNlri(family, NlriBlock.empty(family));
    }

    @Override
    public int typeCode() {
        return MP_UNREACH_NLRI;
    }
}
