// Fuzz target: any bytes as the body of an UPDATE, under session options chosen by the first byte, must decode to an
// Update (with RFC 7606 findings as data) or a NotificationException, and the result must be readable whole and
// printable as ExaBGP's JSON, as the Rib and the helper events read it. Anything else thrown is a finding.
package org.bgpekko.fuzz;

import java.util.Set;
import org.bgpekko.api.json.ExaJson;
import org.bgpekko.wire.BgpMessage;
import org.bgpekko.wire.Family;
import org.bgpekko.wire.MessageCodec;
import org.bgpekko.wire.NotificationException;
import org.bgpekko.wire.SessionOptions;
import org.bgpekko.wire.Update;
import org.bgpekko.wire.attribute.MpReachNlri;
import org.bgpekko.wire.attribute.MpUnreachNlri;
import org.bgpekko.wire.attribute.PathAttribute;
import org.bgpekko.wire.nlri.NlriBlock;

public final class UpdateFuzzer {
    private static final ExaJson JSON = new ExaJson("fuzz", 1, 1, () -> 0.0);
    private static final ExaJson.Neighbor NEIGHBOR = new ExaJson.Neighbor("127.0.0.1", "127.0.0.2", 65000, 65001);
    private static final Set<Family> ADD_PATH = Set.of(Family.IPV4_UNICAST, Family.IPV6_UNICAST,
            Family.IPV4_MPLS_VPN, Family.IPV4_NLRI_MPLS);

    private UpdateFuzzer() {}

    /** Bit 0: 4-octet AS; bit 1: ADD-PATH received; bit 2: extended next hop; bit 3: extended messages. */
    static SessionOptions options(int flags) {
        return new SessionOptions((flags & 1) != 0, (flags & 2) != 0 ? ADD_PATH : Set.of(), Set.of(),
                (flags & 4) != 0 ? Set.of(Family.IPV4_UNICAST, Family.IPV4_MPLS_VPN) : Set.of(),
                (flags & 8) != 0 ? SessionOptions.EXTENDED_MAX : SessionOptions.STANDARD_MAX);
    }

    public static void fuzzerTestOneInput(byte[] data) {
        if (data.length == 0) {
            return;
        }
        byte[] frame = frame(BgpMessage.UPDATE, data, 1);
        if (frame == null) {
            return;
        }
        BgpMessage m;
        try {
            m = MessageCodec.decode(frame, options(data[0]));
        } catch (NotificationException expected) {
            return;
        }
        Update u = (Update) m;
        readWhole(u.withdrawn());
        readWhole(u.nlri());
        for (PathAttribute a : u.attributes().list()) {
            if (a instanceof MpReachNlri r) {
                readWhole(r.nlri());
            } else if (a instanceof MpUnreachNlri r) {
                readWhole(r.nlri());
            }
            a.toString();
        }
        u.errors().forEach(Object::toString);
        u.errorAction();
        u.endOfRibFamily();
        JSON.update(NEIGHBOR, "in", 1, u);
    }

    /** A message of {@code type} whose body is {@code data} from {@code from} on; null when too long to frame. */
    static byte[] frame(int type, byte[] data, int from) {
        int body = data.length - from;
        if (body + BgpMessage.HEADER_LENGTH > SessionOptions.EXTENDED_MAX) {
            return null; // the length field has 16 bits
        }
        byte[] frame = new byte[BgpMessage.HEADER_LENGTH + body];
        java.util.Arrays.fill(frame, 0, BgpMessage.MARKER_LENGTH, (byte) 0xFF);
        frame[16] = (byte) (frame.length >> 8);
        frame[17] = (byte) frame.length;
        frame[18] = (byte) type;
        System.arraycopy(data, from, frame, BgpMessage.HEADER_LENGTH, body);
        return frame;
    }

    private static void readWhole(NlriBlock block) {
        block.forEach(n -> n.toString());
    }
}
