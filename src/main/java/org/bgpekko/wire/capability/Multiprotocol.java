// Multiprotocol extensions capability (code 1, RFC 4760): one family per capability.
package org.bgpekko.wire.capability;

import org.bgpekko.wire.Family;

public record Multiprotocol(Family family) implements Capability {
    @Override
    public int code() {
        return MULTIPROTOCOL;
    }
}
