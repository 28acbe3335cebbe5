// Hex conversion and the marker:length:type:body display of BGP messages.
package org.bgpekko.qa;

import java.util.HexFormat;

public final class Hex {
    private static final HexFormat UPPER = HexFormat.of().withUpperCase();

    private Hex() {}

    public static String of(byte[] bytes) {
        return UPPER.formatHex(bytes);
    }

    public static byte[] parse(String hex) {
        return HexFormat.of().parseHex(hex.replace(":", ""));
    }

    /** Splits a full message hex as marker:length:type:body (the shape the .msg files use). */
    public static String split(String hex) {
        if (hex.length() < 38 || !hex.startsWith("F".repeat(32))) {
            return hex;
        }
        return hex.substring(0, 32) + ":" + hex.substring(32, 36) + ":" + hex.substring(36, 38) + ":"
                + hex.substring(38);
    }
}
