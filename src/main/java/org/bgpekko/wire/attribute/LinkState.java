// BGP-LS Attribute (type 29, RFC 9552 section 5.3): node, link and prefix attribute TLVs, kept as received.
package org.bgpekko.wire.attribute;

import java.util.ArrayList;
import java.util.List;
import org.bgpekko.wire.Bytes;
import org.bgpekko.wire.Wire;

/** @param tlvs the attribute's value: TLVs (type 2, length 2), each checked by {@link LinkStateTlvs#valid}. */
public record LinkState(Bytes tlvs) implements PathAttribute {
    /** One TLV: type and value. */
    public record Tlv(int type, Bytes value) {}

    /** The TLVs in their order. */
    public List<Tlv> list() {
        byte[] b = tlvs.toArray();
        List<Tlv> out = new ArrayList<>();
        for (int p = 0; p + 4 <= b.length; p += 4 + Wire.u16(b, p + 2)) {
            out.add(new Tlv(Wire.u16(b, p), Bytes.of(b, p + 4, Wire.u16(b, p + 2))));
        }
        return out;
    }

    @Override
    public int typeCode() {
        return BGP_LS;
    }
}
