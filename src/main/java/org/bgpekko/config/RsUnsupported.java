// The settings of arouteserver's files that bgpekko does not implement: each refused, at its line and column, when
// it would change behaviour, so a policy never runs with part of it silently missing.
package org.bgpekko.config;

import java.util.Map;

final class RsUnsupported {
    private final RsLoader l;

    RsUnsupported(RsLoader l) {
        this.l = l;
    }

    /** general.yml's cfg. */
    void general(Map<String, RsCommunity> communities) {
        common(null, "cfg.");
        l.refuseTrue(l.general("filtering", "irrdb", "peering_db"), "cfg.filtering.irrdb.peering_db",
                "AS-SETs are not looked up in PeeringDB; give them in clients.yml (as_sets) and their content in irr.yml");
        l.refuseTrue(l.general("filtering", "irrdb", "use_rpki_roas_as_route_objects", "enabled"),
                "cfg.filtering.irrdb.use_rpki_roas_as_route_objects.enabled", "not implemented yet");
        l.refuseTrue(l.general("filtering", "irrdb", "use_arin_bulk_whois_data", "enabled"),
                "cfg.filtering.irrdb.use_arin_bulk_whois_data.enabled", "ARIN Whois data is not read");
        l.refuseTrue(l.general("filtering", "irrdb", "use_registrobr_bulk_whois_data", "enabled"),
                "cfg.filtering.irrdb.use_registrobr_bulk_whois_data.enabled", "Registro.br Whois data is not read");
        for (Map.Entry<String, RsCommunity> e : communities.entrySet()) {
            String name = e.getKey();
            Yaml.Node at = l.general("communities", name);
            if (name.contains("_rtt_")) {
                l.refuse(at, "cfg.communities." + name, "RTT-based communities need measured round-trip times, which "
                        + "bgpekko does not take");
            }
        }
        String policy = l.option(l.general("filtering", "reject_policy", "policy"), "cfg.filtering.reject_policy.policy",
                "reject", "reject", "tag", "tag_and_reject");
        boolean tag = !policy.equals("reject");
        for (String name : communities.keySet()) {
            if (!tag && (name.startsWith("reject_cause") || name.equals("rejected_route_announced_by"))) {
                l.error(l.general("communities", name.startsWith("reject_cause_map") ? "reject_cause_map" : name)
                        .error("cfg.communities." + name + " can be set only when reject_policy.policy is tag or "
                                + "tag_and_reject"));
            }
        }
        if (tag && !communities.containsKey("reject_cause")) {
            l.error(l.general("filtering", "reject_policy", "policy").error("reject_policy.policy " + policy
                    + " needs cfg.communities.reject_cause"));
        }
    }

    /** The settings a client's cfg may also hold; {@code cfg} is the client's (null for general.yml's). */
    void common(Yaml.YMap cfg, String where) {
        Yaml.Node multihop = cfg == null ? l.general("multihop") : RsLoader.at(cfg, "multihop");
        if (multihop != null && l.number(multihop, where + "multihop", 0, 255, 0) > 0) {
            l.refuse(multihop, where + "multihop", "multihop sessions are not implemented (clients are on the "
                    + "exchange's LAN)");
        }
        l.refuseTrue(cfg == null ? l.general("rfc8950") : RsLoader.at(cfg, "rfc8950"), where + "rfc8950",
                "IPv4 routes over IPv6 client sessions are not relayed yet");
        if (cfg != null) {
            Yaml.Node custom = RsLoader.at(cfg, "custom_options");
            if (custom != null) {
                l.refuse(custom, where + "custom_options", "they hold configuration lines for BIRD or OpenBGPD");
            }
        }
    }
}
