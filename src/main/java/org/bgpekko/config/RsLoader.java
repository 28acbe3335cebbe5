// Reads arouteserver's general.yml and clients.yml (with bogons, IRR and PeeringDB data, ROAs) into RsPolicy.Client
// records, one per client address; every error is file:line:column, and a setting bgpekko does not implement is
// refused where it stands instead of being ignored.
package org.bgpekko.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.bgpekko.wire.nlri.IpAddress;

public final class RsLoader {
    /**
     * One client address as a neighbour: its policy and the session settings arouteserver gives it.
     *
     * @param at where the client is in clients.yml
     */
    public record Session(RsPolicy.Client policy, boolean passive, String password, boolean gtsm, boolean addPath,
                          Yaml.Node at) {}

    /**
     * The files of a route-server section; bogons and irr may be null.
     *
     * @param performGshut the route-server section's perform-graceful-shutdown (65535:0 added to every export)
     * @param rtr the route-server section's rtr-cache, or null
     */
    public record Files(Path general, Path clients, Path bogons, Path irr, boolean performGshut,
                        RsPolicy.RtrCache rtr) {
        public Files(Path general, Path clients, Path bogons, Path irr) {
            this(general, clients, bogons, irr, false, null);
        }

        public Files(Path general, Path clients, Path bogons, Path irr, boolean performGshut) {
            this(general, clients, bogons, irr, performGshut, null);
        }
    }

    private final List<ConfigException> errors;
    private final RsData data;
    private Yaml.YMap cfg;
    private boolean performGshut;
    private RsPolicy.RtrCache rtr;

    private RsLoader(List<ConfigException> errors, RsData data) {
        this.errors = errors;
        this.data = data;
    }

    /** The clients' sessions, or an empty list with {@code errors} filled. */
    public static List<Session> load(Files files, List<ConfigException> errors) {
        int before = errors.size();
        RsData data = RsData.load(files, errors);
        RsLoader l = new RsLoader(errors, data);
        l.performGshut = files.performGshut();
        l.rtr = files.rtr();
        List<Session> out = new ArrayList<>();
        try {
            Yaml.YMap general = root(files.general(), "cfg");
            Yaml.YMap clients = root(files.clients(), "asns", "clients");
            if (general != null && clients != null) {
                l.cfg = RsValues.map(general.get("cfg") == null ? general : general.get("cfg"), "cfg");
                if (general.get("cfg") == null) {
                    throw general.error("general.yml has no cfg section (arouteserver's general.yml starts with cfg:)");
                }
                RsValues.keys(l.cfg, "cfg", RsSchema.GENERAL, errors);
                out = new RsClients(l, clients).sessions();
            }
        } catch (ConfigException e) {
            errors.add(e);
        }
        return errors.size() > before ? List.of() : out;
    }

    /** The root map of a file, refusing keys other than {@code keys}; null when the file is empty. */
    private static Yaml.YMap root(Path file, String... keys) {
        Yaml.Node n = Yaml.read(file);
        if (n == null) {
            throw new ConfigException(file, 1, 1, "the file is empty (expected " + String.join(", ", keys) + ")");
        }
        Yaml.YMap m = RsValues.map(n, "the file");
        Map<String, Object> schema = new LinkedHashMap<>();
        for (String k : keys) {
            schema.put(k, null);
        }
        List<ConfigException> errs = new ArrayList<>();
        RsValues.keys(m, file.getFileName().toString(), schema, errs);
        if (!errs.isEmpty()) {
            throw errs.get(0);
        }
        return m;
    }

    RsData data() {
        return data;
    }

    /** A setting of general.yml's cfg, or null when it is absent or empty. */
    Yaml.Node general(String... path) {
        return at(cfg, path);
    }

    /** The client's own setting over general.yml's. */
    Yaml.Node layered(Yaml.YMap clientCfg, String... path) {
        Yaml.Node own = at(clientCfg, path);
        return own != null ? own : general(path);
    }

    static Yaml.Node at(Yaml.YMap m, String... path) {
        Yaml.Node n = m;
        for (String k : path) {
            if (n instanceof Yaml.Scalar s && s.type() == Yaml.Scalar.Type.BOOL && k.equals("enabled")) {
                return n; // arouteserver's older form "peering_db: true" for "peering_db.enabled: true"
            }
            if (!(n instanceof Yaml.YMap map)) {
                return null;
            }
            n = map.get(k);
        }
        return RsValues.absent(n) ? null : n;
    }

    /** Runs {@code read}, keeping its error; {@code fallback} stands in for the value then. */
    <T> T guard(Supplier<T> read, T fallback) {
        try {
            return read.get();
        } catch (ConfigException e) {
            error(e);
            return fallback;
        }
    }

    /** Keeps {@code e}, once: a general.yml setting every client inherits is read once per client. */
    void error(ConfigException e) {
        if (errors.stream().noneMatch(x -> x.describe().equals(e.describe()))) {
            errors.add(e);
        }
    }

    boolean bool(Yaml.Node n, String what, boolean dflt) {
        return n == null ? dflt : guard(() -> RsValues.bool(n, what), dflt);
    }

    long number(Yaml.Node n, String what, long min, long max, long dflt) {
        return n == null ? dflt : guard(() -> RsValues.number(n, what, min, max), dflt);
    }

    String option(Yaml.Node n, String what, String dflt, String... allowed) {
        if (n == null) {
            return dflt;
        }
        return guard(() -> {
            String v = RsValues.text(n, what);
            if (!List.of(allowed).contains(v)) {
                throw n.error(what + " '" + v + "' is not one of " + String.join(", ", allowed));
            }
            return v;
        }, dflt);
    }

    /** Refuses a value bgpekko does not implement, saying why. */
    void refuse(Yaml.Node n, String what, String why) {
        errors.add(n.error(what + " is not supported by bgpekko: " + why));
    }

    /** Refuses {@code what} set to true: bgpekko does not implement it. */
    void refuseTrue(Yaml.Node n, String what, String why) {
        if (n != null && bool(n, what, false)) {
            refuse(n, what + ": true", why);
        }
    }

    /** The general settings, read once. */
    RsPolicy.General general(Map<Long, Long> mapped16) {
        long rsAs = guard(() -> {
            Yaml.Node n = general("rs_as");
            if (n == null) {
                throw cfg.error("cfg.rs_as is missing (the route server's AS number)");
            }
            return RsValues.asn(n, "cfg.rs_as");
        }, 0L);
        long routerId = guard(() -> {
            Yaml.Node n = general("router_id");
            if (n == null) {
                throw cfg.error("cfg.router_id is missing (the route server's BGP identifier)");
            }
            List<Yaml.Node> ids = RsValues.list(n, "cfg.router_id", true);
            if (ids.size() != 1) {
                throw n.error("cfg.router_id must be one IPv4 address (got " + ids.size() + ")");
            }
            IpAddress a = RsValues.ip(ids.get(0), "cfg.router_id");
            if (!a.isIpv4()) {
                throw ids.get(0).error("cfg.router_id must be an IPv4 address, not " + a);
            }
            return a.lo();
        }, 0L);
        if (!bool(general("path_hiding"), "cfg.path_hiding", true)) {
            refuse(general("path_hiding"), "cfg.path_hiding: false", "the route server always prevents path hiding "
                    + "(RFC 7947 section 2.3.2.1: each client gets the best path its export policy accepts)");
        }
        RsCommunities comms = new RsCommunities(this, rsAs);
        Map<String, RsCommunity> builtIn = comms.builtIn();
        Map<String, RsCommunity> custom = comms.custom();
        Set<Long> transitFree = guard(() -> RsValues.asnList(general("filtering", "transit_free", "asns"),
                "cfg.filtering.transit_free.asns"), Set.of());
        String tfAction = option(general("filtering", "transit_free", "action"), "cfg.filtering.transit_free.action",
                "reject", "reject", "warning");
        Set<Long> never = new LinkedHashSet<>(guard(() -> RsValues.asnList(
                general("filtering", "never_via_route_servers", "asns"), "cfg.filtering.never_via_route_servers.asns"),
                Set.of()));
        if (bool(general("filtering", "never_via_route_servers", "peering_db"),
                "cfg.filtering.never_via_route_servers.peering_db", true)) {
            never.addAll(data.neverViaRouteServers());
        }
        boolean rpki = bool(general("filtering", "rpki_bgp_origin_validation", "enabled"),
                "cfg.filtering.rpki_bgp_origin_validation.enabled", false);
        RsRoas roaSource = new RsRoas(this);
        PrefixTable<RsPolicy.Roa> roas = rpki ? roaSource.load(rtr) : null;
        RsPolicy.RtrCache rtrCache = rpki && roaSource.rtr() ? rtr : null;
        String rfc1997 = option(general("rfc1997_wellknown_communities", "policy"),
                "cfg.rfc1997_wellknown_communities.policy", "pass", "pass", "rfc1997");
        new RsUnsupported(this).general(builtIn);
        PrefixRule.List blackList = prefixList(general("filtering", "global_black_list_pref"),
                "cfg.filtering.global_black_list_pref");
        boolean gshut = bool(general("graceful_shutdown", "enabled"), "cfg.graceful_shutdown.enabled", false);
        long gshutLocalPref = number(general("graceful_shutdown", "local_pref"), "cfg.graceful_shutdown.local_pref", 0,
                0xFFFFFFFFL, 0);
        return new RsPolicy.General(rsAs, routerId, builtIn, custom, data.bogons(), blackList, transitFree,
                tfAction.equals("reject"), never, rpki, roas, rtrCache,
                rfc1997.equals("pass") ? RsPolicy.Rfc1997.PASS : RsPolicy.Rfc1997.RFC1997, mapped16, blackhole(),
                gshut ? gshutLocalPref : -1, performGshut, tagAsSet());
    }

    /** filtering.irrdb.tag_as_set (arouteserver's default: true). */
    boolean tagAsSet() {
        return bool(general("filtering", "irrdb", "tag_as_set"), "cfg.filtering.irrdb.tag_as_set", true);
    }

    /** blackhole_filtering: a policy per family; rewrite-next-hop needs the blackhole next hop of its family. */
    private RsPolicy.Blackhole blackhole() {
        RsPolicy.BlackholePolicy[] policies = new RsPolicy.BlackholePolicy[2];
        IpAddress[] nextHops = new IpAddress[2];
        for (int v = 0; v < 2; v++) {
            String af = v == 0 ? "ipv4" : "ipv6";
            Yaml.Node n = general("blackhole_filtering", "policy_" + af);
            String policy = RsValues.absent(n) ? "" : option(n, "cfg.blackhole_filtering.policy_" + af, "",
                    "propagate-unchanged", "rewrite-next-hop");
            policies[v] = switch (policy) {
                case "propagate-unchanged" -> RsPolicy.BlackholePolicy.PROPAGATE_UNCHANGED;
                case "rewrite-next-hop" -> RsPolicy.BlackholePolicy.REWRITE_NEXT_HOP;
                default -> RsPolicy.BlackholePolicy.NONE;
            };
            Yaml.Node nh = general("blackhole_filtering", "rewrite_next_hop_" + af);
            if (!RsValues.absent(nh)) {
                IpAddress a = guard(() -> RsValues.ip(nh, "cfg.blackhole_filtering.rewrite_next_hop_" + af), null);
                if (a != null && a.isIpv4() != (v == 0)) {
                    error(nh.error("cfg.blackhole_filtering.rewrite_next_hop_" + af + " must be an " + af.replace("ip",
                            "IP") + " address, not " + a));
                } else {
                    nextHops[v] = a;
                }
            }
            if (policies[v] == RsPolicy.BlackholePolicy.REWRITE_NEXT_HOP && nextHops[v] == null && RsValues.absent(nh)) {
                error(n.error("cfg.blackhole_filtering.policy_" + af + " rewrite-next-hop needs "
                        + "cfg.blackhole_filtering.rewrite_next_hop_" + af));
            }
        }
        boolean noExport = bool(general("blackhole_filtering", "add_noexport"), "cfg.blackhole_filtering.add_noexport",
                true);
        return new RsPolicy.Blackhole(policies[0], policies[1], nextHops[0], nextHops[1], noExport);
    }

    PrefixRule.List prefixList(Yaml.Node n, String what) {
        PrefixRule.List out = new PrefixRule.List();
        if (n == null) {
            return out;
        }
        for (Yaml.Node e : guard(() -> RsValues.list(n, what, false), List.<Yaml.Node>of())) {
            PrefixRule r = guard(() -> RsValues.prefixRule(e, what, false), null);
            if (r != null) {
                out.add(r);
            }
        }
        return out;
    }

}
