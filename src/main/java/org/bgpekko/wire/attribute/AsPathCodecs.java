// Codecs of AS_PATH, AS4_PATH, AGGREGATOR and AS4_AGGREGATOR (RFC 4271, RFC 6793, RFC 5065).
package org.bgpekko.wire.attribute;

import java.util.ArrayList;
import java.util.List;
import org.bgpekko.wire.ErrorAction;
import org.bgpekko.wire.SessionOptions;
import org.bgpekko.wire.Wire;
import org.bgpekko.wire.WireWriter;

final class AsPathCodecs {
    private AsPathCodecs() {}

    /** Parses segments; returns null with ctx told when malformed. */
    static List<AsPathSegment> readSegments(byte[] b, int off, int len, int asSize, DecodeContext ctx, String name) {
        List<AsPathSegment> segments = new ArrayList<>(1);
        int p = off;
        int end = off + len;
        while (p < end) {
            if (p + 2 > end) {
                ctx.malformed(name + " segment header truncated");
                return null;
            }
            int type = b[p] & 0xFF;
            int count = b[p + 1] & 0xFF;
            if (type < AsPathSegment.AS_SET || type > AsPathSegment.AS_CONFED_SET) {
                ctx.malformed(name + " segment type " + type + " undefined");
                return null;
            }
            if (count == 0) {
                ctx.malformed(name + " segment with no AS numbers");
                return null;
            }
            p += 2;
            if (p + count * asSize > end) {
                ctx.malformed(name + " segment overruns the attribute (2- or 4-byte AS mismatch?)");
                return null;
            }
            List<Long> asns = new ArrayList<>(count);
            for (int i = 0; i < count; i++, p += asSize) {
                asns.add(asSize == 4 ? Wire.u32(b, p) : (long) Wire.u16(b, p));
            }
            segments.add(new AsPathSegment(type, asns));
        }
        return segments;
    }

    static void writeSegments(List<AsPathSegment> segments, int asSize, WireWriter out) {
        for (AsPathSegment s : segments) {
            out.put8(s.type()).put8(s.asns().size());
            for (long as : s.asns()) {
                if (asSize == 4) {
                    out.put32(as);
                } else {
                    out.put16((int) (as > 0xFFFF ? AsPathSegment.AS_TRANS : as));
                }
            }
        }
    }

    static final class AsPathCodec extends BasicCodecs.Base {
        AsPathCodec() {
            super(PathAttribute.AS_PATH, BasicCodecs.WELL_KNOWN, ErrorAction.TREAT_AS_WITHDRAW);
        }

        @Override
        public PathAttribute decode(byte[] b, int off, int len, DecodeContext ctx) {
            List<AsPathSegment> s = readSegments(b, off, len, ctx.options().asn4() ? 4 : 2, ctx, "AS_PATH");
            if (s != null && ctx.options().externalPeer()) {
                for (AsPathSegment seg : s) {
                    if (seg.type() == AsPathSegment.AS_CONFED_SEQUENCE || seg.type() == AsPathSegment.AS_CONFED_SET) {
                        // no confederation is configured, so every external peer is outside ours
                        return ctx.malformed("AS_PATH confederation segment from an external peer (RFC 5065 "
                                + "section 5, RFC 7606 section 7.2)");
                    }
                }
            }
            return s == null ? null : new AsPath(s);
        }

        @Override
        public void encodeValue(PathAttribute a, WireWriter out, SessionOptions o) {
            writeSegments(((AsPath) a).segments(), o.asn4() ? 4 : 2, out);
        }
    }

    static final class As4PathCodec extends BasicCodecs.Base {
        As4PathCodec() {
            super(PathAttribute.AS4_PATH, BasicCodecs.OPTIONAL_TRANSITIVE, ErrorAction.ATTRIBUTE_DISCARD);
        }

        @Override
        public PathAttribute decode(byte[] b, int off, int len, DecodeContext ctx) {
            List<AsPathSegment> s = readSegments(b, off, len, 4, ctx, "AS4_PATH");
            return s == null ? null : new As4Path(s);
        }

        @Override
        public void encodeValue(PathAttribute a, WireWriter out, SessionOptions o) {
            writeSegments(((As4Path) a).segments(), 4, out);
        }
    }

    static final class AggregatorCodec extends BasicCodecs.Base {
        AggregatorCodec() {
            super(PathAttribute.AGGREGATOR, BasicCodecs.OPTIONAL_TRANSITIVE, ErrorAction.ATTRIBUTE_DISCARD);
        }

        @Override
        public PathAttribute decode(byte[] b, int off, int len, DecodeContext ctx) {
            int asSize = ctx.options().asn4() ? 4 : 2;
            if (len != asSize + 4) {
                return ctx.malformed("AGGREGATOR length " + len + ", expected " + (asSize + 4));
            }
            long as = asSize == 4 ? Wire.u32(b, off) : Wire.u16(b, off);
            return new Aggregator(as, Wire.u32(b, off + asSize));
        }

        @Override
        public void encodeValue(PathAttribute a, WireWriter out, SessionOptions o) {
            Aggregator g = (Aggregator) a;
            if (o.asn4()) {
                out.put32(g.as());
            } else {
                out.put16((int) (g.as() > 0xFFFF ? AsPathSegment.AS_TRANS : g.as()));
            }
            out.put32(g.address());
        }
    }

    static final class As4AggregatorCodec extends BasicCodecs.Base {
        As4AggregatorCodec() {
            super(PathAttribute.AS4_AGGREGATOR, BasicCodecs.OPTIONAL_TRANSITIVE, ErrorAction.ATTRIBUTE_DISCARD);
        }

        @Override
        public PathAttribute decode(byte[] b, int off, int len, DecodeContext ctx) {
            if (len != 8) {
                return ctx.malformed("AS4_AGGREGATOR length " + len + ", expected 8");
            }
            return new As4Aggregator(Wire.u32(b, off), Wire.u32(b, off + 4));
        }

        @Override
        public void encodeValue(PathAttribute a, WireWriter out, SessionOptions o) {
            As4Aggregator g = (As4Aggregator) a;
            out.put32(g.as()).put32(g.address());
        }
    }
}
