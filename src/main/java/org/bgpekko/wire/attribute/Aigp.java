// AIGP (type 26, RFC 7311): TLVs; type 1 carries the accumulated IGP metric.
package org.bgpekko.wire.attribute;

import org.bgpekko.wire.Bytes;
import org.bgpekko.wire.WireWriter;

/** @param tlvs the validated TLV bytes as received */
public record Aigp(Bytes tlvs) implements PathAttribute {
    public static final int TLV_AIGP = 1;

    public static Aigp ofMetric(long metric) {
        WireWriter w = new WireWriter(11);
        w.put8(TLV_AIGP).put16(11).put64(metric);
        return new Aigp(w.toBytes(0, w.position()));
    }

    /** The metric of the first AIGP TLV, or -1 (unsigned values above 2^63 read negative). */
    public long metric() {
        int p = 0;
        while (p + 3 <= tlvs.length()) {
            int type = tlvs.get(p);
            int len = tlvs.get(p + 1) << 8 | tlvs.get(p + 2);
            if (type == TLV_AIGP && len == 11) {
                long v = 0;
                for (int i = 0; i < 8; i++) {
                    v = v << 8 | tlvs.get(p + 3 + i);
                }
                return v;
            }
            p += len;
        }
        return -1;
    }

    @Override
    public int typeCode() {
        return AIGP;
    }
}
