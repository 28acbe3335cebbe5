// The log levels ExaBGP's log.level accepts (Python logging's names, exabgp/logger/handler.py `levels`).
package org.bgpekko.config.env;

import java.util.Locale;
import java.util.Optional;

public enum LogLevel {
    FATAL(50), CRITICAL(50), ERROR(40), WARNING(30), INFO(20), DEBUG(10), NOTSET(0);

    private final int severity;

    LogLevel(int severity) {
        this.severity = severity;
    }

    /** Python logging's number: messages at or above it are logged. */
    public int severity() {
        return severity;
    }

    /** The level named, in any case, as ExaBGP's syslog_value reads it. */
    public static Optional<LogLevel> parse(String text) {
        String name = text.toUpperCase(Locale.ROOT);
        for (LogLevel level : values()) {
            if (level.name().equals(name)) {
                return Optional.of(level);
            }
        }
        return Optional.empty();
    }
}
