// A setting that cannot be used: unknown, ill-typed, or a malformed ini file; the message names the source.
package org.bgpekko.config.env;

public final class EnvironmentException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final transient Source source;

    public EnvironmentException(Source source, String message) {
        super(source + ": " + message);
        this.source = source;
    }

    public Source source() {
        return source;
    }
}
