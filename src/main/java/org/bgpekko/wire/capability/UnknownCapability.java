// A capability without a codec, or one whose value did not parse: code and value kept verbatim.
package org.bgpekko.wire.capability;

import org.bgpekko.wire.Bytes;

public record UnknownCapability(int code, Bytes value) implements Capability {
    public UnknownCapability {
        if (code < 0 || code > 255 || value.length() > 255) {
            throw new IllegalArgumentException("capability code or length out of range");
        }
    }
}
