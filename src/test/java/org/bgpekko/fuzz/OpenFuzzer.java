// Fuzz target: any bytes as the body of an OPEN must decode to an Open or a NotificationException; a decoded OPEN
// must then negotiate against ours (RFC 4271 section 6.2 checks) or be refused with a NotificationException, and
// be printable as ExaBGP's JSON. Anything else thrown is a finding.
package org.bgpekko.fuzz;

import java.util.List;
import org.bgpekko.api.json.ExaJson;
import org.bgpekko.wire.BgpMessage;
import org.bgpekko.wire.Family;
import org.bgpekko.wire.MessageCodec;
import org.bgpekko.wire.NotificationException;
import org.bgpekko.wire.Open;
import org.bgpekko.wire.SessionOptions;
import org.bgpekko.wire.capability.AddPath;
import org.bgpekko.wire.capability.Capability;
import org.bgpekko.wire.capability.FourOctetAs;
import org.bgpekko.wire.capability.Multiprotocol;
import org.bgpekko.peer.Negotiation;

public final class OpenFuzzer {
    private static final ExaJson JSON = new ExaJson("fuzz", 1, 1, () -> 0.0);
    private static final ExaJson.Neighbor NEIGHBOR = new ExaJson.Neighbor("127.0.0.1", "127.0.0.2", 65000, 65001);
    /** What bgpekko sends: IPv4 and IPv6 unicast, 4-octet AS, ADD-PATH send/receive for IPv4 unicast. */
    private static final Open OURS = new Open(Open.VERSION, 65000, 180, 0x0A000001L, List.<Capability>of(
            new Multiprotocol(Family.IPV4_UNICAST), new Multiprotocol(Family.IPV6_UNICAST), new FourOctetAs(65000),
            new AddPath(List.of(new AddPath.Entry(Family.IPV4_UNICAST, 3)))));

    private OpenFuzzer() {}

    public static void fuzzerTestOneInput(byte[] data) {
        byte[] frame = UpdateFuzzer.frame(BgpMessage.OPEN, data, 0);
        if (frame == null) {
            return;
        }
        Open received;
        try {
            received = (Open) MessageCodec.decode(frame, SessionOptions.LEGACY);
        } catch (NotificationException expected) {
            return;
        }
        received.capabilities().forEach(Object::toString);
        JSON.open(NEIGHBOR, "in", 1, received);
        Negotiation.options(OURS, received);
        Negotiation.families(OURS, received);
        try {
            Negotiation.of(OURS, received, -1, 65000);
        } catch (NotificationException refused) {
            // an OPEN we must answer with a NOTIFICATION: fine
        }
    }
}
