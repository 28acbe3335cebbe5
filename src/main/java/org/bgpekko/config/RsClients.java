// clients.yml: each client address becomes one RsLoader.Session, its settings resolved over general.yml's.
package org.bgpekko.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bgpekko.wire.capability.BgpRole;
import org.bgpekko.wire.nlri.IpAddress;
import org.bgpekko.wire.nlri.IpPrefix;

final class RsClients {
    private final RsLoader l;
    private final Yaml.YMap file;
    private final Map<Long, List<String>> asnSets = new HashMap<>();
    private final Map<Long, Yaml.Node> asnSetsAt = new HashMap<>();

    /** A client entry after its first reading. */
    private record Entry(Yaml.YMap node, long asn, List<IpAddress> ips, Yaml.YMap cfg, int index) {}

    RsClients(RsLoader l, Yaml.YMap file) {
        this.l = l;
        this.file = file;
    }

    List<RsLoader.Session> sessions() {
        asns();
        List<Entry> entries = new ArrayList<>();
        Map<Long, Long> mapped16 = new LinkedHashMap<>();
        Map<IpAddress, Yaml.Node> seen = new HashMap<>();
        Yaml.Node list = file.get("clients");
        List<Yaml.Node> items = l.guard(() -> RsValues.list(list, "clients", false), List.<Yaml.Node>of());
        for (int i = 0; i < items.size(); i++) {
            Entry e = l.guard(entry(items.get(i), i, mapped16, seen), null);
            if (e != null) {
                entries.add(e);
            }
        }
        RsPolicy.General general = l.general(mapped16);
        List<RsLoader.Session> out = new ArrayList<>();
        for (Entry e : entries) {
            client(e, general, entries, out);
        }
        return out;
    }

    /** The asns section: AS-level AS-SETs. */
    private void asns() {
        Yaml.Node n = file.get("asns");
        if (RsValues.absent(n)) {
            return;
        }
        Yaml.YMap m = l.guard(() -> RsValues.map(n, "asns"), null);
        if (m == null) {
            return;
        }
        for (Yaml.Entry e : m.entries().values()) {
            Yaml.Node key = new Yaml.Scalar(m.file(), e.line(), e.column(), Yaml.Scalar.Type.STRING, e.key());
            l.guard(() -> {
                if (!e.key().toUpperCase(java.util.Locale.ROOT).startsWith("AS")) {
                    throw key.error("asns key '" + e.key() + "' must be an AS written AS<number>");
                }
                long asn = RsValues.asn(key, "asns key");
                if (RsValues.absent(e.value())) {
                    return null;
                }
                Yaml.YMap as = RsValues.map(e.value(), "asns." + e.key());
                List<ConfigException> errs = new ArrayList<>();
                RsValues.keys(as, "asns." + e.key(), RsSchema.s("as_sets"), errs);
                errs.forEach(l::error);
                asnSets.put(asn, RsValues.texts(as.get("as_sets"), "asns." + e.key() + ".as_sets"));
                asnSetsAt.put(asn, as.get("as_sets"));
                return null;
            }, null);
        }
    }

    private java.util.function.Supplier<Entry> entry(Yaml.Node n, int i, Map<Long, Long> mapped16,
                                                     Map<IpAddress, Yaml.Node> seen) {
        return () -> {
            String where = "clients[" + i + "]";
            Yaml.YMap m = RsValues.map(n, where);
            List<ConfigException> errs = new ArrayList<>();
            RsValues.keys(m, where, RsSchema.CLIENT, errs);
            errs.forEach(l::error);
            if (RsValues.absent(m.get("asn"))) {
                throw m.error(where + " has no asn");
            }
            long asn = RsValues.asn(m.get("asn"), where + ".asn");
            if (RsValues.absent(m.get("ip"))) {
                throw m.error(where + " (AS" + asn + ") has no ip");
            }
            List<IpAddress> ips = new ArrayList<>();
            for (Yaml.Node ip : RsValues.list(m.get("ip"), where + ".ip", true)) {
                IpAddress a = RsValues.ip(ip, where + ".ip");
                Yaml.Node first = seen.putIfAbsent(a, ip);
                if (first != null) {
                    throw ip.error(where + ".ip " + a + " is already the address of the client at line " + first.line());
                }
                ips.add(a);
            }
            Yaml.Node m16 = m.get("16bit_mapped_asn");
            if (!RsValues.absent(m16)) {
                if (asn <= 0xFFFF) {
                    throw m16.error(where + ".16bit_mapped_asn is only for 32-bit ASNs (AS" + asn + " is 16-bit)");
                }
                long v = RsValues.number(m16, where + ".16bit_mapped_asn", 64512, 65534);
                Long prev = mapped16.get(asn);
                if (prev != null && prev != v || prev == null && mapped16.containsValue(v)) {
                    throw m16.error(where + ".16bit_mapped_asn " + v + " must map one 32-bit ASN to one 16-bit ASN");
                }
                mapped16.put(asn, v);
            }
            Yaml.Node cfg = m.get("cfg");
            Yaml.YMap cfgMap = RsValues.absent(cfg) ? null : RsValues.map(cfg, where + ".cfg");
            if (cfgMap != null) {
                new RsUnsupported(l).common(cfgMap, where + ".cfg.");
            }
            return new Entry(m, asn, ips, cfgMap, i);
        };
    }

    private Yaml.Node own(Entry e, String... path) {
        return e.cfg() == null ? null : RsLoader.at(e.cfg(), path);
    }

    private Yaml.Node layered(Entry e, String... path) {
        return e.cfg() == null ? l.general(path) : l.layered(e.cfg(), path);
    }

    /** A yes/no setting of the client's over general.yml's, {@code dflt} when neither has it. */
    private boolean bool(Entry e, boolean dflt, String... path) {
        return l.bool(layered(e, path), what(e, path), dflt);
    }

    private long number(Entry e, long min, long max, long dflt, String... path) {
        return l.number(layered(e, path), what(e, path), min, max, dflt);
    }

    /** One of {@code allowed}, the first being the default. */
    private String option(Entry e, List<String> allowed, String... path) {
        return l.option(layered(e, path), what(e, path), allowed.get(0), allowed.toArray(new String[0]));
    }

    /** The name of {@link #layered}'s setting in errors: the client's own, or general.yml's that it inherits. */
    private String what(Entry e, String... path) {
        return (own(e, path) != null ? "clients[" + e.index() + "]." : "") + "cfg." + String.join(".", path);
    }

    private void client(Entry e, RsPolicy.General general, List<Entry> all, List<RsLoader.Session> out) {
        String w = "clients[" + e.index() + "].cfg.";
        boolean passive = bool(e, true, "passive");
        boolean gtsm = bool(e, false, "gtsm");
        boolean addPath = bool(e, false, "add_path");
        boolean prependRsAs = bool(e, false, "prepend_rs_as");
        String policy = option(e, List.of("strict", "same-as", "authorized_addresses"), "filtering", "next_hop",
                "policy");
        Set<IpAddress> authorized = new LinkedHashSet<>();
        if (policy.equals("authorized_addresses")) {
            Yaml.Node list = own(e, "filtering", "next_hop", "authorized_addresses_list");
            if (list == null) {
                l.error(e.node().error(w + "filtering.next_hop.policy authorized_addresses needs "
                        + "authorized_addresses_list"));
            } else {
                for (Yaml.Node a : l.guard(() -> RsValues.list(list, "authorized_addresses_list", true),
                        List.<Yaml.Node>of())) {
                    IpAddress ip = l.guard(() -> RsValues.ip(a, "authorized_addresses_list"), null);
                    if (ip != null) {
                        authorized.add(ip);
                    }
                }
            }
        }
        int v4min = (int) number(e, 0, 32, 8, "filtering", "ipv4_pref_len", "min");
        int v4max = (int) number(e, 0, 32, 24, "filtering", "ipv4_pref_len", "max");
        int v6min = (int) number(e, 0, 128, 12, "filtering", "ipv6_pref_len", "min");
        int v6max = (int) number(e, 0, 128, 48, "filtering", "ipv6_pref_len", "max");
        PrefixRule.List blackList = l.prefixList(own(e, "filtering", "black_list_pref"), w + "filtering.black_list_pref");
        int maxPath = (int) number(e, 1, 64, 32, "filtering", "max_as_path_len");
        boolean invalidAsn = bool(e, true, "filtering", "reject_invalid_as_in_as_path");
        boolean enforceOrigin = bool(e, true, "filtering", "irrdb", "enforce_origin_in_as_set");
        boolean enforcePrefix = bool(e, true, "filtering", "irrdb", "enforce_prefix_in_as_set");
        boolean longer = l.bool(l.general("filtering", "irrdb", "allow_longer_prefixes"),
                "cfg.filtering.irrdb.allow_longer_prefixes", false);
        Set<Long> origins = new LinkedHashSet<>();
        PrefixRule.List irrPrefixes = new PrefixRule.List();
        irr(e, w, enforceOrigin || enforcePrefix || l.tagAsSet(), longer, origins, irrPrefixes);
        List<RsPolicy.WhiteRoute> whiteRoutes = new ArrayList<>();
        for (Yaml.Node r : l.guard(() -> RsValues.list(own(e, "filtering", "irrdb", "white_list_route"),
                "white_list_route", false), List.<Yaml.Node>of())) {
            l.guard(() -> {
                PrefixRule rule = RsValues.prefixRule(r, w + "filtering.irrdb.white_list_route", true);
                Yaml.Node asn = ((Yaml.YMap) r).get("asn");
                whiteRoutes.add(new RsPolicy.WhiteRoute(rule, RsValues.absent(asn) ? -1 : RsValues.asn(asn, "asn")));
                return null;
            }, null);
        }
        Yaml.Node rpkiOwn = own(e, "filtering", "rpki_bgp_origin_validation", "reject_invalid");
        Yaml.Node rpkiNode = rpkiOwn != null ? rpkiOwn : own(e, "filtering", "rpki", "reject_invalid");
        boolean rejectInvalid = l.bool(rpkiNode != null ? rpkiNode
                : l.general("filtering", "rpki_bgp_origin_validation", "reject_invalid"), w + "rpki reject_invalid", true);
        String reject = option(e, List.of("reject", "tag", "tag_and_reject"), "filtering", "reject_policy", "policy");
        if (!reject.equals("reject") && !general.communities().containsKey("reject_cause")) {
            l.error(layered(e, "filtering", "reject_policy", "policy").error("reject_policy.policy " + reject
                    + " needs cfg.communities.reject_cause in general.yml"));
        }
        boolean blackhole = bool(e, true, "blackhole_filtering", "announce_to_client");
        RsPolicy.MaxPrefix maxPrefix = maxPrefix(e, w);
        boolean gshut = bool(e, false, "graceful_shutdown", "enabled");
        RoleConfig role = roles(e, w);
        List<RsCommunity> attach = attach(e, w, general);
        String description = RsValues.absent(e.node().get("description")) ? "AS" + e.asn()
                : l.guard(() -> RsValues.text(e.node().get("description"), "description"), "");
        String password = RsValues.absent(e.node().get("password")) ? null
                : l.guard(() -> RsValues.text(e.node().get("password"), "password"), null);
        for (IpAddress ip : e.ips()) {
            Set<IpAddress> nextHops = switch (policy) {
                case "strict" -> Set.of(ip);
                case "authorized_addresses" -> Set.copyOf(authorized);
                default -> {
                    Set<IpAddress> same = new LinkedHashSet<>();
                    all.stream().filter(o -> o.asn() == e.asn()).forEach(o -> same.addAll(o.ips()));
                    yield same;
                }
            };
            if (!ip.isIpv4() && (ip.hi() >>> 54) == 0x3FA) { // fe80::/10: not checked, as arouteserver
                nextHops = Set.of();
            }
            RsPolicy.RejectPolicy rp = switch (reject) {
                case "tag" -> RsPolicy.RejectPolicy.TAG;
                case "tag_and_reject" -> RsPolicy.RejectPolicy.TAG_AND_REJECT;
                default -> RsPolicy.RejectPolicy.REJECT;
            };
            RsPolicy.Client c = new RsPolicy.Client(general, e.asn(), ip, description, nextHops, v4min, v4max, v6min,
                    v6max, blackList, maxPath, invalidAsn, enforceOrigin, enforcePrefix, Set.copyOf(origins),
                    irrPrefixes, List.copyOf(whiteRoutes), rejectInvalid, rp, prependRsAs, blackhole, maxPrefix, gshut, role,
                    attach);
            out.add(new RsLoader.Session(c, passive, password, gtsm, addPath, e.node()));
        }
    }

    /** attach_custom_communities: names of general.yml's custom_communities, each resolved to its values. */
    private List<RsCommunity> attach(Entry e, String w, RsPolicy.General general) {
        Yaml.Node at = own(e, "attach_custom_communities");
        List<RsCommunity> out = new ArrayList<>();
        if (at == null) {
            return out;
        }
        String what = w + "attach_custom_communities";
        for (Yaml.Node n : l.guard(() -> RsValues.list(at, what, true), List.<Yaml.Node>of())) {
            String name = l.guard(() -> RsValues.text(n, what), null);
            RsCommunity c = name == null ? null : general.custom().get(name);
            if (name != null && c == null) {
                l.error(n.error(w + "attach_custom_communities: '" + name + "' is not in general.yml's "
                        + "cfg.custom_communities" + (general.custom().isEmpty() ? " (none is defined)"
                        : " (" + String.join(", ", new java.util.TreeSet<>(general.custom().keySet())) + ")")));
            } else if (c != null && !out.contains(c)) {
                out.add(c);
            }
        }
        return List.copyOf(out);
    }

    /**
     * filtering.roles (RFC 9234) as arouteserver's templates apply it: with {@code enabled} (the client's over
     * general.yml's) the session has {@code local_role} (the client's, {@code rs} by default) and
     * {@code strict_mode}; without it, no role and strict_mode means nothing. The roles whose ingress procedure adds
     * an OTC attribute to what the client sends (customer, rs-client, peer) are refused: not implemented.
     */
    private RoleConfig roles(Entry e, String w) {
        boolean enabled = bool(e, false, "filtering", "roles", "enabled");
        boolean strict = bool(e, false, "filtering", "roles", "strict_mode");
        Yaml.Node at = own(e, "filtering", "roles", "local_role");
        String what = w + "filtering.roles.local_role";
        String name = at == null ? "rs"
                : l.guard(() -> RsValues.text(at, what).toLowerCase(java.util.Locale.ROOT), "rs");
        int role = BgpRole.NAMES.indexOf(name);
        if (role < 0) {
            l.error(at.error(what + " '" + name + "' is not one of " + String.join(", ", BgpRole.NAMES)));
            return RoleConfig.NONE;
        }
        if (!enabled) {
            return RoleConfig.NONE;
        }
        if (role != BgpRole.RS && role != BgpRole.PROVIDER) {
            l.refuse(at, what + " " + name, "the RFC 9234 ingress procedure of this role (an OTC attribute with the "
                    + "client's AS added to its routes that have none) is not implemented; rs and provider are");
            return RoleConfig.NONE;
        }
        return new RoleConfig(role, strict);
    }

    /** The AS-SETs of a client (its own, else its AS's) and its aut-num, from irr.yml, with the white lists. */
    private void irr(Entry e, String w, boolean enforced, boolean longer, Set<Long> origins, PrefixRule.List prefixes) {
        Yaml.Node own = own(e, "filtering", "irrdb", "as_sets");
        List<String> names = new ArrayList<>(own != null
                ? l.guard(() -> RsValues.texts(own, w + "filtering.irrdb.as_sets"), List.<String>of())
                : asnSets.getOrDefault(e.asn(), List.of()));
        Yaml.Node at = own != null ? own : asnSetsAt.getOrDefault(e.asn(), e.node());
        origins.add(e.asn());
        List<String> all = new ArrayList<>(names);
        all.add("AS" + e.asn()); // the aut-num is used in any case
        for (String name : all) {
            RsData.AsSet set = l.data().asSet(name);
            if (set == null) {
                if (enforced && names.contains(name)) {
                    l.error(at.error("AS-SET " + name + " of AS" + e.asn() + " is not in irr.yml (bgpekko does not "
                            + "query IRR databases: give its origins and prefixes there)"));
                }
                continue;
            }
            origins.addAll(set.asns());
            for (RsData.IrrPrefix p : set.prefixes()) {
                int max = IpPrefix.maxLength(p.prefix().afi());
                int ge = p.ge() >= 0 ? p.ge() : p.prefix().length();
                int le = p.le() >= 0 ? p.le() : longer ? max : p.prefix().length();
                prefixes.add(new PrefixRule(p.prefix(), ge, le, name));
            }
        }
        origins.addAll(l.guard(() -> RsValues.asnList(own(e, "filtering", "irrdb", "white_list_asn"),
                w + "filtering.irrdb.white_list_asn"), Set.<Long>of()));
        Yaml.Node wl = own(e, "filtering", "irrdb", "white_list_pref");
        for (Yaml.Node r : l.guard(() -> RsValues.list(wl, "white_list_pref", false), List.<Yaml.Node>of())) {
            PrefixRule rule = l.guard(() -> RsValues.prefixRule(r, w + "filtering.irrdb.white_list_pref", false), null);
            if (rule != null) {
                prefixes.add(rule);
            }
        }
    }

    /**
     * The client's max-prefix limits: none when {@code action} is absent or empty in the client's cfg and in
     * general.yml (arouteserver's schema: the option is not mandatory, so its "shutdown" default never applies, and
     * its templates configure no limit without an action). An empty action in the client's cfg takes general.yml's,
     * as arouteserver merges them.
     */
    private RsPolicy.MaxPrefix maxPrefix(Entry e, String w) {
        Yaml.Node mine = own(e, "filtering", "max_prefix", "action");
        Yaml.Node actionNode = RsValues.absent(mine) ? l.general("filtering", "max_prefix", "action") : mine;
        if (RsValues.absent(actionNode)) {
            return null;
        }
        String action = l.option(actionNode, w + "filtering.max_prefix.action",
                "shutdown", "shutdown", "restart", "block", "warning");
        boolean pdb = bool(e, true, "filtering", "max_prefix", "peering_db", "enabled");
        long abs = number(e, 0, Integer.MAX_VALUE, 100, "filtering", "max_prefix", "peering_db", "increment",
                "absolute");
        long rel = number(e, 0, Integer.MAX_VALUE, 15, "filtering", "max_prefix", "peering_db", "increment",
                "relative");
        RsData.PeeringDbCounts counts = pdb ? l.data().peeringDb(e.asn()) : null;
        long[] limits = new long[2];
        for (int af = 0; af < 2; af++) {
            String v = af == 0 ? "ipv4" : "ipv6";
            Yaml.Node own = own(e, "filtering", "max_prefix", "limit_" + v);
            long count = counts == null ? -1 : af == 0 ? counts.ipv4() : counts.ipv6();
            if (own != null) {
                limits[af] = l.number(own, w + "filtering.max_prefix.limit_" + v, 0, Integer.MAX_VALUE, 0);
            } else if (count > 0) {
                limits[af] = Math.round((count + abs) * (1 + rel / 100.0));
            } else {
                limits[af] = l.number(l.general("filtering", "max_prefix", "general_limit_" + v),
                        "cfg.filtering.max_prefix.general_limit_" + v, 0, Integer.MAX_VALUE, af == 0 ? 170000 : 12000);
            }
        }
        int restart = (int) number(e, 1, 100000, 15, "filtering", "max_prefix", "restart_after");
        boolean countRejected = bool(e, true, "filtering", "max_prefix", "count_rejected_routes");
        return new RsPolicy.MaxPrefix(RsPolicy.MaxPrefixAction.valueOf(action.toUpperCase(java.util.Locale.ROOT)),
                limits[0], limits[1], restart, countRejected);
    }
}
