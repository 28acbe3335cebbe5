// MVPN NLRI (RFC 6514 section 4): [path id] route-type (1) length (1) value; types 5, 6 and 7 are checked.
package org.bgpekko.wire.nlri.mvpn;

import org.bgpekko.wire.Bytes;
import org.bgpekko.wire.Family;
import org.bgpekko.wire.WireWriter;
import org.bgpekko.wire.nlri.MvpnNlri;
import org.bgpekko.wire.nlri.Nlri;
import org.bgpekko.wire.nlri.TypedNlriCodec;

public final class MvpnCodec extends TypedNlriCodec {
    public MvpnCodec(Family family) {
        super(family);
    }

    @Override
    protected int headerLength() {
        return 2;
    }

    @Override
    protected int valueLength(byte[] b, int off) {
        return b[off + 1] & 0xFF;
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
    protected void writeBody(Nlri nlri, WireWriter out) {
        MvpnNlri m = (MvpnNlri) nlri;
        out.put8(m.routeType()).put8(m.value().length()).putBytes(m.value());
    }
}
