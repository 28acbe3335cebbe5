// Multi-session capability (code 68, draft-ietf-idr-bgp-multisession): value kept as sent.
package org.bgpekko.wire.capability;

import org.bgpekko.wire.Bytes;

public record MultiSession(Bytes value) implements Capability {
    @Override
    public int code() {
        return MULTI_SESSION;
    }
}
