// Small helpers for ExaBGP-shaped JSON text: quoting through Jackson, and ExaBGP's list spacing.
package org.bgpekko.api.json;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.math.BigDecimal;
import java.util.List;

final class JsonText {
    private JsonText() {}

    /** A JSON string literal, escaped. */
    static String quote(String s) {
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(s)) + "\"";
    }

    /** {@code "key": value}. */
    static String kv(String key, String rawValue) {
        return quote(key) + ": " + rawValue;
    }

    /** {@code "key": "value"}. */
    static String ks(String key, String value) {
        return quote(key) + ": " + quote(value);
    }

    /** ExaBGP's object: {@code { a, b }}, or {@code { }} when empty. */
    static String object(List<String> members) {
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

    static String hex0x(org.bgpekko.wire.Bytes b) {
        return "0x" + b.hex();
    }
}
