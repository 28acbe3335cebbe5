// A helper process: "process NAME { run PATH ARGS; encoder text|json; respawn BOOL; }".
package org.bgpekko.config;

import java.util.List;

public record ProcessConfig(String name, List<String> run, String encoder, boolean respawn) {
    public ProcessConfig {
        run = List.copyOf(run);
    }
}
