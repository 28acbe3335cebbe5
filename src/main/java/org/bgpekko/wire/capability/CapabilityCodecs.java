// The registry of capability codecs by code; capabilities without one (or malformed) stay UnknownCapability.
package org.bgpekko.wire.capability;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.bgpekko.wire.Bytes;
import org.bgpekko.wire.Family;
import org.bgpekko.wire.Wire;
import org.bgpekko.wire.WireWriter;

public final class CapabilityCodecs {
    private static final CapabilityCodec[] BY_CODE = new CapabilityCodec[256];

    static {
        register(Capability.MULTIPROTOCOL, (b, off, len) -> len == 4
                ? new Multiprotocol(new Family(Wire.u16(b, off), b[off + 3] & 0xFF)) : null,
                (c, out) -> {
                    Family f = ((Multiprotocol) c).family();
                    out.put16(f.afi()).put8(0).put8(f.safi());
                });
        register(Capability.ROUTE_REFRESH, empty(RouteRefresh::new), (c, out) -> { });
        register(Capability.ENHANCED_ROUTE_REFRESH, empty(EnhancedRouteRefresh::new), (c, out) -> { });
        register(Capability.EXTENDED_MESSAGE, empty(ExtendedMessage::new), (c, out) -> { });
        register(Capability.OPERATIONAL, empty(Operational::new), (c, out) -> { });
        register(Capability.FOUR_OCTET_AS, (b, off, len) -> len == 4 ? new FourOctetAs(Wire.u32(b, off)) : null,
                (c, out) -> out.put32(((FourOctetAs) c).asn()));
        register(Capability.EXTENDED_NEXT_HOP, CapabilityCodecs::decodeExtendedNextHop, (c, out) -> {
            for (ExtendedNextHop.Entry e : ((ExtendedNextHop) c).entries()) {
                out.put16(e.family().afi()).put16(e.family().safi()).put16(e.nextHopAfi());
            }
        });
        register(Capability.GRACEFUL_RESTART, CapabilityCodecs::decodeGracefulRestart, (c, out) -> {
            GracefulRestart g = (GracefulRestart) c;
            out.put16(g.restartFlags() << 12 | g.restartTime());
            for (GracefulRestart.Entry e : g.families()) {
                out.put16(e.family().afi()).put8(e.family().safi()).put8(e.flags());
            }
        });
        register(Capability.ADD_PATH, CapabilityCodecs::decodeAddPath, (c, out) -> {
            for (AddPath.Entry e : ((AddPath) c).entries()) {
                out.put16(e.family().afi()).put8(e.family().safi()).put8(e.mode());
            }
        });
        register(Capability.MULTI_SESSION, (b, off, len) -> new MultiSession(Bytes.of(b, off, len)),
                (c, out) -> out.putBytes(((MultiSession) c).value()));
        register(Capability.FQDN, CapabilityCodecs::decodeFqdn, (c, out) -> {
            Fqdn f = (Fqdn) c;
            putString(out, f.hostname());
            putString(out, f.domain());
        });
        // RFC 9234 section 4.1: one octet; another length, or a value outside table 1, stays an UnknownCapability that
        // the session's role check refuses (peer.Negotiation)
        register(Capability.BGP_ROLE, (b, off, len) -> len == 1 && (b[off] & 0xFF) <= BgpRole.PEER
                ? new BgpRole(b[off] & 0xFF) : null, (c, out) -> out.put8(((BgpRole) c).role()));
        register(Capability.SOFTWARE_VERSION, (b, off, len) -> {
            if (len < 1 || (b[off] & 0xFF) != len - 1) {
                return null;
            }
            String version = utf8(b, off + 1, len - 1);
            return version == null ? null : new SoftwareVersion(version);
        }, (c, out) -> putString(out, ((SoftwareVersion) c).version()));
    }

    private CapabilityCodecs() {}

    /** Decoder half of a codec. */
    @FunctionalInterface
    private interface Decoder {
        Capability decode(byte[] b, int off, int len);
    }

    /** Encoder half of a codec. */
    @FunctionalInterface
    private interface Encoder {
        void encodeValue(Capability c, WireWriter out);
    }

    /** True when capability {@code code} has a codec here (a value it refuses still decodes as UnknownCapability). */
    public static boolean registered(int code) {
        return code >= 0 && code < BY_CODE.length && BY_CODE[code] != null;
    }

    private static void register(int code, Decoder decoder, Encoder encoder) {
        BY_CODE[code] = new CapabilityCodec() {
            @Override
            public int code() {
                return code;
            }

            @Override
            public Capability decode(byte[] b, int off, int len) {
                return decoder.decode(b, off, len);
            }

            @Override
            public void encodeValue(Capability capability, WireWriter out) {
                encoder.encodeValue(capability, out);
            }
        };
    }

    private static Decoder empty(java.util.function.Supplier<Capability> make) {
        return (b, off, len) -> len == 0 ? make.get() : null;
    }

    private static void putString(WireWriter out, String s) {
        byte[] raw = s.getBytes(StandardCharsets.UTF_8);
        out.put8(raw.length).putBytes(raw, 0, raw.length);
    }

    private static <T> List<T> entries(byte[] b, int off, int len, int size, Function<Integer, T> read) {
        if (len % size != 0) {
            return null;
        }
        List<T> out = new ArrayList<>(len / size);
        for (int p = off; p < off + len; p += size) {
            T t = read.apply(p);
            if (t == null) {
                return null;
            }
            out.add(t);
        }
        return out;
    }

    private static Capability decodeExtendedNextHop(byte[] b, int off, int len) {
        List<ExtendedNextHop.Entry> e = entries(b, off, len, 6, p -> Wire.u16(b, p + 2) > 0xFF ? null
                : new ExtendedNextHop.Entry(new Family(Wire.u16(b, p), Wire.u16(b, p + 2)), Wire.u16(b, p + 4)));
        return e == null ? null : new ExtendedNextHop(e);
    }

    private static Capability decodeGracefulRestart(byte[] b, int off, int len) {
        if (len < 2) {
            return null;
        }
        int head = Wire.u16(b, off);
        List<GracefulRestart.Entry> e = entries(b, off + 2, len - 2, 4,
                p -> new GracefulRestart.Entry(new Family(Wire.u16(b, p), b[p + 2] & 0xFF), b[p + 3] & 0xFF));
        return e == null ? null : new GracefulRestart(head >>> 12, head & 0xFFF, e);
    }

    private static Capability decodeAddPath(byte[] b, int off, int len) {
        List<AddPath.Entry> e = entries(b, off, len, 4,
                p -> new AddPath.Entry(new Family(Wire.u16(b, p), b[p + 2] & 0xFF), b[p + 3] & 0xFF));
        return e == null ? null : new AddPath(e);
    }

    private static Capability decodeFqdn(byte[] b, int off, int len) {
        if (len < 1) {
            return null;
        }
        int hl = b[off] & 0xFF;
        if (1 + hl + 1 > len) {
            return null;
        }
        int dl = b[off + 1 + hl] & 0xFF;
        if (1 + hl + 1 + dl != len) {
            return null;
        }
        String host = utf8(b, off + 1, hl);
        String domain = utf8(b, off + 2 + hl, dl);
        return host == null || domain == null ? null : new Fqdn(host, domain);
    }

    /**
     * Strict UTF-8, or null: replacing bad bytes with U+FFFD would change the value's length (up to three times),
     * so it could neither be re-encoded nor always fit the record; such a value stays an UnknownCapability.
     */
    private static String utf8(byte[] b, int off, int len) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b, off, len)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** Decodes one capability; an unknown code or a malformed value gives an UnknownCapability. */
    public static Capability decode(int code, byte[] b, int off, int len) {
        CapabilityCodec codec = BY_CODE[code];
        Capability c = codec == null ? null : codec.decode(b, off, len);
        return c != null ? c : new UnknownCapability(code, Bytes.of(b, off, len));
    }

    /** Writes code, length and value. */
    public static void encode(Capability c, WireWriter out) {
        out.put8(c.code());
        int lenAt = out.position();
        out.put8(0);
        if (c instanceof UnknownCapability u) {
            out.putBytes(u.value());
        } else {
            BY_CODE[c.code()].encodeValue(c, out);
        }
        int len = out.position() - lenAt - 1;
        if (len > 255) {
            throw new IllegalArgumentException("capability " + c.code() + " value exceeds 255 bytes");
        }
        out.set8(lenAt, len);
    }
}
