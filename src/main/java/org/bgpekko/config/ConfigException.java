// A configuration error with its position: "file:line:column: what is wrong (what was expected)".
package org.bgpekko.config;

import java.nio.file.Path;

public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final int line;
    private final int column;

    public ConfigException(Path file, int line, int column, String message) {
        super(message, null, false, false);
        this.file = file;
        this.line = line;
        this.column = column;
    }

    public ConfigException(Path file, Token at, String message) {
        this(file, at.line(), at.column(), message);
    }

    public Path file() {
        return file;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    /** The one-line form operators and tests read. */
    public String describe() {
        return file + ":" + line + ":" + column + ": " + getMessage();
    }

    @Override
    public String toString() {
        return describe();
    }
}
