// A scenario file that cannot be run: where (file:line:column) and what is wrong.
package org.bgpekko.sim;

import java.nio.file.Path;

public final class ScenarioException extends RuntimeException {
    public ScenarioException(Path file, int line, int column, String message) {
        super(file + ":" + line + ":" + column + ": " + message);
    }

    public ScenarioException(Path file, Where at, String message) {
        this(file, at.line(), at.column(), message);
    }

    /** A position in a scenario file. */
    public record Where(int line, int column) {}
}
