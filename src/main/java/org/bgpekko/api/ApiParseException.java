// A helper-API line that cannot be understood; the message says what is wrong and what was expected.
package org.bgpekko.api;

public final class ApiParseException extends Exception {
    private static final long serialVersionUID = 1L;

    public ApiParseException(String message) {
        super(message, null, false, false);
    }
}
