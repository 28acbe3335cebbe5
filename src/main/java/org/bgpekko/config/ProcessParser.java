// Parses "process NAME { run PATH [ARGS]; encoder text|json; respawn BOOL; }".
package org.bgpekko.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

final class ProcessParser {
    private ProcessParser() {}

    static ProcessConfig parse(Path file, Node.Section s) {
        Words head = new Words(file, s.statement(), 1);
        Token name = head.next("process name");
        head.end();
        List<String> run = null;
        String encoder = "text";
        boolean respawn = true;
        for (Node n : s.children()) {
            if (!(n instanceof Node.Setting)) {
                throw new ConfigException(file, n.head(), "unexpected section '" + n.head() + "' in process");
            }
            Words w = new Words(file, n.statement(), 1);
            switch (n.head().text().toLowerCase(Locale.ROOT)) {
                case "run" -> {
                    run = new ArrayList<>();
                    while (w.hasNext()) {
                        run.add(w.next("program").text());
                    }
                    if (run.isEmpty()) {
                        throw w.error(n.statement().terminator(), "missing program after run");
                    }
                }
                case "encoder" -> {
                    Token t = w.next("encoder text or json");
                    if (!t.is("text") && !t.is("json")) {
                        throw w.error(t, "unknown encoder '" + t + "' (expected text or json)");
                    }
                    encoder = t.text();
                    w.end();
                }
                case "respawn" -> {
                    respawn = w.bool("respawn", true);
                    w.end();
                }
                default -> throw w.error(n.head(), "unknown process setting '" + n.head()
                        + "' (expected run, encoder or respawn)");
            }
        }
        if (run == null) {
            throw new ConfigException(file, name, "process " + name + " has no run command");
        }
        return new ProcessConfig(name.text(), run, encoder, respawn);
    }
}
