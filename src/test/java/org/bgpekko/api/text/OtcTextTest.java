// The OTC attribute (RFC 9234) in text events: ExaBGP d7f4a9293 does not know type 35, so it prints as the generic
// attribute of the same bytes and flags always printed.
package org.bgpekko.api.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.bgpekko.wire.Bytes;
import org.bgpekko.wire.attribute.OnlyToCustomer;
import org.bgpekko.wire.attribute.PathAttributes;
import org.bgpekko.wire.attribute.UnknownAttribute;
import org.junit.jupiter.api.Test;

class OtcTextTest {
    @Test
    void otcIsTheGenericAttributeOfTheSameBytes() {
        for (int flags : new int[] {0xC0, 0xE0, 0xD0}) {
            assertEquals(UpdateText.attributes(new PathAttributes(List.of(
                            new UnknownAttribute(flags, 35, Bytes.fromHex("0000FDE8"))))),
                    UpdateText.attributes(new PathAttributes(List.of(new OnlyToCustomer(65000, flags)))));
        }
        assertEquals(" attribute [ 0x23 0xC0 0x0000FDE8 ]",
                UpdateText.attributes(new PathAttributes(List.of(OnlyToCustomer.of(65000)))));
    }
}
