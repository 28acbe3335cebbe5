// general.yml's communities, reject_cause_map and custom_communities, parsed and checked as arouteserver does.
package org.bgpekko.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

final class RsCommunities {
    private final RsLoader l;
    private final long rsAs;
    /** Values seen, for arouteserver's "used for another community" check. */
    private final Map<String, String> used = new HashMap<>();

    RsCommunities(RsLoader l, long rsAs) {
        this.l = l;
        this.rsAs = rsAs;
    }

    /** The built-in communities that are set (reject_cause_map entries as reject_cause_map_N), by name. */
    Map<String, RsCommunity> builtIn() {
        Map<String, RsCommunity> out = new LinkedHashMap<>();
        Yaml.Node n = l.general("communities");
        if (n == null) {
            return out;
        }
        Yaml.YMap m = l.guard(() -> RsValues.map(n, "cfg.communities"), null);
        if (m == null) {
            return out;
        }
        for (Yaml.Entry e : m.entries().values()) {
            if (e.key().equals("reject_cause_map")) {
                rejectCauseMap(e.value(), out);
                continue;
            }
            RsCommunity.Macro macro = RsSchema.COMMUNITIES.get(e.key());
            if (macro == null) {
                l.error(new ConfigException(m.file(), e.line(), e.column(), "unknown community '" + e.key()
                        + "' in cfg.communities (arouteserver's names: " + String.join(", ",
                        RsSchema.COMMUNITIES.keySet()) + ", reject_cause_map; custom ones go in cfg.custom_communities)"));
                continue;
            }
            RsCommunity c = one(e.key(), e.value(), "cfg.communities." + e.key(), macro, false);
            if (c != null && c.isSet()) {
                out.put(e.key(), c);
            }
        }
        return out;
    }

    /** cfg.custom_communities: name to value, no macros. */
    Map<String, RsCommunity> custom() {
        Map<String, RsCommunity> out = new LinkedHashMap<>();
        Yaml.Node n = l.general("custom_communities");
        Yaml.YMap m = n == null ? null : l.guard(() -> RsValues.map(n, "cfg.custom_communities"), null);
        if (m == null) {
            return out;
        }
        for (Yaml.Entry e : m.entries().values()) {
            if (RsSchema.COMMUNITIES.containsKey(e.key())) {
                l.error(new ConfigException(m.file(), e.line(), e.column(), "the custom community name '" + e.key()
                        + "' is the name of a built-in community"));
                continue;
            }
            RsCommunity c = one(e.key(), e.value(), "cfg.custom_communities." + e.key(), RsCommunity.Macro.NONE, false);
            if (c != null && c.isSet()) {
                out.put(e.key(), c);
            }
        }
        return out;
    }

    private void rejectCauseMap(Yaml.Node n, Map<String, RsCommunity> out) {
        Yaml.YMap m = l.guard(() -> RsValues.map(n, "cfg.communities.reject_cause_map"), null);
        if (m == null) {
            return;
        }
        for (Yaml.Entry e : m.entries().values()) {
            int code;
            try {
                code = Integer.parseInt(e.key().strip());
            } catch (NumberFormatException x) {
                code = -1;
            }
            if (!RsSchema.REJECT_CODES.contains(code)) {
                l.error(new ConfigException(m.file(), e.line(), e.column(), "reject_cause_map key '" + e.key()
                        + "' is not a reject code (expected one of " + RsSchema.REJECT_CODES + ")"));
                continue;
            }
            String name = "reject_cause_map_" + code;
            RsCommunity c = one(name, e.value(), "cfg.communities.reject_cause_map." + code, RsCommunity.Macro.NONE,
                    true);
            if (c != null && c.isSet()) {
                out.put(name, c);
            }
        }
    }

    /** One community: a map of std, ext and lrg values (each may be empty). */
    private RsCommunity one(String name, Yaml.Node n, String what, RsCommunity.Macro macro, boolean shared) {
        if (RsValues.absent(n)) {
            return null;
        }
        Yaml.YMap m = l.guard(() -> RsValues.map(n, what), null);
        if (m == null) {
            return null;
        }
        List<ConfigException> errs = new ArrayList<>();
        RsValues.keys(m, what, RsSchema.communityValue(), errs);
        errs.forEach(l::error);
        RsCommunity.Value std = value(m, "std", RsCommunity.Form.STD, what, macro, shared);
        RsCommunity.Value ext = value(m, "ext", RsCommunity.Form.EXT, what, macro, shared);
        RsCommunity.Value lrg = value(m, "lrg", RsCommunity.Form.LRG, what, macro, shared);
        return new RsCommunity(name, std, ext, lrg);
    }

    private RsCommunity.Value value(Yaml.YMap m, String key, RsCommunity.Form form, String what,
                                    RsCommunity.Macro macro, boolean shared) {
        Yaml.Node n = m.get(key);
        if (RsValues.absent(n)) {
            return null;
        }
        return l.guard(() -> {
            String text = RsValues.text(n, what + "." + key);
            RsCommunity.Value v;
            try {
                v = RsCommunity.parse(form, text, rsAs, macro);
            } catch (IllegalArgumentException e) {
                throw n.error(what + "." + key + ": " + e.getMessage());
            }
            String canonical = form + ":" + v.first() + ":" + v.second() + ":" + v.extSubtype() + ":"
                    + (v.macro() == RsCommunity.Macro.NONE ? Long.toString(v.last()) : v.macro().name());
            String other = used.putIfAbsent(canonical, what + "." + key);
            if (other != null && !shared) {
                throw n.error(what + "." + key + " (" + text + ") is already the value of " + other);
            }
            return v;
        }, null);
    }
}
