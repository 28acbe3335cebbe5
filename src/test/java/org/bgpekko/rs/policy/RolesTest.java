// The OTC attribute added on export (RFC 9234 section 5): in type order, the rest of the set byte for byte.
package org.bgpekko.rs.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.bgpekko.wire.Hex;
import org.junit.jupiter.api.Test;

class RolesTest {
    private static final String NH = "04" + "7F00000B";
    private static final String HEAD = "40010100" + "400206" + "0201" + "00000D05"; // ORIGIN, AS_PATH [ 3333 ]

    @Test
    void otcGoesBetweenTheAttributesBelowAndAbove35() {
        String large = "C0200C" + "00000D05" + "00000001" + "00000001";
        String prefixSid = "C0280A" + "010007" + "00" + "0000" + "00000064";
        assertEquals(NH + HEAD + large + "C02304" + "0000FBF4" + prefixSid,
                Hex.encode(Roles.withOtc(Hex.decode(NH + HEAD + large + prefixSid), 64500)));
    }

    @Test
    void otcIsLastWhenNothingComesAfterItAndTheNextHopFieldIsKept() {
        String extended = "D0FE0002" + "ABCD"; // an unknown attribute above 35, with the extended-length bit
        assertEquals(NH + HEAD + "C02304" + "FA56EA00" + extended,
                Hex.encode(Roles.withOtc(Hex.decode(NH + HEAD + extended), 4200000000L)));
        assertEquals("00" + HEAD + "C02304" + "0000FBF4", Hex.encode(Roles.withOtc(Hex.decode("00" + HEAD), 64500)));
    }
}
