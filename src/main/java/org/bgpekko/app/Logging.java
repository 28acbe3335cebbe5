// Applies ExaBGP's log settings (exabgp.log.enable, exabgp.log.level, -d) to logback at start-up.
package org.bgpekko.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.bgpekko.config.env.Settings;
import org.slf4j.LoggerFactory;

final class Logging {
    private Logging() {}

    static void apply(Settings.Log log, boolean debug) {
        Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
        if (debug) {
            root.setLevel(Level.DEBUG);
        } else if (!log.enable()) {
            root.setLevel(Level.OFF);
        } else {
            root.setLevel(switch (log.level()) {
                case FATAL, CRITICAL, ERROR -> Level.ERROR;
                case WARNING -> Level.WARN;
                case INFO -> Level.INFO;
                case DEBUG, NOTSET -> Level.DEBUG;
            });
        }
    }
}
