// The BGP messages the test peer writes, the echoed OPEN, and framed reading of the speaker's messages.
package org.bgpekko.qa;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.OptionalInt;

public final class Messages {
    public static final int HEADER = 19;
    public static final int OPEN = 1;
    public static final int UPDATE = 2;
    public static final int NOTIFICATION = 3;
    public static final int KEEPALIVE = 4;
    public static final int ROUTE_REFRESH = 5;

    private static final byte[] UNKNOWN_CAPABILITY_TEXT = "loremipsum".getBytes(StandardCharsets.US_ASCII);

    private Messages() {}

    /** Builds a message: marker, length, type, body. */
    public static byte[] message(int type, byte[] body) {
        int length = HEADER + body.length;
        byte[] out = new byte[length];
        Arrays.fill(out, 0, 16, (byte) 0xFF);
        out[16] = (byte) (length >> 8);
        out[17] = (byte) length;
        out[18] = (byte) type;
        System.arraycopy(body, 0, out, HEADER, body.length);
        return out;
    }

    public static byte[] keepalive() {
        return message(KEEPALIVE, new byte[0]);
    }

    /** NOTIFICATION Cease (6), subcode 0, the text as data. */
    public static byte[] cease(String text) {
        byte[] data = text.getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[2 + data.length];
        body[0] = 6;
        body[1] = 0;
        System.arraycopy(data, 0, body, 2, data.length);
        return message(NOTIFICATION, body);
    }

    /** ORIGIN IGP, empty AS_PATH, NEXT_HOP 127.0.0.1, LOCAL_PREF 100, NLRI 0.0.0.0/32. */
    public static byte[] defaultRoute() {
        return message(UPDATE, Hex.parse("0000" + "0015" + "40010100" + "400200" + "4003047F000001"
                + "40050400000064" + "2000000000"));
    }

    /** A 19-byte message of type 255. */
    public static byte[] unknownType() {
        return message(255, new byte[0]);
    }

    public static int type(byte[] message) {
        return message[18] & 0xFF;
    }

    /** An UPDATE whose body is 4 (IPv4 unicast) or 11 (MP_UNREACH) bytes: an End-of-RIB. */
    public static boolean isEndOfRib(byte[] message) {
        int body = message.length - HEADER;
        return type(message) == UPDATE && (body == 4 || body == 11);
    }

    /** Reads one message framed on its length field; null on a clean end of stream before a header. */
    public static byte[] read(InputStream in) throws IOException {
        byte[] header = in.readNBytes(HEADER);
        if (header.length == 0) {
            return null;
        }
        if (header.length < HEADER) {
            throw new EOFException("connection closed inside a message header (" + header.length + " bytes)");
        }
        int length = ((header[16] & 0xFF) << 8) | (header[17] & 0xFF);
        if (length < HEADER) {
            throw new IOException("invalid BGP length " + length + " in header " + Hex.of(header));
        }
        byte[] out = Arrays.copyOf(header, length);
        int got = in.readNBytes(out, HEADER, length - HEADER);
        if (got < length - HEADER) {
            throw new EOFException("connection closed inside a message body: " + Hex.of(Arrays.copyOf(out, HEADER + got)));
        }
        return out;
    }

    /**
     * The speaker's OPEN as the peer answers it: without an AS the last byte of the BGP identifier is
     * incremented (mod 256); with an AS the 2-byte My AS is replaced, as is the 4-byte value of the first
     * capability-parameter whose first capability is ASN4 (65), and the identifier is kept. With
     * {@code unknownCapability} one more parameter (capability 66, "loremipsum") is appended.
     */
    public static byte[] echoOpen(byte[] open, OptionalInt asn, boolean unknownCapability) {
        if (type(open) != OPEN || open.length < HEADER + 10) {
            throw new IllegalArgumentException("not an OPEN: " + Hex.of(open));
        }
        byte[] out = open.clone();
        int body = HEADER;
        if (asn.isEmpty()) {
            out[body + 8] = (byte) (out[body + 8] + 1);
        } else {
            int as = asn.getAsInt();
            out[body + 1] = (byte) (as >> 8);
            out[body + 2] = (byte) as;
            int at = asn4Value(out);
            if (at >= 0) {
                out[at] = (byte) (as >>> 24);
                out[at + 1] = (byte) (as >>> 16);
                out[at + 2] = (byte) (as >>> 8);
                out[at + 3] = (byte) as;
            }
        }
        return unknownCapability ? withUnknownCapability(out) : out;
    }

    private static boolean extendedParameters(byte[] open) {
        return open.length >= HEADER + 13 && (open[HEADER + 9] & 0xFF) == 255 && (open[HEADER + 10] & 0xFF) == 255;
    }

    /** Offset of the 4-byte AS of the first parameter starting with capability 65, or -1. */
    private static int asn4Value(byte[] open) {
        boolean ext = extendedParameters(open);
        int at = HEADER + (ext ? 13 : 10);
        int lenSize = ext ? 2 : 1;
        while (at + 1 + lenSize <= open.length) {
            int type = open[at] & 0xFF;
            int len = ext ? ((open[at + 1] & 0xFF) << 8) | (open[at + 2] & 0xFF) : open[at + 1] & 0xFF;
            int value = at + 1 + lenSize;
            if (type == 2 && len >= 6 && value + 6 <= open.length && (open[value] & 0xFF) == 65) {
                return value + 2;
            }
            at = value + len;
        }
        return -1;
    }

    private static byte[] withUnknownCapability(byte[] open) {
        boolean ext = extendedParameters(open);
        byte[] cap = new byte[2 + UNKNOWN_CAPABILITY_TEXT.length];
        cap[0] = 66;
        cap[1] = (byte) UNKNOWN_CAPABILITY_TEXT.length;
        System.arraycopy(UNKNOWN_CAPABILITY_TEXT, 0, cap, 2, UNKNOWN_CAPABILITY_TEXT.length);
        byte[] param = ext ? new byte[3 + cap.length] : new byte[2 + cap.length];
        param[0] = 2;
        if (ext) {
            param[1] = (byte) (cap.length >> 8);
            param[2] = (byte) cap.length;
        } else {
            param[1] = (byte) cap.length;
        }
        System.arraycopy(cap, 0, param, ext ? 3 : 2, cap.length);
        byte[] out = Arrays.copyOf(open, open.length + param.length);
        System.arraycopy(param, 0, out, open.length, param.length);
        int length = out.length;
        out[16] = (byte) (length >> 8);
        out[17] = (byte) length;
        if (ext) {
            int optLen = (((out[HEADER + 11] & 0xFF) << 8) | (out[HEADER + 12] & 0xFF)) + param.length;
            out[HEADER + 11] = (byte) (optLen >> 8);
            out[HEADER + 12] = (byte) optLen;
        } else {
            out[HEADER + 9] = (byte) ((out[HEADER + 9] & 0xFF) + param.length);
        }
        return out;
    }
}
