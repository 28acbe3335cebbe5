// Codecs of MP_REACH_NLRI and MP_UNREACH_NLRI (RFC 4760); the NLRI go through NlriBlock and its registry.
package org.bgpekko.wire.attribute;

import org.bgpekko.wire.Bytes;
import org.bgpekko.wire.ErrorAction;
import org.bgpekko.wire.Family;
import org.bgpekko.wire.SessionOptions;
import org.bgpekko.wire.Wire;
import org.bgpekko.wire.WireWriter;
import org.bgpekko.wire.nlri.NlriBlock;

final class MpCodecs {
    private MpCodecs() {}

    /** NLRI left out as malformed (FlowSpec): the UPDATE is treat-as-withdraw (RFC 8955 section 10, RFC 7606). */
    private static void malformedNlri(DecodeContext ctx, String attribute, NlriBlock.Decoding nlri) {
        if (nlri.malformed() != null) {
            ctx.malformed(ErrorAction.TREAT_AS_WITHDRAW, attribute + " malformed NLRI left out: " + nlri.malformed(),
                    null);
        }
    }

    static final class MpReachCodec extends BasicCodecs.Base {
        MpReachCodec() {
            super(PathAttribute.MP_REACH_NLRI, BasicCodecs.OPTIONAL_NON_TRANSITIVE, ErrorAction.SESSION_RESET);
        }

        @Override
        public PathAttribute decode(byte[] b, int off, int len, DecodeContext ctx) {
            if (len < 5) {
                return ctx.malformed("MP_REACH_NLRI length " + len + " is below the minimum of 5");
            }
            Family family = new Family(Wire.u16(b, off), b[off + 2] & 0xFF);
            int nhLen = b[off + 3] & 0xFF;
            int nlriStart = off + 4 + nhLen + 1;
            if (nlriStart > off + len) {
                return ctx.malformed(ErrorAction.AFISAFI_DISABLE,
                        "MP_REACH_NLRI next-hop length " + nhLen + " overruns the attribute", family);
            }
            boolean addPath = ctx.options().addPathReceive(family);
            NlriBlock.Decoding nlri = NlriBlock.decode(family, b, nlriStart, off + len, addPath);
            if (!nlri.ok()) {
                return ctx.malformed(ErrorAction.AFISAFI_DISABLE, "MP_REACH_NLRI " + nlri.error(), family);
            }
            malformedNlri(ctx, "MP_REACH_NLRI", nlri);
            return new MpReachNlri(family, Bytes.of(b, off + 4, nhLen), nlri.block());
        }

        @Override
        public void encodeValue(PathAttribute a, WireWriter out, SessionOptions o) {
            MpReachNlri m = (MpReachNlri) a;
            out.put16(m.family().afi()).put8(m.family().safi()).put8(m.nextHop().length());
            out.putBytes(m.nextHop());
            out.put8(0);
            m.nlri().writeTo(out, o.addPathSend(m.family()));
        }
    }

    static final class MpUnreachCodec extends BasicCodecs.Base {
        MpUnreachCodec() {
            super(PathAttribute.MP_UNREACH_NLRI, BasicCodecs.OPTIONAL_NON_TRANSITIVE, ErrorAction.SESSION_RESET);
        }

        @Override
        public PathAttribute decode(byte[] b, int off, int len, DecodeContext ctx) {
            if (len < 3) {
                return ctx.malformed("MP_UNREACH_NLRI length " + len + " is below the minimum of 3");
            }
            Family family = new Family(Wire.u16(b, off), b[off + 2] & 0xFF);
            boolean addPath = ctx.options().addPathReceive(family);
            NlriBlock.Decoding nlri = NlriBlock.decode(family, b, off + 3, off + len, addPath);
            if (!nlri.ok()) {
                return ctx.malformed(ErrorAction.AFISAFI_DISABLE, "MP_UNREACH_NLRI " + nlri.error(), family);
            }
            malformedNlri(ctx, "MP_UNREACH_NLRI", nlri);
            return new MpUnreachNlri(family, nlri.block());
        }

        @Override
        public void encodeValue(PathAttribute a, WireWriter out, SessionOptions o) {
            MpUnreachNlri m = (MpUnreachNlri) a;
            out.put16(m.family().afi()).put8(m.family().safi());
            m.nlri().writeTo(out, o.addPathSend(m.family()));
        }
    }
}
