// MVPN NLRI (RFC 6514 section 4): [path id] route-type (1) length (1) value; types 5, 6 and 7 are checked.
package org.bgpekko.wire.nlri.mvpn;

import org.bgpekko.wire.Bytes;
import org.bgpekko.wire.Family;
import org.bgpekko.wire.nlri.MvpnNlri;
import org.bgpekko.wire.nlri.Nlri;
import org.bgpekko.wire.nlri.TypedNlriCodec;

public final class MvpnCodec extends TypedNlriCodec.OctetHeader {
    public MvpnCodec(Family family) {
        super(family);
    }

    @Override
    protected boolean valid(byte[] b, int off, int valueOff, int len) {
        return MvpnRoute.read(b[off] & 0xFF, b, valueOff, len) != null;
    }

    @Override
    protected Nlri build(long pathId, byte[] b, int off, int valueOff, int len) {
        return new MvpnNlri(family(), pathId, b[off] & 0xFF, Bytes.of(b, valueOff, len));
    }

    @Override
    protected int routeType(Nlri nlri) {
        return ((MvpnNlri) nlri).routeType();
    }

    @Override
    protected Bytes value(Nlri nlri) {
        return ((MvpnNlri) nlri).value();
    }
}
