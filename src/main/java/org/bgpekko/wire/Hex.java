// Hexadecimal text to bytes and back, as BGP tooling writes it (colons and spaces allowed on input).
package org.bgpekko.wire;

public final class Hex {
    private static final char[] DIGITS = "0123456789ABCDEF".toCharArray();

    private Hex() {}

    /** Upper-case hex of buf[off, off+len). */
    public static String encode(byte[] buf, int off, int len) {
        char[] out = new char[len * 2];
        for (int i = 0; i < len; i++) {
            int b = buf[off + i] & 0xFF;
            out[2 * i] = DIGITS[b >>> 4];
            out[2 * i + 1] = DIGITS[b & 0x0F];
        }
        return new String(out);
    }

    public static String encode(byte[] buf) {
        return encode(buf, 0, buf.length);
    }

    /**
     * Parses hex, ignoring ':' ' ' '\t' '_' separators and an optional leading "0x".
     *
     * @throws IllegalArgumentException naming the offending character and its 1-based column
     */
    public static byte[] decode(String text) {
        String s = text.strip();
        int start = s.startsWith("0x") || s.startsWith("0X") ? 2 : 0;
        byte[] tmp = new byte[(s.length() - start) / 2 + 1];
        int n = 0;
        int high = -1;
        for (int i = start; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ':' || c == ' ' || c == '\t' || c == '_') {
                continue;
            }
            int v = Character.digit(c, 16);
            if (v < 0) {
                throw new IllegalArgumentException(
                        "invalid hex character '" + c + "' at column " + (i + 1 + (text.length() - text.stripLeading().length())));
            }
            if (high < 0) {
                high = v;
            } else {
                tmp[n++] = (byte) (high << 4 | v);
                high = -1;
            }
        }
        if (high >= 0) {
            throw new IllegalArgumentException("odd number of hex digits");
        }
        return java.util.Arrays.copyOf(tmp, n);
    }
}
