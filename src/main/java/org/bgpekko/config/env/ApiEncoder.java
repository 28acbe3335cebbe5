// The encoders ExaBGP's api.encoder accepts for helper processes: text or json.
package org.bgpekko.config.env;

import java.util.Locale;
import java.util.Optional;

public enum ApiEncoder {
    TEXT, JSON;

    /** The encoder named, in any case, as ExaBGP's parsing.api reads it. */
    public static Optional<ApiEncoder> parse(String text) {
        String name = text.toLowerCase(Locale.ROOT);
        for (ApiEncoder encoder : values()) {
            if (encoder.toString().equals(name)) {
                return Optional.of(encoder);
            }
        }
        return Optional.empty();
    }

    /** Lower case, as ExaBGP writes it. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
