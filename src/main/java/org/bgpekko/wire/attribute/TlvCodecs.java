// Codecs of the TLV-structured attributes: AIGP (RFC 7311) and BGP Prefix-SID (RFC 8669, RFC 9252).
package org.bgpekko.wire.attribute;

import java.util.ArrayList;
import java.util.List;
import org.bgpekko.wire.Bytes;
import org.bgpekko.wire.ErrorAction;
import org.bgpekko.wire.SessionOptions;
import org.bgpekko.wire.Wire;
import org.bgpekko.wire.WireWriter;

final class TlvCodecs {
    private TlvCodecs() {}

    static final class AigpCodec extends BasicCodecs.Base {
        AigpCodec() {
            super(PathAttribute.AIGP, BasicCodecs.OPTIONAL_NON_TRANSITIVE, ErrorAction.ATTRIBUTE_DISCARD);
        }

        @Override
        public PathAttribute decode(byte[] b, int off, int len, DecodeContext ctx) {
            int p = off;
            int end = off + len;
            while (p < end) {
                if (p + 3 > end) {
                    return ctx.malformed("AIGP TLV header truncated");
                }
                int type = b[p] & 0xFF;
                int tlvLen = Wire.u16(b, p + 1);
                if (tlvLen < 3 || p + tlvLen > end) {
                    return ctx.malformed("AIGP TLV length " + tlvLen + " invalid");
                }
                if (type == Aigp.TLV_AIGP && tlvLen != 11) {
                    return ctx.malformed("AIGP TLV of type 1 must be 11 bytes long, not " + tlvLen);
                }
                p += tlvLen;
            }
            return new Aigp(Bytes.of(b, off, len));
        }

        @Override
        public void encodeValue(PathAttribute a, WireWriter out, SessionOptions o) {
            out.putBytes(((Aigp) a).tlvs());
        }
    }

    static final class PrefixSidCodec extends BasicCodecs.Base {
        PrefixSidCodec() {
            // RFC 8669 section 6: a malformed Prefix-SID is ignored and not passed on, "equivalent to the
            // 'Attribute discard' action" of RFC 7606
            super(PathAttribute.PREFIX_SID, BasicCodecs.OPTIONAL_TRANSITIVE, ErrorAction.ATTRIBUTE_DISCARD);
        }

        @Override
        public PathAttribute decode(byte[] b, int off, int len, DecodeContext ctx) {
            List<PrefixSid.Tlv> tlvs = new ArrayList<>(2);
            int p = off;
            int end = off + len;
            while (p < end) {
                if (p + 3 > end) {
                    return ctx.malformed("Prefix-SID TLV header truncated");
                }
                int type = b[p] & 0xFF;
                int tlvLen = Wire.u16(b, p + 1);
                if (p + 3 + tlvLen > end) {
                    return ctx.malformed("Prefix-SID TLV " + type + " overruns the attribute");
                }
                if (type == PrefixSid.LABEL_INDEX && tlvLen != 7) {
                    return ctx.malformed("Label-Index TLV length " + tlvLen + ", expected 7");
                }
                if (type == PrefixSid.ORIGINATOR_SRGB && (tlvLen < 2 || (tlvLen - 2) % 6 != 0)) {
                    return ctx.malformed("Originator SRGB TLV length " + tlvLen + " is not 2 + 6n");
                }
                PrefixSid.Tlv tlv = new PrefixSid.Tlv(type, Bytes.of(b, p + 3, tlvLen));
                boolean srv6 = type == PrefixSid.SRV6_L3_SERVICE || type == PrefixSid.SRV6_L2_SERVICE;
                if (srv6 && !Srv6Service.valid(tlv)) {
                    return ctx.malformed("SRv6 service TLV " + type + " has malformed sub-TLVs");
                }
                tlvs.add(tlv);
                p += 3 + tlvLen;
            }
            return new PrefixSid(tlvs);
        }

        @Override
        public void encodeValue(PathAttribute a, WireWriter out, SessionOptions o) {
            for (PrefixSid.Tlv t : ((PrefixSid) a).tlvs()) {
                out.put8(t.type()).put16(t.value().length()).putBytes(t.value());
            }
        }
    }
}
