// Messages and contexts the encoder tests share: wire hex decoded by the real codec.
package org.bgpekko.api;

import java.util.Optional;
import org.bgpekko.wire.BgpMessage;
import org.bgpekko.wire.Bytes;
import org.bgpekko.wire.Hex;
import org.bgpekko.wire.MessageCodec;
import org.bgpekko.wire.SessionOptions;

final class EncoderFixtures {
    static final String MARKER = "FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF";

    /** api-rr's received route: ORIGIN IGP, empty AS_PATH, NEXT_HOP 10.0.0.0, LOCAL_PREF 100, 192.168.0.0/32. */
    static final String RR_UPDATE = MARKER + "0031" + "02" + "0000" + "0015" + "40010100" + "400200" + "4003040A000000"
            + "40050400000064" + "20C0A80000";

    /** api-check's received default route 0.0.0.0/32 via 127.0.0.1. */
    static final String CHECK_UPDATE = MARKER + "0031" + "02" + "0000" + "0015" + "40010100" + "400200"
            + "4003047F000001" + "40050400000064" + "2000000000";

    /** A withdrawal of 10.0.0.0/8 and 192.168.1.0/24 via 1.1.1.1, AS_PATH [65001 65002], MED 200, 2 communities. */
    static final String MIXED_UPDATE = MARKER + "0047" + "02" + "0002" + "080A" + "002A" + "40010100"
            + "40020A02020000FDE90000FDEA" + "40030401010101" + "800404000000C8" + "C0080800020001FFFFFF01"
            + "18C0A801";

    static final String KEEPALIVE = MARKER + "001304";

    /** Cease / administrative reset with the RFC 8203 text "Administrative Reset". */
    static final String NOTIFICATION = MARKER + "002A" + "03" + "0604" + "14" + "41646D696E69737472617469766520"
            + "5265736574";

    private EncoderFixtures() {}

    static BgpMessage message(String hex) {
        return MessageCodec.decode(Hex.decode(hex), SessionOptions.DEFAULT);
    }

    static Bytes raw(String hex) {
        return Bytes.fromHex(hex);
    }

    static EventContext ctx(String peer, long as, String direction, long counter) {
        return new EventContext("127.0.0.1", peer, as, as, direction, counter, Optional.empty());
    }
}
