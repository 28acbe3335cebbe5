// OPEN (RFC 4271 section 4.2) with its capabilities (RFC 5492).
package org.bgpekko.wire;

import java.util.List;
import java.util.Optional;
import org.bgpekko.wire.capability.Capability;
import org.bgpekko.wire.capability.FourOctetAs;

/**
 * @param myAs the 2-octet My Autonomous System field (AS_TRANS when the real AS needs 4 octets)
 * @param bgpIdentifier the router id as an unsigned 32-bit value
 */
public record Open(int version, int myAs, int holdTime, long bgpIdentifier, List<Capability> capabilities)
        implements BgpMessage {
    public static final int VERSION = 4;

    public Open {
        if (version < 0 || version > 255 || myAs < 0 || myAs > 0xFFFF || holdTime < 0 || holdTime > 0xFFFF
                || bgpIdentifier < 0 || bgpIdentifier > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("OPEN field out of range");
        }
        capabilities = List.copyOf(capabilities);
    }

    /** The real AS: the 4-octet capability's value if present, else My AS. */
    public long asn() {
        return capability(FourOctetAs.class).map(FourOctetAs::asn).orElse((long) myAs);
    }

    public <T extends Capability> Optional<T> capability(Class<T> type) {
        for (Capability c : capabilities) {
            if (type.isInstance(c)) {
                return Optional.of(type.cast(c));
            }
        }
        return Optional.empty();
    }

    public <T extends Capability> List<T> all(Class<T> type) {
        return capabilities.stream().filter(type::isInstance).map(type::cast).toList();
    }

    @Override
    public int type() {
        return OPEN;
    }
}
