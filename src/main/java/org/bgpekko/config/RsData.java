// The data arouteserver would fetch and bgpekko reads from files instead: bogons (a built-in list when none is
// given) and irr.yml (AS-SETs already resolved, and PeeringDB's never-via-route-servers list and prefix counts).
package org.bgpekko.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.bgpekko.wire.nlri.IpPrefix;

final class RsData {
    /** A prefix of an AS-SET; ge and le are -1 when not given (allow_longer_prefixes decides). */
    record IrrPrefix(IpPrefix prefix, int ge, int le) {}

    /** One AS-SET (or aut-num, "AS64511") as irr.yml gives it. */
    record AsSet(Set<Long> asns, List<IrrPrefix> prefixes) {}

    /** PeeringDB's prefix counts of an AS (-1: not given). */
    record PeeringDbCounts(long ipv4, long ipv6) {}

    static final Path BUILT_IN_BOGONS = Path.of("(built-in bogons)");

    private PrefixRule.List bogons = new PrefixRule.List();
    private final Map<String, AsSet> asSets = new HashMap<>();
    private final Set<Long> neverViaRouteServers = new LinkedHashSet<>();
    private final Map<Long, PeeringDbCounts> peeringDb = new HashMap<>();

    static RsData load(RsLoader.Files files, List<ConfigException> errors) {
        RsData d = new RsData();
        try {
            d.bogons = bogons(files.bogons() == null ? Yaml.parse(BUILT_IN_BOGONS, builtInBogons())
                    : Yaml.read(files.bogons()), files.bogons() == null ? BUILT_IN_BOGONS : files.bogons(), errors);
        } catch (ConfigException e) {
            errors.add(e);
        }
        if (files.irr() != null) {
            try {
                d.irr(Yaml.read(files.irr()), files.irr(), errors);
            } catch (ConfigException e) {
                errors.add(e);
            }
        }
        return d;
    }

    PrefixRule.List bogons() {
        return bogons;
    }

    /** An AS-SET by name (a source prefix "RIPE::" removed), or null when irr.yml does not hold it. */
    AsSet asSet(String name) {
        int source = name.indexOf("::");
        return asSets.get((source >= 0 ? name.substring(source + 2) : name).toUpperCase(Locale.ROOT));
    }

    Set<Long> neverViaRouteServers() {
        return neverViaRouteServers;
    }

    PeeringDbCounts peeringDb(long asn) {
        return peeringDb.get(asn);
    }

    private static String builtInBogons() {
        try (InputStream in = RsData.class.getResourceAsStream("bogons.yml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("the built-in bogons list is missing from the jar", e);
        }
    }

    private static PrefixRule.List bogons(Yaml.Node root, Path file, List<ConfigException> errors) {
        PrefixRule.List out = new PrefixRule.List();
        if (root == null) {
            throw new ConfigException(file, 1, 1, "the file is empty (expected bogons: a list of prefixes)");
        }
        Yaml.YMap m = RsValues.map(root, "the file");
        RsValues.keys(m, "the bogons file", RsSchema.s("bogons"), errors);
        for (Yaml.Node e : RsValues.list(m.get("bogons"), "bogons", false)) {
            try {
                out.add(RsValues.prefixRule(e, "bogons", false));
            } catch (ConfigException x) {
                errors.add(x);
            }
        }
        return out;
    }

    private void irr(Yaml.Node root, Path file, List<ConfigException> errors) {
        if (root == null) {
            return;
        }
        Yaml.YMap m = RsValues.map(root, "the file");
        RsValues.keys(m, "irr.yml", RsSchema.s("as-sets", "peeringdb", RsSchema.s("never_via_route_servers",
                "max_prefix")), errors);
        Yaml.Node sets = m.get("as-sets");
        if (!RsValues.absent(sets)) {
            for (Yaml.Entry e : RsValues.map(sets, "as-sets").entries().values()) {
                try {
                    asSets.put(e.key().toUpperCase(Locale.ROOT), asSet(e.key(), e.value(), errors));
                } catch (ConfigException x) {
                    errors.add(x);
                }
            }
        }
        Yaml.Node pdb = m.get("peeringdb");
        if (!RsValues.absent(pdb)) {
            Yaml.YMap p = RsValues.map(pdb, "peeringdb");
            try {
                neverViaRouteServers.addAll(RsValues.asnList(p.get("never_via_route_servers"),
                        "peeringdb.never_via_route_servers"));
            } catch (ConfigException x) {
                errors.add(x);
            }
            Yaml.Node mp = p.get("max_prefix");
            if (!RsValues.absent(mp)) {
                for (Yaml.Entry e : RsValues.map(mp, "peeringdb.max_prefix").entries().values()) {
                    try {
                        long asn = RsValues.asn(new Yaml.Scalar(file, e.line(), e.column(), Yaml.Scalar.Type.STRING,
                                e.key()), "peeringdb.max_prefix key");
                        Yaml.YMap c = RsValues.map(e.value(), "peeringdb.max_prefix." + e.key());
                        RsValues.keys(c, "peeringdb.max_prefix." + e.key(), RsSchema.s("ipv4", "ipv6"), errors);
                        long v4 = RsValues.absent(c.get("ipv4")) ? -1 : RsValues.number(c.get("ipv4"), "ipv4", 0,
                                Integer.MAX_VALUE);
                        long v6 = RsValues.absent(c.get("ipv6")) ? -1 : RsValues.number(c.get("ipv6"), "ipv6", 0,
                                Integer.MAX_VALUE);
                        peeringDb.put(asn, new PeeringDbCounts(v4, v6));
                    } catch (ConfigException x) {
                        errors.add(x);
                    }
                }
            }
        }
    }

    private static AsSet asSet(String name, Yaml.Node n, List<ConfigException> errors) {
        Yaml.YMap m = RsValues.map(n, "as-sets." + name);
        RsValues.keys(m, "as-sets." + name, RsSchema.s("asns", "prefixes"), errors);
        Set<Long> asns = RsValues.asnList(m.get("asns"), "as-sets." + name + ".asns");
        List<IrrPrefix> prefixes = new ArrayList<>();
        for (Yaml.Node e : RsValues.list(m.get("prefixes"), "as-sets." + name + ".prefixes", false)) {
            try {
                PrefixRule r = RsValues.prefixRule(e, "as-sets." + name + ".prefixes", false);
                Yaml.YMap em = (Yaml.YMap) e;
                boolean ge = !RsValues.absent(em.get("ge"));
                boolean le = !RsValues.absent(em.get("le"));
                boolean exact = !RsValues.absent(em.get("exact"));
                prefixes.add(new IrrPrefix(r.prefix(), ge || le || exact ? r.ge() : -1, ge || le || exact ? r.le() : -1));
            } catch (ConfigException x) {
                errors.add(x);
            }
        }
        return new AsSet(asns, prefixes);
    }
}
