// The registry of path attribute codecs by type code, and the attribute header (flags, type, length) rules.
package org.bgpekko.wire.attribute;

import java.util.ArrayList;
import java.util.List;
import org.bgpekko.wire.Bytes;
import org.bgpekko.wire.SessionOptions;
import org.bgpekko.wire.Wire;
import org.bgpekko.wire.WireWriter;

public final class AttributeCodecs {
    private static final AttributeCodec[] BY_TYPE = new AttributeCodec[256];

    static {
        register(new BasicCodecs.OriginCodec());
        register(new AsPathCodecs.AsPathCodec());
        register(new BasicCodecs.NextHopCodec());
        register(new BasicCodecs.U32Codec(PathAttribute.MULTI_EXIT_DISC, BasicCodecs.OPTIONAL_NON_TRANSITIVE));
        register(new BasicCodecs.U32Codec(PathAttribute.LOCAL_PREF, BasicCodecs.WELL_KNOWN));
        register(new BasicCodecs.AtomicAggregateCodec());
        register(new AsPathCodecs.AggregatorCodec());
        register(new CommunityCodecs.CommunitiesCodec());
        register(new BasicCodecs.U32Codec(PathAttribute.ORIGINATOR_ID, BasicCodecs.OPTIONAL_NON_TRANSITIVE));
        register(new BasicCodecs.ClusterListCodec());
        register(new MpCodecs.MpReachCodec());
        register(new MpCodecs.MpUnreachCodec());
        register(new CommunityCodecs.ExtendedCommunitiesCodec());
        register(new AsPathCodecs.As4PathCodec());
        register(new AsPathCodecs.As4AggregatorCodec());
        register(new CommunityCodecs.Ipv6ExtendedCommunitiesCodec());
        register(new TlvCodecs.AigpCodec());
        register(new CommunityCodecs.LargeCommunitiesCodec());
        register(new TlvCodecs.PrefixSidCodec());
        register(new LinkStateCodec());
        register(new BasicCodecs.OnlyToCustomerCodec());
    }

    private AttributeCodecs() {}

    private static void register(AttributeCodec codec) {
        if (BY_TYPE[codec.typeCode()] != null) {
            throw new IllegalStateException("two codecs for attribute " + codec.typeCode());
        }
        BY_TYPE[codec.typeCode()] = codec;
    }

    /** The codec for a type code, or null when the type is unknown. */
    public static AttributeCodec get(int typeCode) {
        return typeCode >= 0 && typeCode < 256 ? BY_TYPE[typeCode] : null;
    }

    /** The flags an attribute goes out with (before the extended-length bit). */
    public static int flags(PathAttribute a) {
        if (a instanceof UnknownAttribute u) {
            return u.flags();
        }
        if (a instanceof OnlyToCustomer o) {
            return o.flags();
        }
        return BY_TYPE[a.typeCode()].flags();
    }

    /**
     * Writes flags, type, length and value. The extended-length bit is set when the value exceeds 255 bytes,
     * when an unknown attribute or ONLY_TO_CUSTOMER came with it, and on the MP_UNREACH_NLRI of an End-of-RIB (ExaBGP's form).
     */
    public static void encode(PathAttribute a, WireWriter out, SessionOptions options) {
        int flags = flags(a);
        boolean extended = (flags & PathAttribute.FLAG_EXTENDED_LENGTH) != 0
                || (a instanceof MpUnreachNlri u && u.nlri().isEmpty());
        int start = out.position();
        out.put8(0).put8(a.typeCode());
        out.put8(0);
        if (extended) {
            out.put8(0);
        }
        int valueStart = out.position();
        if (a instanceof UnknownAttribute u) {
            out.putBytes(u.value());
        } else {
            BY_TYPE[a.typeCode()].encodeValue(a, out, options);
        }
        int len = out.position() - valueStart;
        if (!extended && len > 255) {
            out.insertGap(valueStart, 1);
            extended = true;
            valueStart++;
        }
        if (extended) {
            out.set16(valueStart - 2, len);
            flags |= PathAttribute.FLAG_EXTENDED_LENGTH;
        } else {
            out.set8(valueStart - 1, len);
        }
        out.set8(start, flags);
    }

    /**
     * Decodes attributes this codec wrote itself (a stored canonical form): every attribute in order, unknown
     * ones as {@link UnknownAttribute} with their flags.
     *
     * @throws IllegalStateException when an attribute does not decode (the bytes were not written by this codec)
     */
    public static PathAttributes decodeWritten(byte[] b, int from, int to, SessionOptions options) {
        List<PathAttribute> out = new ArrayList<>(8);
        DecodeContext ctx = new DecodeContext(options);
        int p = from;
        while (p < to) {
            int flags = b[p] & 0xFF;
            int type = b[p + 1] & 0xFF;
            boolean ext = (flags & PathAttribute.FLAG_EXTENDED_LENGTH) != 0;
            int len = ext ? Wire.u16(b, p + 2) : b[p + 2] & 0xFF;
            int v = p + (ext ? 4 : 3);
            AttributeCodec codec = get(type);
            PathAttribute a;
            if (codec == null) {
                a = new UnknownAttribute(flags, type, Bytes.of(b, v, len));
            } else {
                ctx.enter(codec);
                a = codec.decode(flags, b, v, len, ctx);
            }
            if (a == null) {
                throw new IllegalStateException("written attributes do not decode: " + ctx.errors());
            }
            out.add(a);
            p = v + len;
        }
        return new PathAttributes(out);
    }
}
