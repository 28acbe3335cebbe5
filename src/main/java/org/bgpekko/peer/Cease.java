// The NOTIFICATIONs a Peer sends on its own, with the data ExaBGP 5 puts in them.
package org.bgpekko.peer;

import java.util.Map;
import org.bgpekko.wire.Bytes;
import org.bgpekko.wire.Notification;

final class Cease {
    private Cease() {}

    /** ExaBGP's default text per (code, subcode), sent as data when it has nothing more specific to say. */
    private static final Map<Integer, String> TEXT = Map.ofEntries(
            Map.entry(key(5, 0), "Unspecific"),
            Map.entry(key(5, 1), "Receive Unexpected Message in OpenSent State"),
            Map.entry(key(5, 2), "Receive Unexpected Message in OpenConfirm State"),
            Map.entry(key(5, 3), "Receive Unexpected Message in Established State"),
            Map.entry(key(6, 0), "Unspecific"),
            Map.entry(key(6, 1), "Maximum Number of Prefixes Reached"),
            Map.entry(key(6, 2), "Administrative Shutdown"),
            Map.entry(key(6, 3), "Peer De-configured"),
            Map.entry(key(6, 4), "Administrative Reset"),
            Map.entry(key(6, 5), "Connection Rejected"),
            Map.entry(key(6, 6), "Other Configuration Change"),
            Map.entry(key(6, 7), "Connection Collision Resolution"),
            Map.entry(key(6, 8), "Out of Resources"));

    private static int key(int code, int subcode) {
        return code << 8 | subcode;
    }

    /** A NOTIFICATION with ExaBGP's default text for it. */
    static Notification exabgp(int code, int subcode) {
        return text(code, subcode, TEXT.getOrDefault(key(code, subcode), "unknown notification type"));
    }

    /**
     * Cease {@code subcode} with {@code text} (ExaBGP's default text when empty): RFC 8203 form (length byte, then
     * the text) for Administrative Shutdown and Reset, the bare text otherwise, as ExaBGP sends it.
     */
    static Notification text(int code, int subcode, String text) {
        if (code == Notification.CEASE && (subcode == Notification.CEASE_ADMINISTRATIVE_SHUTDOWN
                || subcode == Notification.CEASE_ADMINISTRATIVE_RESET)) {
            return Notification.cease(subcode, text);
        }
        return new Notification(code, subcode, Bytes.ascii(text));
    }

    /** ExaBGP's {@code teardown N}: {@code 06 04 14 "Administrative Reset"} for N = 4. */
    static Notification teardown(int subcode, String text) {
        return text == null || text.isEmpty() ? exabgp(Notification.CEASE, subcode)
                : text(Notification.CEASE, subcode, text);
    }

    static Notification shutdown() {
        return exabgp(Notification.CEASE, Notification.CEASE_ADMINISTRATIVE_SHUTDOWN);
    }

    /** RFC 4271 section 6.8: the connection that lost a collision. */
    static Notification collision() {
        return exabgp(Notification.CEASE, 7);
    }

    static Notification alreadyEstablished() {
        return text(Notification.CEASE, 7, "could not accept the connection, already established");
    }
}
