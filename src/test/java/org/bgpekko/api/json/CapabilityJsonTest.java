// Vector found by fuzzing the OPEN target (docs/fuzzing.md): an OPEN whose multiprotocol capability is followed by
// a malformed one of the same code (kept as an UnknownCapability) made the JSON of the OPEN throw
// ClassCastException, for a helper's open event as for `bgpekko decode`.
package org.bgpekko.api.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.bgpekko.wire.Bytes;
import org.bgpekko.wire.Family;
import org.bgpekko.wire.capability.Capability;
import org.bgpekko.wire.capability.Multiprotocol;
import org.bgpekko.wire.capability.UnknownCapability;
import org.junit.jupiter.api.Test;

class CapabilityJsonTest {
    @Test
    void aMalformedMultiprotocolCapabilityBesideAGoodOneIsNoFamily() {
        List<Capability> caps = List.of(new Multiprotocol(Family.IPV4_UNICAST),
                new UnknownCapability(Capability.MULTIPROTOCOL, Bytes.fromHex("000102")),
                new Multiprotocol(Family.IPV6_UNICAST));
        assertEquals("{ \"1\": { \"name\": \"multiprotocol\", \"families\": [ \"ipv4/unicast\", \"ipv6/unicast\" ] } }",
                CapabilityJson.of(caps, true));
    }
}
