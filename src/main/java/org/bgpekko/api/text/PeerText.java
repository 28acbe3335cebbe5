// Text a peer controls (host name, software version), made safe for one line of a text event.
package org.bgpekko.api.text;

/**
 * ExaBGP writes such text verbatim, so a peer whose host name holds a newline can add a line of its own choosing to
 * a helper's events (a forged "neighbor … receive update announced …"). Here a backslash becomes {@code \\}, and
 * every character that some line reader takes as a line end or that is not printable (C0 and C1 controls, DEL,
 * U+2028, U+2029) becomes {@code \xHH} or {@code \\uHHHH}; everything else is kept.
 */
public final class PeerText {
    private PeerText() {}

    public static String escape(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String replacement = c == '\\' ? "\\\\"
                    : c < 0x20 || c >= 0x7F && c <= 0x9F ? String.format("\\x%02x", (int) c)
                    : c == '\u2028' || c == '\u2029' ? String.format("\\u%04x", (int) c)
                    : null;
            if (replacement != null && out == null) {
                out = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            if (out != null) {
                if (replacement != null) {
                    out.append(replacement);
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? s : out.toString();
    }
}
