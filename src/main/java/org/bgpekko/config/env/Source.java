// Where a setting's text came from, as error messages name it: an environment variable, the command line, or file:line.
package org.bgpekko.config.env;

public record Source(String where) {
    public static Source environment(String name) {
        return new Source("environment variable " + name);
    }

    public static Source commandLine(String name) {
        return new Source("command line setting " + name);
    }

    public static Source file(String file, int line) {
        return new Source(file + ":" + line);
    }

    public static Source file(String file) {
        return new Source(file);
    }

    @Override
    public String toString() {
        return where;
    }
}
