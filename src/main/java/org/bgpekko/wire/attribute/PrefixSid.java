// BGP Prefix-SID (type 40, RFC 8669, RFC 9252): TLVs kept as received; typed readers for the common ones.
package org.bgpekko.wire.attribute;

import java.util.ArrayList;
import java.util.List;
import org.bgpekko.wire.Bytes;

public record PrefixSid(List<Tlv> tlvs) implements PathAttribute {
    public static final int LABEL_INDEX = 1;
    public static final int ORIGINATOR_SRGB = 3;
    public static final int SRV6_L3_SERVICE = 5;
    public static final int SRV6_L2_SERVICE = 6;

    /** One TLV: type and value (the length is the value's). */
    public record Tlv(int type, Bytes value) {
        public Tlv {
            if (type < 0 || type > 255 || value.length() > 0xFFFF) {
                throw new IllegalArgumentException("Prefix-SID TLV out of range");
            }
        }
    }

    /** One SRGB range: base label and size. */
    public record Srgb(int base, int range) {}

    public PrefixSid {
        tlvs = List.copyOf(tlvs);
    }

    /** The label index of the Label-Index TLV, or -1. */
    public long labelIndex() {
        for (Tlv t : tlvs) {
            if (t.type() == LABEL_INDEX && t.value().length() == 7) {
                Bytes v = t.value();
                return (long) v.get(3) << 24 | v.get(4) << 16 | v.get(5) << 8 | v.get(6);
            }
        }
        return -1;
    }

    /** The ranges of the Originator SRGB TLV, empty if none. */
    public List<Srgb> srgbs() {
        List<Srgb> out = new ArrayList<>();
        for (Tlv t : tlvs) {
            if (t.type() == ORIGINATOR_SRGB) {
                Bytes v = t.value();
                for (int p = 2; p + 6 <= v.length(); p += 6) {
                    out.add(new Srgb(v.get(p) << 16 | v.get(p + 1) << 8 | v.get(p + 2),
                            v.get(p + 3) << 16 | v.get(p + 4) << 8 | v.get(p + 5)));
                }
            }
        }
        return out;
    }

    @Override
    public int typeCode() {
        return PREFIX_SID;
    }
}
