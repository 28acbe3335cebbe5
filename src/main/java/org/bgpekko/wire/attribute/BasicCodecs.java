// Codecs of the fixed-size RFC 4271/4456 attributes: ORIGIN, NEXT_HOP, MED, LOCAL_PREF, ATOMIC_AGGREGATE,
// ORIGINATOR_ID, CLUSTER_LIST.
package org.bgpekko.wire.attribute;

import java.util.List;
import org.bgpekko.wire.ErrorAction;
import org.bgpekko.wire.SessionOptions;
import org.bgpekko.wire.Wire;
import org.bgpekko.wire.WireWriter;
import org.bgpekko.wire.nlri.IpAddress;

final class BasicCodecs {
    private BasicCodecs() {}

    static final int WELL_KNOWN = PathAttribute.FLAG_TRANSITIVE;
    static final int OPTIONAL_NON_TRANSITIVE = PathAttribute.FLAG_OPTIONAL;
    static final int OPTIONAL_TRANSITIVE = PathAttribute.FLAG_OPTIONAL | PathAttribute.FLAG_TRANSITIVE;

    /** A codec described by its constants. */
    abstract static class Base implements AttributeCodec {
        private final int type;
        private final int flags;
        private final ErrorAction action;

        Base(int type, int flags, ErrorAction action) {
            this.type = type;
            this.flags = flags;
            this.action = action;
        }

        @Override
        public int typeCode() {
            return type;
        }

        @Override
        public int flags() {
            return flags;
        }

        @Override
        public ErrorAction malformedAction() {
            return action;
        }
    }

    static final class OriginCodec extends Base {
        OriginCodec() {
            super(PathAttribute.ORIGIN, WELL_KNOWN, ErrorAction.TREAT_AS_WITHDRAW);
        }

        @Override
        public PathAttribute decode(byte[] b, int off, int len, DecodeContext ctx) {
            if (len != 1) {
                return ctx.malformed("ORIGIN length " + len + ", expected 1");
            }
            int v = b[off] & 0xFF;
            return v <= 2 ? new Origin(v) : ctx.malformed("ORIGIN value " + v + " undefined");
        }

        @Override
        public void encodeValue(PathAttribute a, WireWriter out, SessionOptions o) {
            out.put8(((Origin) a).value());
        }
    }

    static final class NextHopCodec extends Base {
        NextHopCodec() {
            super(PathAttribute.NEXT_HOP, WELL_KNOWN, ErrorAction.TREAT_AS_WITHDRAW);
        }

        @Override
        public PathAttribute decode(byte[] b, int off, int len, DecodeContext ctx) {
            if (len != 4) {
                return ctx.malformed("NEXT_HOP length " + len + ", expected 4");
            }
            return new NextHop(IpAddress.ipv4(Wire.u32(b, off)));
        }

        @Override
        public void encodeValue(PathAttribute a, WireWriter out, SessionOptions o) {
            ((NextHop) a).address().write(out);
        }
    }

    /** A 4-byte unsigned value: MED, LOCAL_PREF, ORIGINATOR_ID. */
    static final class U32Codec extends Base {
        U32Codec(int type, int flags) {
            super(type, flags, ErrorAction.TREAT_AS_WITHDRAW);
        }

        @Override
        public PathAttribute decode(byte[] b, int off, int len, DecodeContext ctx) {
            if (len != 4) {
                return ctx.malformed("attribute " + typeCode() + " length " + len + ", expected 4");
            }
            long v = Wire.u32(b, off);
            return switch (typeCode()) {
                case PathAttribute.MULTI_EXIT_DISC -> new MultiExitDisc(v);
                case PathAttribute.LOCAL_PREF -> new LocalPref(v);
                default -> new OriginatorId(v);
            };
        }

        @Override
        public void encodeValue(PathAttribute a, WireWriter out, SessionOptions o) {
            if (a instanceof MultiExitDisc m) {
                out.put32(m.value());
            } else if (a instanceof LocalPref l) {
                out.put32(l.value());
            } else {
                out.put32(((OriginatorId) a).id());
            }
        }
    }

    static final class AtomicAggregateCodec extends Base {
        AtomicAggregateCodec() {
            super(PathAttribute.ATOMIC_AGGREGATE, WELL_KNOWN, ErrorAction.ATTRIBUTE_DISCARD);
        }

        @Override
        public PathAttribute decode(byte[] b, int off, int len, DecodeContext ctx) {
            return len == 0 ? AtomicAggregate.INSTANCE : ctx.malformed("ATOMIC_AGGREGATE length " + len + ", expected 0");
        }

        @Override
        public void encodeValue(PathAttribute a, WireWriter out, SessionOptions o) {
            // no value
        }
    }

    static final class ClusterListCodec extends Base {
        ClusterListCodec() {
            super(PathAttribute.CLUSTER_LIST, OPTIONAL_NON_TRANSITIVE, ErrorAction.TREAT_AS_WITHDRAW);
        }

        @Override
        public PathAttribute decode(byte[] b, int off, int len, DecodeContext ctx) {
            List<Long> ids = CommunityCodecs.entries(b, off, len, 4, "CLUSTER_LIST", ctx, Wire::u32);
            return ids == null ? null : new ClusterList(ids);
        }

        @Override
        public void encodeValue(PathAttribute a, WireWriter out, SessionOptions o) {
            for (long id : ((ClusterList) a).ids()) {
                out.put32(id);
            }
        }
    }

    /**
     * ONLY_TO_CUSTOMER (RFC 9234 section 5): 4 octets, else treat-as-withdraw. The received flags are kept (the Partial
     * bit a speaker without RFC 9234 set, the extended-length bit), so the attribute is passed on as it came.
     */
    static final class OnlyToCustomerCodec extends Base {
        OnlyToCustomerCodec() {
            super(PathAttribute.ONLY_TO_CUSTOMER, OPTIONAL_TRANSITIVE, ErrorAction.TREAT_AS_WITHDRAW);
        }

        @Override
        public PathAttribute decode(byte[] b, int off, int len, DecodeContext ctx) {
            return decode(OPTIONAL_TRANSITIVE, b, off, len, ctx);
        }

        @Override
        public PathAttribute decode(int flags, byte[] b, int off, int len, DecodeContext ctx) {
            if (len != 4) {
                return ctx.malformed("ONLY_TO_CUSTOMER length " + len + ", expected 4");
            }
            return new OnlyToCustomer(Wire.u32(b, off), flags & 0xF0);
        }

        @Override
        public void encodeValue(PathAttribute a, WireWriter out, SessionOptions o) {
            out.put32(((OnlyToCustomer) a).asn());
        }
    }
}
