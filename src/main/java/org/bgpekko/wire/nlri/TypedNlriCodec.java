// The shared codec shape of the "route type, length, value" families (EVPN, MVPN, MUP, BGP-LS): path id and
// framing here, the header layout and the checks of each route type in the family's subclass.
package org.bgpekko.wire.nlri;

import org.bgpekko.wire.Family;
import org.bgpekko.wire.Wire;
import org.bgpekko.wire.WireWriter;

/**
 * One NLRI is {@code [path id] header value}, where the header holds the route type and the value's length. The
 * value of a known route type is checked by {@link #valid}; an unknown route type is kept as it came (ExaBGP shows
 * it as {@code "parsed": false} with its raw bytes).
 */
public abstract class TypedNlriCodec implements NlriCodec {
    private final Family family;

    protected TypedNlriCodec(Family family) {
        this.family = family;
    }

    @Override
    public final Family family() {
        return family;
    }

    /** Bytes of the header (route type and length fields) before the value. */
    protected abstract int headerLength();

    /** The value length the header at {@code off} announces. */
    protected abstract int valueLength(byte[] b, int off);

    /** True when the value b[valueOff, valueOff+len) is well formed for the route type in the header at {@code off}. */
    protected abstract boolean valid(byte[] b, int off, int valueOff, int len);

    /** Builds the NLRI whose header is at {@code off} and value at b[valueOff, valueOff+len). */
    protected abstract Nlri build(long pathId, byte[] b, int off, int valueOff, int len);

    /** Writes the header and value of {@code nlri} (after the path id). */
    protected abstract void writeBody(Nlri nlri, WireWriter out);

    /** The families whose header is a route type (1 byte) and a value length (1 byte): EVPN and MVPN. */
    public abstract static class OctetHeader extends TypedNlriCodec {
        protected OctetHeader(Family family) {
            super(family);
        }

        /** The route type of an NLRI of this family. */
        protected abstract int routeType(Nlri nlri);

        /** The value of an NLRI of this family. */
        protected abstract org.bgpekko.wire.Bytes value(Nlri nlri);

        @Override
        protected final int headerLength() {
            return 2;
        }

        @Override
        protected final int valueLength(byte[] b, int off) {
            return b[off + 1] & 0xFF;
        }

        @Override
        protected final void writeBody(Nlri nlri, WireWriter out) {
            out.put8(routeType(nlri)).put8(value(nlri).length()).putBytes(value(nlri));
        }
    }

    @Override
    public final int scan(byte[] b, int off, int end, boolean addPath) {
        int p = addPath ? off + 4 : off;
        if (p + headerLength() > end) {
            return TRUNCATED;
        }
        int valueOff = p + headerLength();
        int len = valueLength(b, p);
        if (valueOff + len > end) {
            return TRUNCATED;
        }
        return valid(b, p, valueOff, len) ? valueOff + len : MALFORMED;
    }

    @Override
    public final Nlri decode(byte[] b, int off, boolean addPath) {
        long pathId = addPath ? Wire.u32(b, off) : Nlri.NO_PATH_ID;
        int p = addPath ? off + 4 : off;
        return build(pathId, b, p, p + headerLength(), valueLength(b, p));
    }

    @Override
    public final void encode(Nlri nlri, boolean addPath, WireWriter out) {
        if (!nlri.family().equals(family)) {
            throw new IllegalArgumentException(nlri + " cannot be encoded as " + family);
        }
        NlriCodec.writePathId(nlri.pathId(), addPath, out);
        writeBody(nlri, out);
    }
}
