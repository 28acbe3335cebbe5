// Codecs of COMMUNITIES (RFC 1997), EXTENDED_COMMUNITIES (RFC 4360), IPv6 extended (RFC 5701), LARGE (RFC 8092).
package org.bgpekko.wire.attribute;

import java.util.ArrayList;
import java.util.List;
import org.bgpekko.wire.ErrorAction;
import org.bgpekko.wire.SessionOptions;
import org.bgpekko.wire.Wire;
import org.bgpekko.wire.WireWriter;
import org.bgpekko.wire.nlri.IpAddress;

final class CommunityCodecs {
    private CommunityCodecs() {}

    static PathAttribute checkLength(int len, int unit, String name, DecodeContext ctx) {
        if (len == 0 || len % unit != 0) {
            return ctx.malformed(name + " length " + len + " is not a non-zero multiple of " + unit);
        }
        return null;
    }

    static final class CommunitiesCodec extends BasicCodecs.Base {
        CommunitiesCodec() {
            super(PathAttribute.COMMUNITIES, BasicCodecs.OPTIONAL_TRANSITIVE, ErrorAction.TREAT_AS_WITHDRAW);
        }

        @Override
        public PathAttribute decode(byte[] b, int off, int len, DecodeContext ctx) {
            if (len == 0 || len % 4 != 0) {
                return checkLength(len, 4, "COMMUNITIES", ctx);
            }
            List<Long> values = new ArrayList<>(len / 4);
            for (int p = off; p < off + len; p += 4) {
                values.add(Wire.u32(b, p));
            }
            return new Communities(values);
        }

        @Override
        public void encodeValue(PathAttribute a, WireWriter out, SessionOptions o) {
            for (long v : ((Communities) a).values()) {
                out.put32(v);
            }
        }
    }

    static final class ExtendedCommunitiesCodec extends BasicCodecs.Base {
        ExtendedCommunitiesCodec() {
            super(PathAttribute.EXTENDED_COMMUNITIES, BasicCodecs.OPTIONAL_TRANSITIVE, ErrorAction.TREAT_AS_WITHDRAW);
        }

        @Override
        public PathAttribute decode(byte[] b, int off, int len, DecodeContext ctx) {
            if (len == 0 || len % 8 != 0) {
                return checkLength(len, 8, "EXTENDED_COMMUNITIES", ctx);
            }
            List<ExtendedCommunity> values = new ArrayList<>(len / 8);
            for (int p = off; p < off + len; p += 8) {
                values.add(new ExtendedCommunity(Wire.u64(b, p)));
            }
            return new ExtendedCommunities(values);
        }

        @Override
        public void encodeValue(PathAttribute a, WireWriter out, SessionOptions o) {
            for (ExtendedCommunity c : ((ExtendedCommunities) a).values()) {
                out.put64(c.value());
            }
        }
    }

    static final class Ipv6ExtendedCommunitiesCodec extends BasicCodecs.Base {
        Ipv6ExtendedCommunitiesCodec() {
            super(PathAttribute.IPV6_EXTENDED_COMMUNITIES, BasicCodecs.OPTIONAL_TRANSITIVE, ErrorAction.TREAT_AS_WITHDRAW);
        }

        @Override
        public PathAttribute decode(byte[] b, int off, int len, DecodeContext ctx) {
            if (len == 0 || len % 20 != 0) {
                return checkLength(len, 20, "IPv6 EXTENDED_COMMUNITIES", ctx);
            }
            List<Ipv6ExtendedCommunity> values = new ArrayList<>(len / 20);
            for (int p = off; p < off + len; p += 20) {
                values.add(new Ipv6ExtendedCommunity(b[p] & 0xFF, b[p + 1] & 0xFF,
                        IpAddress.read(b, p + 2, 16), Wire.u16(b, p + 18)));
            }
            return new Ipv6ExtendedCommunities(values);
        }

        @Override
        public void encodeValue(PathAttribute a, WireWriter out, SessionOptions o) {
            for (Ipv6ExtendedCommunity c : ((Ipv6ExtendedCommunities) a).values()) {
                out.put8(c.type()).put8(c.subtype());
                c.address().write(out);
                out.put16(c.local());
            }
        }
    }

    static final class LargeCommunitiesCodec extends BasicCodecs.Base {
        LargeCommunitiesCodec() {
            super(PathAttribute.LARGE_COMMUNITY, BasicCodecs.OPTIONAL_TRANSITIVE, ErrorAction.TREAT_AS_WITHDRAW);
        }

        @Override
        public PathAttribute decode(byte[] b, int off, int len, DecodeContext ctx) {
            if (len == 0 || len % 12 != 0) {
                return checkLength(len, 12, "LARGE_COMMUNITY", ctx);
            }
            List<LargeCommunity> values = new ArrayList<>(len / 12);
            for (int p = off; p < off + len; p += 12) {
                values.add(new LargeCommunity(Wire.u32(b, p), Wire.u32(b, p + 4), Wire.u32(b, p + 8)));
            }
            return new LargeCommunities(values);
        }

        @Override
        public void encodeValue(PathAttribute a, WireWriter out, SessionOptions o) {
            for (LargeCommunity c : ((LargeCommunities) a).values()) {
                out.put32(c.global()).put32(c.local1()).put32(c.local2());
            }
        }
    }
}
