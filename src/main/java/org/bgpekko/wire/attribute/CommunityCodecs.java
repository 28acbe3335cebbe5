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

    /** Reads one entry of a fixed-size list attribute at an offset. */
    @FunctionalInterface
    interface EntryReader<T> {
        T read(byte[] b, int p);
    }

    /** The entries of a list attribute of {@code unit}-byte entries, or null (malformed) if the length is off. */
    static <T> List<T> entries(byte[] b, int off, int len, int unit, String name, DecodeContext ctx,
                               EntryReader<T> reader) {
        if (len == 0 || len % unit != 0) {
            ctx.malformed(name + " length " + len + " is not a non-zero multiple of " + unit);
            return null;
        }
        List<T> out = new ArrayList<>(len / unit);
        for (int p = off; p < off + len; p += unit) {
            out.add(reader.read(b, p));
        }
        return out;
    }

    static final class CommunitiesCodec extends BasicCodecs.Base {
        CommunitiesCodec() {
            super(PathAttribute.COMMUNITIES, BasicCodecs.OPTIONAL_TRANSITIVE, ErrorAction.TREAT_AS_WITHDRAW);
        }

        @Override
        public PathAttribute decode(byte[] b, int off, int len, DecodeContext ctx) {
            List<Long> values = entries(b, off, len, 4, "COMMUNITIES", ctx, Wire::u32);
            return values == null ? null : new Communities(values);
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
            List<ExtendedCommunity> values = entries(b, off, len, 8, "EXTENDED_COMMUNITIES", ctx,
                    (x, p) -> new ExtendedCommunity(Wire.u64(x, p)));
            return values == null ? null : new ExtendedCommunities(values);
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
            List<Ipv6ExtendedCommunity> values = entries(b, off, len, 20, "IPv6 EXTENDED_COMMUNITIES", ctx,
                    (x, p) -> new Ipv6ExtendedCommunity(x[p] & 0xFF, x[p + 1] & 0xFF, IpAddress.read(x, p + 2, 16),
                            Wire.u16(x, p + 18)));
            return values == null ? null : new Ipv6ExtendedCommunities(values);
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
            List<LargeCommunity> values = entries(b, off, len, 12, "LARGE_COMMUNITY", ctx,
                    (x, p) -> new LargeCommunity(Wire.u32(x, p), Wire.u32(x, p + 4), Wire.u32(x, p + 8)));
            return values == null ? null : new LargeCommunities(values);
        }

        @Override
        public void encodeValue(PathAttribute a, WireWriter out, SessionOptions o) {
            for (LargeCommunity c : ((LargeCommunities) a).values()) {
                out.put32(c.global()).put32(c.local1()).put32(c.local2());
            }
        }
    }
}
