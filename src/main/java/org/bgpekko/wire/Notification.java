// NOTIFICATION (RFC 4271 section 4.5) with RFC 8203/9003 shutdown communication for Cease 2 and 4.
package org.bgpekko.wire;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

public record Notification(int code, int subcode, Bytes data) implements BgpMessage {
    public static final int MESSAGE_HEADER_ERROR = 1;
    public static final int OPEN_MESSAGE_ERROR = 2;
    public static final int UPDATE_MESSAGE_ERROR = 3;
    public static final int HOLD_TIMER_EXPIRED = 4;
    public static final int FSM_ERROR = 5;
    public static final int CEASE = 6;
    public static final int ROUTE_REFRESH_ERROR = 7;
    /** RFC 9687. */
    public static final int SEND_HOLD_TIMER_EXPIRED = 8;

    public static final int CEASE_ADMINISTRATIVE_SHUTDOWN = 2;
    public static final int CEASE_ADMINISTRATIVE_RESET = 4;

    public Notification {
        if (code < 0 || code > 255 || subcode < 0 || subcode > 255) {
            throw new IllegalArgumentException("notification code/subcode out of range");
        }
    }

    /** A Cease with a shutdown communication: length byte then UTF-8 text, cut to 255 bytes (RFC 9003). */
    public static Notification cease(int subcode, String text) {
        byte[] raw = text.getBytes(StandardCharsets.UTF_8);
        int n = Math.min(raw.length, 255);
        while (n > 0 && n < raw.length && (raw[n] & 0xC0) == 0x80) {
            n--; // do not cut a UTF-8 sequence
        }
        byte[] data = new byte[n + 1];
        data[0] = (byte) n;
        System.arraycopy(raw, 0, data, 1, n);
        return new Notification(CEASE, subcode, Bytes.of(data));
    }

    /** The shutdown communication of a Cease 2/4, when the data is a well-formed one. */
    public Optional<String> shutdownCommunication() {
        if (code != CEASE || (subcode != CEASE_ADMINISTRATIVE_SHUTDOWN && subcode != CEASE_ADMINISTRATIVE_RESET)
                || data.isEmpty() || data.get(0) != data.length() - 1) {
            return Optional.empty();
        }
        try {
            byte[] raw = data.toArray();
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(raw, 1, raw.length - 1)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    @Override
    public int type() {
        return NOTIFICATION;
    }

    /** RFC 4271 / IANA names of a code and subcode. */
    public static String describe(int code, int subcode) {
        String[] codes = {"unspecified", "Message header error", "OPEN message error", "UPDATE message error",
            "Hold timer expired", "State machine error", "Cease", "Route refresh message error",
            "Send hold timer expired"};
        String c = code < codes.length ? codes[code] : "code " + code;
        String[] sub = switch (code) {
            case MESSAGE_HEADER_ERROR -> new String[] {"unspecific", "Connection not synchronised",
                "Bad message length", "Bad message type"};
            case OPEN_MESSAGE_ERROR -> new String[] {"unspecific", "Unsupported version number", "Bad peer AS",
                "Bad BGP identifier", "Unsupported optional parameter", "Authentication notification",
                "Unacceptable hold time", "Unsupported capability", "Role mismatch"};
            case UPDATE_MESSAGE_ERROR -> new String[] {"unspecific", "Malformed attribute list",
                "Unrecognized well-known attribute", "Missing well-known attribute", "Attribute flags error",
                "Attribute length error", "Invalid ORIGIN attribute", "AS routing loop",
                "Invalid NEXT_HOP attribute", "Optional attribute error", "Invalid network field",
                "Malformed AS_PATH"};
            case FSM_ERROR -> new String[] {"unspecified", "Receive unexpected message in OpenSent state",
                "Receive unexpected message in OpenConfirm state", "Receive unexpected message in Established state"};
            case CEASE -> new String[] {"unspecified", "Maximum number of prefixes reached",
                "Administrative shutdown", "Peer de-configured", "Administrative reset", "Connection rejected",
                "Other configuration change", "Connection collision resolution", "Out of resources",
                "Hard reset", "BFD down"};
            case ROUTE_REFRESH_ERROR -> new String[] {"reserved", "Invalid message length"};
            default -> new String[0];
        };
        return c + ", " + (subcode < sub.length ? sub[subcode] : "subcode " + subcode);
    }
}
