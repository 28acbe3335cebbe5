// An "api [NAME] { … }" block of a neighbor: which helpers get which events.
package org.bgpekko.config;

import java.util.List;
import java.util.Set;

/**
 * @param receive the words of the receive block (parsed, packets, consolidate, open, update, …)
 * @param send the words of the send block
 */
public record ApiConfig(String name, List<String> processes, List<String> processesMatch, boolean neighborChanges,
                        Set<String> receive, Set<String> send) {
    public ApiConfig {
        processes = List.copyOf(processes);
        processesMatch = List.copyOf(processesMatch);
        receive = Set.copyOf(receive);
        send = Set.copyOf(send);
    }
}
