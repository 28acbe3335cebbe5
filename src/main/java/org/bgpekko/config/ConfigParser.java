// Parses ExaBGP's configuration language into a Configuration; every error carries file:line:column, and one
// bad section does not hide the errors of the others.
package org.bgpekko.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.bgpekko.wire.Family;
import org.bgpekko.wire.UpdateFit;
import org.bgpekko.wire.Wire;

public final class ConfigParser {
    /** The outcome of checking one file: the configuration when there is no error, else every error found. */
    public record Result(Configuration configuration, List<ConfigException> errors) {
        public Result {
            errors = List.copyOf(errors);
        }

        public boolean valid() {
            return errors.isEmpty();
        }
    }

    /** At most 2^20 routes per file, after split, over all neighbors: a bound on the memory static routes take. */
    public static final int MAX_ROUTES = 1 << 20;

    /** The configuration file's errors first, then those of the files it names (route-server), each by position. */
    private static Comparator<ConfigException> byPosition(Path file) {
        return Comparator.<ConfigException, Boolean>comparing(e -> !file.equals(e.file()))
                .thenComparing(e -> String.valueOf(e.file()))
                .thenComparingInt(ConfigException::line).thenComparingInt(ConfigException::column);
    }

    private final Path file;
    private final Map<String, Node.Section> templates = new LinkedHashMap<>();
    private final List<ProcessConfig> processes = new ArrayList<>();
    private final List<NeighborConfig> neighbors = new ArrayList<>();
    private final List<ConfigException> errors = new ArrayList<>();

    private ConfigParser(Path file) {
        this.file = file;
    }

    /** Reads and parses a file; throws its first error, a read error ({@link ConfigFile}) included. */
    public static Configuration parse(Path file) {
        return parse(file, ConfigFile.read(file));
    }

    /** Parses a whole file; throws the first error (in file order) when there is any. */
    public static Configuration parse(Path file, String text) {
        Result r = check(file, text);
        if (!r.valid()) {
            throw r.errors().get(0);
        }
        return r.configuration();
    }

    /** Reads and checks a file; a file that cannot be read gives its one error ({@link ConfigFile}). */
    public static Result check(Path file) {
        String text;
        try {
            text = ConfigFile.read(file);
        } catch (ConfigException e) {
            return new Result(null, List.of(e));
        }
        return check(file, text);
    }

    /** Parses a whole file and reports every error it finds, sorted by position, each once. */
    public static Result check(Path file, String text) {
        ConfigParser p = new ConfigParser(file);
        try {
            p.run(TreeBuilder.build(file, Tokenizer.tokenize(file, text)));
        } catch (ConfigException e) { // the text cannot be split into statements: nothing after it is reliable
            p.errors.add(e);
        }
        if (p.errors.isEmpty() && p.neighbors.isEmpty() && p.processes.isEmpty()) {
            p.errors.add(new ConfigException(file, 1, 1, "the configuration has no neighbor and no process: there is "
                    + "nothing to run (expected at least one neighbor IP { … } section)"));
        }
        if (p.errors.isEmpty()) {
            return new Result(new Configuration(file, p.processes, p.neighbors), List.of());
        }
        Map<String, ConfigException> unique = new LinkedHashMap<>();
        p.errors.stream().sorted(byPosition(file)).forEach(e -> unique.putIfAbsent(e.describe(), e));
        return new Result(null, new ArrayList<>(unique.values()));
    }

    private void run(List<Node> top) {
        List<Node.Section> neighborSections = new ArrayList<>();
        Node.Section routeServer = null;
        Set<String> processNames = new LinkedHashSet<>();
        for (Node n : top) {
            String key = n.head().text().toLowerCase(Locale.ROOT);
            try {
                if (!(n instanceof Node.Section s)) {
                    throw error(n.head(), "unexpected '" + n.head() + "' at the top level (expected process, "
                            + "neighbor or template)");
                }
                switch (key) {
                    case "process" -> {
                        ProcessConfig pc = ProcessParser.parse(file, s);
                        if (!processNames.add(pc.name())) {
                            throw error(s.words().get(1), "process '" + pc.name() + "' is defined twice");
                        }
                        processes.add(pc);
                    }
                    case "neighbor", "peer" -> neighborSections.add(s);
                    case "template" -> collectTemplates(s);
                    case "route-server" -> {
                        if (routeServer != null) {
                            throw error(n.head(), "route-server is defined twice (first at line "
                                    + routeServer.head().line() + ")");
                        }
                        routeServer = s;
                    }
                    default -> throw error(n.head(), "unknown section '" + n.head() + "' (expected process, "
                            + "neighbor, template or route-server)");
                }
            } catch (ConfigException e) {
                errors.add(e);
                if (key.equals("process") && n.words().size() > 1) { // a broken process is still defined
                    processNames.add(n.words().get(1).text());
                }
            }
        }
        for (Node.Section t : templates.values()) { // ExaBGP parses a template even when no neighbor uses it
            NeighborParser.template(file, t, processNames, errors);
        }
        Map<String, Token> seen = new HashMap<>();
        List<NeighborConfig> parsed = new ArrayList<>();
        for (Node.Section s : neighborSections) {
            parsed.add(NeighborParser.parse(file, s, templates, processNames, errors));
        }
        if (routeServer != null) {
            parsed.addAll(RouteServerSection.neighbors(file, routeServer, templates, processNames, errors));
        }
        for (NeighborConfig nc : parsed) {
            if (nc == null) {
                continue;
            }
            if (seen.putIfAbsent(index(nc), nc.at()) != null) {
                Token first = seen.get(index(nc));
                errors.add(error(nc.at(), "neighbor " + nc.peerAddress() + " is defined twice (same peer address, "
                        + "local address, AS numbers, router-id and sessions as the neighbor at line " + first.line()
                        + ")"));
                continue;
            }
            neighbors.add(nc);
            for (RouteConfig r : nc.routes()) { // what cannot be sent is refused here, not at the first session
                String unfit = UpdateFit.problem(r.attributes(), r.nlri(), r.split(), r.nextHop());
                if (unfit != null) {
                    errors.add(error(r.at(), unfit));
                }
            }
        }
        checkRouteCount();
    }

    /** Refuses, at the route that crosses it, a file announcing more than {@link #MAX_ROUTES} routes after split. */
    private void checkRouteCount() {
        long total = 0;
        for (NeighborConfig n : neighbors) {
            for (RouteConfig r : n.routes()) {
                total += r.split() < 0 ? 1 : 1L << (r.split() - r.nlri().prefix().length());
                if (total > MAX_ROUTES) {
                    errors.add(error(r.at(), "the configuration announces more than " + MAX_ROUTES + " routes "
                            + "(counting split routes, for every neighbor) at "
                            + (r.nlri().hasPrefix() ? "route " + r.nlri().prefix() : "this route") + " of neighbor " + n.peerAddress() + " (announce large tables from a helper process)"));
                    return;
                }
            }
        }
    }

    /** ExaBGP's identity of a neighbor (Neighbor.index): two neighbors may not share it. */
    static String index(NeighborConfig n) {
        String session = n.capability().multiSession()
                ? String.join("/", n.families().stream().map(Family::toString).sorted().toList()) : "in-open";
        return "neighbor " + n.peerAddress() + " local-ip " + (n.localAddress() == null ? "auto" : n.localAddress())
                + " local-as " + asText(n.localAs()) + " peer-as " + asText(n.peerAs()) + " router-id "
                + (n.routerId() < 0 ? "none" : Wire.ipv4(n.routerId())) + " family-allowed " + session;
    }

    private static String asText(long as) {
        return as == NeighborConfig.AUTO_AS ? "auto" : Long.toString(as);
    }

    private void collectTemplates(Node.Section template) {
        Words head = new Words(file, template.statement(), 1);
        head.end();
        for (Node n : template.children()) {
            try {
                if (!(n instanceof Node.Section s) || !n.head().is("neighbor")) {
                    throw error(n.head(), "unexpected '" + n.head() + "' in template (expected neighbor NAME { … })");
                }
                Words w = new Words(file, s.statement(), 1);
                Token name = w.next("template neighbor name");
                w.end();
                if (templates.putIfAbsent(name.text(), s) != null) {
                    throw error(name, "template neighbor '" + name + "' is defined twice");
                }
            } catch (ConfigException e) {
                errors.add(e);
            }
        }
    }

    private ConfigException error(Token at, String message) {
        return new ConfigException(file, at, message);
    }
}
