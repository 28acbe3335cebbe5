// Fuzz target: any text as one line a helper writes must parse to a command or be refused with an
// ApiParseException (answered `error`); anything else thrown would reach the ApiGateway. A finding otherwise.
package org.bgpekko.fuzz;

import java.nio.charset.StandardCharsets;
import org.bgpekko.api.ApiParseException;
import org.bgpekko.api.ApiParser;

public final class ApiLineFuzzer {
    private ApiLineFuzzer() {}

    public static void fuzzerTestOneInput(byte[] data) {
        String line = new String(data, StandardCharsets.UTF_8); // as the helper reader decodes a line
        try {
            ApiParser.parse(line).toString();
        } catch (ApiParseException expected) {
            // answered `error` to the helper
        }
    }
}
