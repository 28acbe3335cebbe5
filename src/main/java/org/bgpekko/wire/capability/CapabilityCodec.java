// The codec of one capability code: value bytes to record and back.
package org.bgpekko.wire.capability;

import org.bgpekko.wire.WireWriter;

public interface CapabilityCodec {
    int code();

    /** Decodes the value b[off, off+len), or returns null when it is malformed (kept as unknown). */
    Capability decode(byte[] b, int off, int len);

    void encodeValue(Capability capability, WireWriter out);
}
