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

    /**
     * RFC 4760 section 6 allows routes of a family only once both sides advertised it; neither RFC 4760 nor
     * RFC 7606 names an action for one that was not. The attribute is discarded (its routes neither stored nor
     * withdrawing anything), the rest of the UPDATE is processed, and the session stays up.
     */
    private static PathAttribute notNegotiated(DecodeContext ctx, Family family, String name) {
        return ctx.malformed(ErrorAction.ATTRIBUTE_DISCARD, name + " of " + family + ", a family this session did not "
                + "negotiate", family);
    }

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
            if (!ctx.options().negotiated(family)) {
                return notNegotiated(ctx, family, "MP_REACH_NLRI");
            }
            int nhLen = b[off + 3] & 0xFF;
            int nlriStart = off + 4 + nhLen + 1;
            if (nlriStart > off + len) {
                return ctx.malformed(ErrorAction.AFISAFI_DISABLE,
                        "MP_REACH_NLRI next-hop length " + nhLen + " overruns the attribute", family);
            }
            // RFC 7606 section 7.11: a next-hop length the family does not define hides where the NLRI start
            String badLength = MpNextHop.lengthError(family, nhLen, ctx.options().extendedNextHop().contains(family));
            if (badLength != null) {
                return ctx.malformed(ErrorAction.AFISAFI_DISABLE, badLength, family);
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
            if (len > 3 && !ctx.options().negotiated(family)) {
                return notNegotiated(ctx, family, "MP_UNREACH_NLRI"); // an End-of-RIB (no NLRI) is kept
            }
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
