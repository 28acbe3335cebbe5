// A parsed configuration: helper processes and neighbors, immutable.
package org.bgpekko.config;

import java.nio.file.Path;
import java.util.List;

public record Configuration(Path file, List<ProcessConfig> processes, List<NeighborConfig> neighbors) {
    public Configuration {
        processes = List.copyOf(processes);
        neighbors = List.copyOf(neighbors);
    }
}
