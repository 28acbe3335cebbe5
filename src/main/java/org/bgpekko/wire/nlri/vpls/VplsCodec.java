// VPLS NLRI (RFC 4761 section 3.2.2): [path id] length (2, always 17) RD VE-ID offset size label-base (3).
package org.bgpekko.wire.nlri.vpls;

import org.bgpekko.wire.Wire;
import org.bgpekko.wire.WireWriter;
import org.bgpekko.wire.nlri.Nlri;
import org.bgpekko.wire.nlri.NlriCodec;
import org.bgpekko.wire.nlri.RouteDistinguisher;
import org.bgpekko.wire.nlri.VplsNlri;

public final class VplsCodec implements NlriCodec {
    /** The value of the length field: RD (8), VE ID, offset, size (2 each), label base (3). */
    public static final int LENGTH = 17;

    @Override
    public org.bgpekko.wire.Family family() {
        return VplsNlri.FAMILY;
    }

    @Override
    public int scan(byte[] b, int off, int end, boolean addPath) {
        int p = addPath ? off + 4 : off;
        if (p + 2 > end) {
            return TRUNCATED;
        }
        if (Wire.u16(b, p) != LENGTH) {
            return MALFORMED;
        }
        return p + 2 + LENGTH <= end ? p + 2 + LENGTH : TRUNCATED;
    }

    @Override
    public Nlri decode(byte[] b, int off, boolean addPath) {
        long pathId = addPath ? Wire.u32(b, off) : Nlri.NO_PATH_ID;
        int p = (addPath ? off + 4 : off) + 2;
        return new VplsNlri(VplsNlri.FAMILY, pathId, RouteDistinguisher.read(b, p), Wire.u16(b, p + 8),
                Wire.u16(b, p + 10), Wire.u16(b, p + 12), Wire.u24(b, p + 14) >>> 4);
    }

    @Override
    public void encode(Nlri nlri, boolean addPath, WireWriter out) {
        if (!(nlri instanceof VplsNlri v)) {
            throw new IllegalArgumentException(nlri + " is not a VPLS route");
        }
        NlriCodec.writePathId(v.pathId(), addPath, out);
        out.put16(LENGTH);
        v.rd().write(out);
        out.put16(v.endpoint()).put16(v.offset()).put16(v.size()).put24(v.base() << 4 | 1);
    }
}
