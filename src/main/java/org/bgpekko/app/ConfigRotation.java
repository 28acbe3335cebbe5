// The configuration files of `run`: which one is current, and which one a reload switches to.
package org.bgpekko.app;

import java.nio.file.Path;
import java.util.List;
import org.bgpekko.config.ConfigParser;
import org.bgpekko.config.Configuration;

/**
 * With {@code exabgp.debug.rotate} each reload moves to the next file, cyclically; without it a reload
 * re-reads the current file.
 */
final class ConfigRotation {
    private final List<Path> files;
    private final boolean rotate;
    private int current;

    ConfigRotation(List<Path> files, boolean rotate) {
        this.files = List.copyOf(files);
        this.rotate = rotate;
    }

    Configuration load() {
        return RunCommand.supported(ConfigParser.parse(files.get(current)));
    }

    /** Parses the file a reload switches to; the switch only happens if it parses. */
    Configuration next() {
        int next = rotate ? (current + 1) % files.size() : current;
        Configuration c = RunCommand.supported(ConfigParser.parse(files.get(next)));
        current = next;
        return c;
    }
}
