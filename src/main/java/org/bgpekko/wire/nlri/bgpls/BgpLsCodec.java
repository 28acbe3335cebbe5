// BGP-LS NLRI (RFC 9552 section 5.2): [path id] NLRI-type (2) length (2) value; known types checked as ExaBGP does.
package org.bgpekko.wire.nlri.bgpls;

import org.bgpekko.wire.Bytes;
import org.bgpekko.wire.Family;
import org.bgpekko.wire.Wire;
import org.bgpekko.wire.WireWriter;
import org.bgpekko.wire.nlri.BgpLsNlri;
import org.bgpekko.wire.nlri.Nlri;
import org.bgpekko.wire.nlri.TypedNlriCodec;

public final class BgpLsCodec extends TypedNlriCodec {
    public BgpLsCodec(Family family) {
        super(family);
    }

    @Override
    protected int headerLength() {
        return 4;
    }

    @Override
    protected int valueLength(byte[] b, int off) {
        return Wire.u16(b, off + 2);
    }

    @Override
    protected boolean valid(byte[] b, int off, int valueOff, int len) {
        return LinkStateNlri.read(family(), Wire.u16(b, off), b, valueOff, len) != null;
    }

    @Override
    protected Nlri build(long pathId, byte[] b, int off, int valueOff, int len) {
        return new BgpLsNlri(family(), pathId, Wire.u16(b, off), Bytes.of(b, valueOff, len));
    }

    @Override
    protected void writeBody(Nlri nlri, WireWriter out) {
        BgpLsNlri n = (BgpLsNlri) nlri;
        out.put16(n.nlriType()).put16(n.value().length()).putBytes(n.value());
    }
}
