// The codec of one path attribute type: value bytes to record and back, plus its RFC 7606 error action.
package org.bgpekko.wire.attribute;

import org.bgpekko.wire.ErrorAction;
import org.bgpekko.wire.SessionOptions;
import org.bgpekko.wire.WireWriter;

public interface AttributeCodec {
    int typeCode();

    /** The optional and transitive bits this attribute is sent with (and must be received with). */
    int flags();

    /** What RFC 7606 (or the attribute's own RFC) says to do with a malformed instance. */
    ErrorAction malformedAction();

    /**
     * Decodes the value b[off, off+len).
     *
     * @return the attribute, or the result of {@link DecodeContext#malformed} when it is malformed
     */
    PathAttribute decode(byte[] b, int off, int len, DecodeContext ctx);

    /** Decodes with the received flags at hand, for an attribute that keeps them (ONLY_TO_CUSTOMER). */
    default PathAttribute decode(int flags, byte[] b, int off, int len, DecodeContext ctx) {
        return decode(b, off, len, ctx);
    }

    /** Writes the value only; the caller writes flags, type and length. */
    void encodeValue(PathAttribute attribute, WireWriter out, SessionOptions options);
}
