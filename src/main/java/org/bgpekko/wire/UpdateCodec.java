// UPDATE body codec (RFC 4271 section 4.3) with RFC 7606 revised error handling recorded as data.
package org.bgpekko.wire;

import java.util.ArrayList;
import java.util.List;
import org.bgpekko.wire.attribute.As4Transition;
import org.bgpekko.wire.attribute.AttributeCodec;
import org.bgpekko.wire.attribute.AttributeCodecs;
import org.bgpekko.wire.attribute.DecodeContext;
import org.bgpekko.wire.attribute.MpReachNlri;
import org.bgpekko.wire.attribute.MpUnreachNlri;
import org.bgpekko.wire.attribute.PathAttribute;
import org.bgpekko.wire.attribute.PathAttributes;
import org.bgpekko.wire.attribute.ReceiveRules;
import org.bgpekko.wire.attribute.UnknownAttribute;
import org.bgpekko.wire.nlri.NlriBlock;

public final class UpdateCodec {
    private static final int FLAG_BITS = PathAttribute.FLAG_OPTIONAL | PathAttribute.FLAG_TRANSITIVE;

    private UpdateCodec() {}

    /**
     * Decodes an UPDATE body b[off, off+len). Attribute problems are recorded in {@link Update#errors()};
     * only what RFC 7606 answers with a session reset throws.
     */
    public static Update decode(byte[] b, int off, int len, SessionOptions options) {
        int end = off + len;
        if (len < 4) {
            throw new NotificationException(3, 1, "UPDATE body of " + len + " bytes is shorter than 4");
        }
        int withdrawnLen = Wire.u16(b, off);
        int p = off + 2;
        if (p + withdrawnLen + 2 > end) {
            throw new NotificationException(3, 1, "withdrawn routes length " + withdrawnLen + " overruns the UPDATE");
        }
        boolean addPath = options.addPathReceive(Family.IPV4_UNICAST);
        NlriBlock withdrawn = nlriField(b, p, p + withdrawnLen, addPath, "withdrawn routes");
        p += withdrawnLen;
        int attrLen = Wire.u16(b, p);
        p += 2;
        if (p + attrLen > end) {
            throw new NotificationException(3, 1, "total path attribute length " + attrLen + " overruns the UPDATE");
        }
        int attrEnd = p + attrLen;
        DecodeContext ctx = new DecodeContext(options);
        List<PathAttribute> attributes = readAttributes(b, p, attrEnd, ctx);
        NlriBlock nlri = nlriField(b, attrEnd, end, addPath, "NLRI");
        if (!options.asn4()) {
            attributes = As4Transition.merge(attributes, ctx); // RFC 6793 section 4.2.3
        }
        checkMandatory(attributes, nlri, ctx);
        if (ctx.worst() == ErrorAction.SESSION_RESET) {
            UpdateError first = ctx.errors().stream()
                    .filter(e -> e.action() == ErrorAction.SESSION_RESET).findFirst().orElseThrow();
            throw new NotificationException(3, 1, first.toString());
        }
        return new Update(withdrawn, new PathAttributes(attributes), nlri, ctx.errors());
    }

    private static NlriBlock nlriField(byte[] b, int from, int to, boolean addPath, String what) {
        NlriBlock.Decoding d = NlriBlock.decode(Family.IPV4_UNICAST, b, from, to, addPath);
        if (!d.ok()) {
            throw new NotificationException(3, 10, "invalid " + what + ": " + d.error());
        }
        return d.block();
    }

    private static List<PathAttribute> readAttributes(byte[] b, int p, int end, DecodeContext ctx) {
        List<PathAttribute> out = new ArrayList<>(8);
        boolean[] seen = new boolean[256];
        while (p < end) {
            if (p + 3 > end) {
                ctx.add(new UpdateError(-1, ErrorAction.TREAT_AS_WITHDRAW, "attribute header truncated"));
                break;
            }
            int flags = b[p] & 0xFF;
            int type = b[p + 1] & 0xFF;
            boolean ext = (flags & PathAttribute.FLAG_EXTENDED_LENGTH) != 0;
            if (ext && p + 4 > end) {
                ctx.add(new UpdateError(type, ErrorAction.TREAT_AS_WITHDRAW, "attribute header truncated"));
                break;
            }
            int len = ext ? Wire.u16(b, p + 2) : b[p + 2] & 0xFF;
            int v = p + (ext ? 4 : 3);
            if (v + len > end) {
                ctx.add(new UpdateError(type, ErrorAction.TREAT_AS_WITHDRAW,
                        "attribute " + type + " length " + len + " overruns the attribute list"));
                break;
            }
            p = v + len;
            AttributeCodec codec = AttributeCodecs.get(type);
            if (codec == null) {
                // kept verbatim even without the optional bit, as ExaBGP does (docs/decisions.md)
                addOnce(out, seen, new UnknownAttribute(flags, type, Bytes.of(b, v, len)), ctx);
                continue;
            }
            if (seen[type] && (type == PathAttribute.MP_REACH_NLRI || type == PathAttribute.MP_UNREACH_NLRI)) {
                ctx.add(new UpdateError(type, ErrorAction.SESSION_RESET, "attribute " + type + " appears twice"));
                continue;
            }
            String ignored = seen[type] ? "attribute " + type + " repeated, kept the first" // RFC 7606 section 3 (g)
                    : ReceiveRules.ignoredFromPeer(type, ctx.options());
            if (ignored != null) {
                ctx.add(new UpdateError(type, ErrorAction.ATTRIBUTE_DISCARD, ignored));
                seen[type] = true;
                continue;
            }
            ctx.enter(codec);
            if ((flags & FLAG_BITS) != codec.flags()) {
                ctx.malformed(String.format("attribute %d flags 0x%02X conflict with 0x%02X", type, flags & FLAG_BITS,
                        codec.flags()));
                seen[type] = true;
                continue;
            }
            PathAttribute a = codec.decode(flags, b, v, len, ctx);
            if (a != null) {
                addOnce(out, seen, a, ctx);
            } else {
                seen[type] = true;
            }
        }
        return out;
    }

    private static void addOnce(List<PathAttribute> out, boolean[] seen, PathAttribute a, DecodeContext ctx) {
        int type = a.typeCode();
        if (seen[type]) {
            ctx.add(new UpdateError(type, ErrorAction.ATTRIBUTE_DISCARD, "attribute " + type + " repeated, kept the first"));
            return;
        }
        seen[type] = true;
        out.add(a);
    }

    /** RFC 7606 section 3 (d): missing well-known mandatory attributes when the UPDATE carries NLRI. */
    private static void checkMandatory(List<PathAttribute> attributes, NlriBlock nlri, DecodeContext ctx) {
        boolean reach = !nlri.isEmpty();
        boolean[] present = new boolean[256];
        for (PathAttribute a : attributes) {
            present[a.typeCode()] = true;
            if (a instanceof MpReachNlri m && !m.nlri().isEmpty()) {
                reach = true;
            }
        }
        if (!reach) {
            return;
        }
        boolean[] reported = new boolean[256];
        for (UpdateError e : ctx.errors()) {
            if (e.typeCode() >= 0) {
                reported[e.typeCode()] = true;
            }
        }
        int[] mandatory = nlri.isEmpty()
                ? new int[] {PathAttribute.ORIGIN, PathAttribute.AS_PATH}
                : new int[] {PathAttribute.ORIGIN, PathAttribute.AS_PATH, PathAttribute.NEXT_HOP};
        for (int type : mandatory) {
            if (!present[type] && !reported[type]) {
                ctx.add(new UpdateError(type, ErrorAction.TREAT_AS_WITHDRAW, "missing well-known attribute " + type));
            }
        }
    }

    /** Writes an UPDATE body: attributes by type code, MP_REACH_NLRI and MP_UNREACH_NLRI last. */
    public static void encode(Update u, WireWriter out, SessionOptions options) {
        boolean addPath = options.addPathSend(Family.IPV4_UNICAST);
        out.put16(u.withdrawn().byteLength(addPath));
        u.withdrawn().writeTo(out, addPath);
        int lenAt = out.position();
        out.put16(0);
        PathAttribute reach = null;
        PathAttribute unreach = null;
        PathAttributes attributes = options.asn4() ? u.attributes() : As4Transition.forOldSpeaker(u.attributes());
        for (PathAttribute a : attributes.list()) {
            if (a instanceof MpReachNlri) {
                reach = a;
            } else if (a instanceof MpUnreachNlri) {
                unreach = a;
            } else {
                AttributeCodecs.encode(a, out, options);
            }
        }
        if (reach != null) {
            AttributeCodecs.encode(reach, out, options);
        }
        if (unreach != null) {
            AttributeCodecs.encode(unreach, out, options);
        }
        int attrLen = out.position() - lenAt - 2;
        if (attrLen > 0xFFFF) {
            throw new IllegalArgumentException("path attributes exceed 65535 bytes");
        }
        out.set16(lenAt, attrLen);
        u.nlri().writeTo(out, addPath);
    }
}
