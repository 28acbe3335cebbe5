// The "route-server { general …; clients …; bogons …; irr …; template …; perform-graceful-shutdown …; rtr-cache …; }"
// section: arouteserver's files, each client address a neighbour.
package org.bgpekko.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

final class RouteServerSection {
    private RouteServerSection() {}

    /** The neighbours of the section's clients; errors (this file's and the YAML files') go to {@code errors}. */
    static List<NeighborConfig> neighbors(Path file, Node.Section s, Map<String, Node.Section> templates,
                                          Set<String> processes, List<ConfigException> errors) {
        Path general = null;
        Path clients = null;
        Path bogons = null;
        Path irr = null;
        Node.Section template = null;
        boolean performGshut = false;
        RsPolicy.RtrCache rtr = null;
        Token rtrAt = null;
        Token clientsAt = s.head();
        int before = errors.size();
        new Words(file, s.statement(), 1).end();
        for (Node n : s.children()) {
            try {
                Words w = new Words(file, n.statement(), 1);
                if (n instanceof Node.Section) {
                    throw w.error(n.head(), "unexpected section '" + n.head() + "' in route-server (expected general, "
                            + "clients, bogons, irr, template, perform-graceful-shutdown or rtr-cache)");
                }
                String key = n.head().text().toLowerCase(Locale.ROOT);
                switch (key) {
                    case "general" -> general = path(file, w);
                    case "clients" -> {
                        clientsAt = n.head();
                        clients = path(file, w);
                    }
                    case "bogons" -> bogons = path(file, w);
                    case "irr" -> irr = path(file, w);
                    case "perform-graceful-shutdown" -> performGshut = w.bool("perform-graceful-shutdown", true);
                    case "rtr-cache" -> {
                        rtrAt = n.head();
                        var address = w.ip("RTR cache address");
                        int port = w.hasNext() ? (int) w.number("RTR cache port", 1, 65535)
                                : RsPolicy.RtrCache.DEFAULT_PORT;
                        rtr = new RsPolicy.RtrCache(address, port);
                    }
                    case "template" -> {
                        Token name = w.next("template neighbor name");
                        template = templates.get(name.text());
                        if (template == null) {
                            throw w.error(name, "unknown template '" + name + "' (defined: " + templates.keySet() + ")");
                        }
                    }
                    default -> throw w.error(n.head(), "unknown route-server setting '" + n.head() + "' (expected "
                            + "general, clients, bogons, irr, template, perform-graceful-shutdown or rtr-cache)");
                }
                w.end();
            } catch (ConfigException e) {
                errors.add(e);
            }
        }
        if (general == null || clients == null) {
            errors.add(new ConfigException(file, s.head(), "route-server needs general FILE; and clients FILE; "
                    + "(arouteserver's general.yml and clients.yml)"));
        }
        if (errors.size() > before) {
            return List.of();
        }
        List<RsLoader.Session> sessions = RsLoader.load(new RsLoader.Files(general, clients, bogons, irr, performGshut,
                rtr), errors);
        if (rtr != null && !sessions.isEmpty() && sessions.get(0).policy().general().rtr() == null) {
            errors.add(new ConfigException(file, rtrAt, "rtr-cache is set but general.yml does not take its ROAs over "
                    + "RTR (cfg.filtering.rpki_bgp_origin_validation.enabled is false, or cfg.rpki_roas.source is not "
                    + "rtr)"));
            return List.of();
        }
        List<NeighborConfig> out = new ArrayList<>();
        for (RsLoader.Session session : sessions) {
            out.add(NeighborParser.generated(file, template, processes, errors, session, clientsAt));
        }
        return out;
    }

    /** A file name, relative to the configuration's folder. */
    private static Path path(Path file, Words w) {
        Token t = w.next("file name");
        Path dir = file.toAbsolutePath().getParent();
        return dir == null ? Path.of(t.text()) : dir.resolve(t.text());
    }
}
