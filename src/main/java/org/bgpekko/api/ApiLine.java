// One parsed helper-API line: the neighbour selectors and the command.
package org.bgpekko.api;

import java.util.List;
import org.bgpekko.config.NeighborConfig;

/**
 * @param selectors who the command is for; empty = every neighbour the helper is attached to. A neighbour is
 *     meant when any selector matches it.
 */
public record ApiLine(List<Selector> selectors, ApiCommand command) {
    public ApiLine {
        selectors = List.copyOf(selectors);
    }

    /** True when the command is for this neighbour (no selector, or one that matches). */
    public boolean matches(NeighborConfig n) {
        return selectors.isEmpty() || selectors.stream().anyMatch(s -> s.matches(n));
    }
}
