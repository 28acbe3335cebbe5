// Helpers of the hex-vector tests: the header marker, length fields, and UPDATEs assembled from hex parts.
package org.bgpekko.wire;

import java.util.Arrays;

final class VectorSupport {
    static final String MARKER = "FF".repeat(16);

    private VectorSupport() {}

    static byte[] hex(String hex) {
        return Hex.decode(hex);
    }

    /** One length byte for this hex (its byte count). */
    static String len8(String hex) {
        return String.format("%02X", hex.length() / 2);
    }

    static String len16(int length) {
        return String.format("%04X", length);
    }

    static byte[] withHeader(int type, byte[] body) {
        byte[] wire = new byte[BgpMessage.HEADER_LENGTH + body.length];
        Arrays.fill(wire, 0, BgpMessage.MARKER_LENGTH, (byte) 0xFF);
        wire[16] = (byte) (wire.length >>> 8);
        wire[17] = (byte) wire.length;
        wire[18] = (byte) type;
        System.arraycopy(body, 0, wire, BgpMessage.HEADER_LENGTH, body.length);
        return wire;
    }

    /** An UPDATE from its three fields in hex; the two length fields and the header are computed. */
    static byte[] update(String withdrawn, String attributes, String nlri) {
        return hex(MARKER + len16(23 + (withdrawn.length() + attributes.length() + nlri.length()) / 2) + "02"
                + len16(withdrawn.length() / 2) + withdrawn + len16(attributes.length() / 2) + attributes + nlri);
    }
}
