// Small helpers for ExaBGP-shaped JSON text: quoting through Jackson, and ExaBGP's list spacing.
package org.bgpekko.api.json;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.math.BigDecimal;
import java.util.List;

public final class JsonText {
    private JsonText() {}

    /** A JSON string literal, escaped. */
    public static String quote(String s) {
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(s)) + "\"";
    }

    /** {@code "key": value}. */
    public static String kv(String key, String rawValue) {
        return quote(key) + ": " + rawValue;
    }

    /** {@code "key": "value"}. */
    public static String ks(String key, String value) {
        return quote(key) + ": " + quote(value);
    }

    /** ExaBGP's object: {@code { a, b }}, or {@code { }} when empty. */
    public static String object(List<String> members) {
        return members.isEmpty() ? "{ }" : "{ " + String.join(", ", members) + " }";
    }

    /** ExaBGP's list: {@code [ a, b ]}, or {@code [ ]} when empty. */
    static String list(List<String> items) {
        return items.isEmpty() ? "[ ]" : "[ " + String.join(", ", items) + " ]";
    }

    /** A time in seconds as Python prints a float: plain notation, shortest digits. */
    static String seconds(double t) {
        String plain = new BigDecimal(Double.toString(t)).toPlainString();
        return plain.contains(".") ? plain : plain + ".0";
    }

    /**
     * A double as Python's json.dumps writes a float: repr digits, positional from 1e-4 to 1e16. NaN and the
     * infinities, which JSON cannot hold, are null (Python writes NaN and Infinity: D6).
     */
    static String pythonFloat(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return "null";
        }
        if (d == 0) {
            return 1 / d < 0 ? "-0.0" : "0.0";
        }
        BigDecimal bd = new BigDecimal(Double.toString(d)).stripTrailingZeros();
        int exponent = bd.precision() - bd.scale() - 1;
        if (exponent >= -4 && exponent < 16) {
            String plain = bd.toPlainString();
            return plain.contains(".") ? plain : plain + ".0";
        }
        String digits = bd.unscaledValue().abs().toString();
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return (d < 0 ? "-" : "") + mantissa + "e" + (exponent < 0 ? "-" : "+")
                + (Math.abs(exponent) < 10 ? "0" : "") + Math.abs(exponent);
    }

    static String hex0x(org.bgpekko.wire.Bytes b) {
        return "0x" + b.hex();
    }
}
