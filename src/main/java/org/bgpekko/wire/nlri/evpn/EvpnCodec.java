// EVPN NLRI (RFC 7432 section 7): [path id] route-type (1) length (1) value; types 1 to 5 are checked.
package org.bgpekko.wire.nlri.evpn;

import org.bgpekko.wire.Bytes;
import org.bgpekko.wire.nlri.EvpnNlri;
import org.bgpekko.wire.nlri.Nlri;
import org.bgpekko.wire.nlri.TypedNlriCodec;

public final class EvpnCodec extends TypedNlriCodec.OctetHeader {
    public EvpnCodec() {
        super(EvpnNlri.FAMILY);
    }

    @Override
    protected boolean valid(byte[] b, int off, int valueOff, int len) {
        return EvpnRoute.read(b[off] & 0xFF, b, valueOff, len) != null;
    }

    @Override
    protected Nlri build(long pathId, byte[] b, int off, int valueOff, int len) {
        return new EvpnNlri(family(), pathId, b[off] & 0xFF, Bytes.of(b, valueOff, len));
    }

    @Override
    protected int routeType(Nlri nlri) {
        return ((EvpnNlri) nlri).routeType();
    }

    @Override
    protected Bytes value(Nlri nlri) {
        return ((EvpnNlri) nlri).value();
    }
}
