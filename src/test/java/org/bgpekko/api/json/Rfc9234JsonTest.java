// The BGP Role capability and the OTC attribute in ExaBGP's JSON and text: ExaBGP d7f4a9293 knows neither, so both
// print exactly as the unknown capability / attribute of the same bytes always printed.
package org.bgpekko.api.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.bgpekko.wire.Bytes;
import org.bgpekko.wire.Hex;
import org.bgpekko.wire.MessageCodec;
import org.bgpekko.wire.Open;
import org.bgpekko.wire.SessionOptions;
import org.bgpekko.wire.Update;
import org.bgpekko.wire.attribute.OnlyToCustomer;
import org.bgpekko.wire.attribute.UnknownAttribute;
import org.bgpekko.wire.capability.BgpRole;
import org.bgpekko.wire.capability.UnknownCapability;
import org.junit.jupiter.api.Test;

class Rfc9234JsonTest {
    @Test
    void roleCapabilityPrintsAsExaBgpsUnknownCapability() {
        assertEquals("{ \"9\": { \"name\": \"unknown\", \"iana\": \"unknown\", \"value\": 9, \"raw\": \"01\" } }",
                CapabilityJson.of(List.of(new BgpRole(BgpRole.RS)), true));
        assertEquals(CapabilityJson.of(List.of(new UnknownCapability(9, Bytes.fromHex("03"))), false),
                CapabilityJson.of(List.of(new BgpRole(BgpRole.CUSTOMER)), false));
    }

    @Test
    void receivedOpenWithARoleDecodesToTheSameJsonAsBefore() {
        // an OPEN with capability 9 (rs-client): decoded now into BgpRole, printed as ExaBGP prints it
        String hex = "FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF" + "0022" + "01" + "04FDE800B4C0000201" + "05" + "0203090102";
        Open open = (Open) MessageCodec.decode(Hex.decode(hex), SessionOptions.DEFAULT);
        assertEquals(List.of(new BgpRole(BgpRole.RS_CLIENT)), open.capabilities());
        assertEquals("{ \"9\": { \"name\": \"unknown\", \"iana\": \"unknown\", \"value\": 9, \"raw\": \"02\" } }",
                CapabilityJson.of(open.capabilities(), true));
    }

    @Test
    void otcPrintsAsExaBgpsGenericAttributeWithItsReceivedFlags() {
        // ExaBGP keeps an unknown transitive attribute with the Partial bit added, and its flags as received
        assertEquals("\"attribute-0x23-0xE0\": \"0x0000fde8\"", AttributeJson.member(OnlyToCustomer.of(65000)));
        assertEquals("\"attribute-0x23-0xF0\": \"0xfa56ea00\"",
                AttributeJson.member(new OnlyToCustomer(4200000000L, 0xD0)));
        assertEquals(AttributeJson.member(new UnknownAttribute(0xE0, 35, Bytes.fromHex("0000FDE8"))),
                AttributeJson.member(new OnlyToCustomer(65000, 0xE0)));
    }

    @Test
    void decodedUpdateCarriesTheOtcAndItsJsonMember() {
        String attrs = "40010100" + "400200" + "400304C0000201" + "C02304" + "0000FDE8";
        byte[] b = Hex.decode("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF" + String.format("%04X", 23 + attrs.length() / 2 + 2)
                + "02" + "0000" + String.format("%04X", attrs.length() / 2) + attrs + "080A");
        Update u = (Update) MessageCodec.decode(b, SessionOptions.DEFAULT);
        assertEquals(OnlyToCustomer.of(65000), u.attributes().list().get(3));
        assertEquals(List.of("\"origin\": \"igp\"", "\"attribute-0x23-0xE0\": \"0x0000fde8\""),
                AttributeJson.members(u.attributes(), u.errors()));
    }
}
