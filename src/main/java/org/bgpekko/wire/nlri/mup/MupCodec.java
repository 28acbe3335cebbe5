// MUP NLRI (draft-mpmz-bess-mup-safi section 3): [path id] architecture (1) route-type (2) length (1) value.
package org.bgpekko.wire.nlri.mup;

import org.bgpekko.wire.Bytes;
import org.bgpekko.wire.Family;
import org.bgpekko.wire.Wire;
import org.bgpekko.wire.WireWriter;
import org.bgpekko.wire.nlri.MupNlri;
import org.bgpekko.wire.nlri.Nlri;
import org.bgpekko.wire.nlri.TypedNlriCodec;

public final class MupCodec extends TypedNlriCodec {
    public MupCodec(Family family) {
        super(family);
    }

    @Override
    protected int headerLength() {
        return 4;
    }

    @Override
    protected int valueLength(byte[] b, int off) {
        return b[off + 3] & 0xFF;
    }

    @Override
    protected boolean valid(byte[] b, int off, int valueOff, int len) {
        return MupRoute.read(family().afi(), b[off] & 0xFF, Wire.u16(b, off + 1), b, valueOff, len) != null;
    }

    @Override
    protected Nlri build(long pathId, byte[] b, int off, int valueOff, int len) {
        return new MupNlri(family(), pathId, b[off] & 0xFF, Wire.u16(b, off + 1), Bytes.of(b, valueOff, len));
    }

    @Override
    protected void writeBody(Nlri nlri, WireWriter out) {
        MupNlri m = (MupNlri) nlri;
        out.put8(m.archType()).put16(m.routeType()).put8(m.value().length()).putBytes(m.value());
    }
}
