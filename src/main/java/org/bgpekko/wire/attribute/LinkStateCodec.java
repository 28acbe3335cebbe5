// Codec of the BGP-LS Attribute (type 29, RFC 9552 section 5.3); a malformed one is discarded (section 8.2.2).
package org.bgpekko.wire.attribute;

import java.util.Arrays;
import org.bgpekko.wire.Bytes;
import org.bgpekko.wire.ErrorAction;
import org.bgpekko.wire.SessionOptions;
import org.bgpekko.wire.Wire;
import org.bgpekko.wire.WireWriter;

final class LinkStateCodec extends BasicCodecs.Base {
    LinkStateCodec() {
        super(PathAttribute.BGP_LS, BasicCodecs.OPTIONAL_NON_TRANSITIVE, ErrorAction.ATTRIBUTE_DISCARD);
    }

    @Override
    public PathAttribute decode(byte[] b, int off, int len, DecodeContext ctx) {
        int end = off + len;
        for (int p = off; p < end; ) {
            if (p + 4 > end) {
                return ctx.malformed("BGP-LS attribute TLV header truncated");
            }
            int type = Wire.u16(b, p);
            int n = Wire.u16(b, p + 2);
            if (p + 4 + n > end) {
                return ctx.malformed("BGP-LS attribute TLV " + type + " overruns the attribute");
            }
            if (!LinkStateTlvs.valid(type, Arrays.copyOfRange(b, p + 4, p + 4 + n))) {
                return ctx.malformed("BGP-LS attribute TLV " + type + " of " + n + " bytes is malformed");
            }
            p += 4 + n;
        }
        return new LinkState(Bytes.of(b, off, len));
    }

    @Override
    public void encodeValue(PathAttribute a, WireWriter out, SessionOptions o) {
        out.putBytes(((LinkState) a).tlvs());
    }
}
