// Parses ExaBGP's configuration language into a Configuration; every error carries file:line:column.
package org.bgpekko.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

public final class ConfigParser {
    private final Path file;
    private final Map<String, Node.Section> templates = new LinkedHashMap<>();
    private final List<ProcessConfig> processes = new ArrayList<>();
    private final List<NeighborConfig> neighbors = new ArrayList<>();

    private ConfigParser(Path file) {
        this.file = file;
    }

    public static Configuration parse(Path file) throws IOException {
        return parse(file, Files.readString(file, StandardCharsets.UTF_8));
    }

    public static Configuration parse(Path file, String text) {
        ConfigParser p = new ConfigParser(file);
        p.run(TreeBuilder.build(file, Tokenizer.tokenize(file, text)));
        return new Configuration(file, p.processes, p.neighbors);
    }

    private void run(List<Node> top) {
        List<Node.Section> neighborSections = new ArrayList<>();
        for (Node n : top) {
            String key = n.head().text().toLowerCase(Locale.ROOT);
            if (!(n instanceof Node.Section s)) {
                throw error(n.head(), "unexpected '" + n.head() + "' at the top level (expected process, neighbor "
                        + "or template)");
            }
            switch (key) {
                case "process" -> processes.add(ProcessParser.parse(file, s));
                case "neighbor", "peer" -> neighborSections.add(s);
                case "template" -> collectTemplates(s);
                default -> throw error(n.head(), "unknown section '" + n.head() + "' (expected process, neighbor or "
                        + "template)");
            }
        }
        Set<String> processNames = new HashSet<>();
        for (ProcessConfig pc : processes) {
            if (!processNames.add(pc.name())) {
                throw error(top.get(0).head(), "process '" + pc.name() + "' is defined twice");
            }
        }
        Set<String> seen = new HashSet<>();
        for (Node.Section s : neighborSections) {
            NeighborConfig nc = NeighborParser.parse(file, s, templates, processNames);
            String key = nc.peerAddress() + " " + nc.localAddress() + " " + nc.localAs() + " " + nc.peerAs();
            if (!seen.add(key)) {
                throw error(s.head(), "neighbor " + nc.peerAddress() + " is defined twice with the same "
                        + "local-address, local-as and peer-as");
            }
            neighbors.add(nc);
        }
    }

    private void collectTemplates(Node.Section template) {
        Words head = new Words(file, template.statement(), 1);
        head.end();
        for (Node n : template.children()) {
            if (!(n instanceof Node.Section s) || !n.head().is("neighbor")) {
                throw error(n.head(), "unexpected '" + n.head() + "' in template (expected neighbor NAME { … })");
            }
            Words w = new Words(file, s.statement(), 1);
            Token name = w.next("template neighbor name");
            w.end();
            if (templates.put(name.text(), s) != null) {
                throw error(name, "template neighbor '" + name + "' is defined twice");
            }
        }
    }

    private ConfigException error(Token at, String message) {
        return new ConfigException(file, at, message);
    }
}
