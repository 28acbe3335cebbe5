// The settings arouteserver's general.yml and clients.yml may hold: every other key is refused where it stands.
package org.bgpekko.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A schema is a map from key to null (a value) or to the schema of a nested map. The built-in community names are
 * arouteserver's (its general.py COMMUNITIES_SCHEMA); reject_cause_map takes the reject codes.
 */
final class RsSchema {
    private RsSchema() {}

    /** Built-in communities, by name: which macro each takes in its last part. */
    static final Map<String, RsCommunity.Macro> COMMUNITIES = new LinkedHashMap<>();
    /** Built-in communities the route server adds for its clients to see (arouteserver's "outbound"). */
    static final List<String> OUTBOUND = List.of("origin_present_in_as_set", "origin_not_present_in_as_set",
            "prefix_present_in_as_set", "prefix_not_present_in_as_set", "prefix_validated_via_rpki_roas",
            "prefix_validated_via_arin_whois_db_dump", "prefix_validated_via_registrobr_whois_db_dump",
            "route_validated_via_white_list", "rpki_bgp_origin_validation_not_performed");
    /** Used by the route server alone: neither accepted from clients nor sent to them ("internal"). */
    static final List<String> INTERNAL = List.of("rpki_bgp_origin_validation_valid",
            "rpki_bgp_origin_validation_unknown", "rpki_bgp_origin_validation_invalid", "reject_cause",
            "rejected_route_announced_by");
    /** Sent by clients to ask for an action, removed before export ("inbound"). */
    static final List<String> INBOUND = List.of("blackholing", "do_not_announce_to_any", "do_not_announce_to_peer",
            "announce_to_peer", "do_not_announce_to_peers_with_rtt_lower_than",
            "do_not_announce_to_peers_with_rtt_higher_than", "announce_to_peers_with_rtt_lower_than",
            "announce_to_peers_with_rtt_higher_than", "prepend_once_to_any", "prepend_twice_to_any",
            "prepend_thrice_to_any", "prepend_once_to_peer", "prepend_twice_to_peer", "prepend_thrice_to_peer",
            "prepend_once_to_peers_with_rtt_lower_than", "prepend_twice_to_peers_with_rtt_lower_than",
            "prepend_thrice_to_peers_with_rtt_lower_than", "prepend_once_to_peers_with_rtt_higher_than",
            "prepend_twice_to_peers_with_rtt_higher_than", "prepend_thrice_to_peers_with_rtt_higher_than",
            "add_noexport_to_any", "add_noadvertise_to_any", "add_noexport_to_peer", "add_noadvertise_to_peer");
    /** arouteserver's reject codes (docs/REJECT_REASON_COMMUNITIES.txt). */
    static final List<Integer> REJECT_CODES = List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 65535);

    /** The kind of each built-in community. */
    static final Map<String, RsPolicy.CommunityType> TYPES = new java.util.HashMap<>();

    static {
        OUTBOUND.forEach(n -> TYPES.put(n, RsPolicy.CommunityType.OUTBOUND));
        INTERNAL.forEach(n -> TYPES.put(n, RsPolicy.CommunityType.INTERNAL));
        INBOUND.forEach(n -> TYPES.put(n, RsPolicy.CommunityType.INBOUND));
        for (String n : OUTBOUND) {
            COMMUNITIES.put(n, RsCommunity.Macro.NONE);
        }
        for (String n : INTERNAL) {
            COMMUNITIES.put(n, n.startsWith("reject") ? RsCommunity.Macro.DYN_VAL : RsCommunity.Macro.NONE);
        }
        for (String n : INBOUND) {
            COMMUNITIES.put(n, n.contains("_rtt_") ? RsCommunity.Macro.DYN_VAL
                    : n.endsWith("_to_peer") ? RsCommunity.Macro.PEER_AS : RsCommunity.Macro.NONE);
        }
    }

    static Map<String, Object> s(Object... keyAndSchema) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyAndSchema.length; i++) {
            String k = (String) keyAndSchema[i];
            Object next = i + 1 < keyAndSchema.length ? keyAndSchema[i + 1] : null;
            if (next instanceof Map) {
                m.put(k, next);
                i++;
            } else {
                m.put(k, null);
            }
        }
        return m;
    }

    private static Map<String, Object> prefLen() {
        return s("min", "max");
    }

    private static Map<String, Object> maxPrefixPeeringDb() {
        return s("enabled", "increment", s("absolute", "relative"));
    }

    static Map<String, Object> communityValue() {
        return s("std", "ext", "lrg");
    }

    static final Map<String, Object> GENERAL_FILTERING = s(
            "next_hop", s("policy"),
            "ipv4_pref_len", prefLen(), "ipv6_pref_len", prefLen(),
            "global_black_list_pref", "max_as_path_len", "reject_invalid_as_in_as_path",
            "transit_free", s("action", "asns"),
            "never_via_route_servers", s("peering_db", "asns"),
            "irrdb", s("enforce_origin_in_as_set", "enforce_prefix_in_as_set", "allow_longer_prefixes", "tag_as_set",
                    "peering_db", "use_rpki_roas_as_route_objects", s("enabled"),
                    "use_arin_bulk_whois_data", s("enabled", "source"),
                    "use_registrobr_bulk_whois_data", s("enabled", "source")),
            "rpki_bgp_origin_validation", s("enabled", "reject_invalid"),
            "max_prefix", s("peering_db", maxPrefixPeeringDb(), "general_limit_ipv4", "general_limit_ipv6", "action",
                    "restart_after", "count_rejected_routes"),
            "roles", s("enabled", "strict_mode"),
            "reject_policy", s("policy"));

    static final Map<String, Object> GENERAL = s(
            "rs_as", "router_id", "prepend_rs_as", "path_hiding", "passive", "multihop", "gtsm", "add_path", "rfc8950",
            "filtering", GENERAL_FILTERING,
            "rpki_roas", s("source", "ripe_rpki_validator_url", "allowed_trust_anchors", "ignore_cache_files_older_than"),
            "blackhole_filtering", s("announce_to_client", "policy_ipv4", "policy_ipv6", "rewrite_next_hop_ipv4",
                    "rewrite_next_hop_ipv6", "add_noexport"),
            "graceful_shutdown", s("enabled", "local_pref"),
            "rfc1997_wellknown_communities", s("policy"),
            "rtt_thresholds", "communities", "custom_communities");

    static final Map<String, Object> CLIENT_FILTERING = s(
            "next_hop", s("policy", "authorized_addresses_list"),
            "ipv4_pref_len", prefLen(), "ipv6_pref_len", prefLen(),
            "black_list_pref", "max_as_path_len", "reject_invalid_as_in_as_path",
            "irrdb", s("as_sets", "enforce_origin_in_as_set", "enforce_prefix_in_as_set", "white_list_route",
                    "white_list_pref", "white_list_asn"),
            "rpki_bgp_origin_validation", s("reject_invalid"),
            "rpki", s("reject_invalid"),
            "max_prefix", s("action", "peering_db", maxPrefixPeeringDb(), "limit_ipv4", "limit_ipv6", "restart_after",
                    "count_rejected_routes"),
            "roles", s("enabled", "strict_mode", "local_role"),
            "reject_policy", s("policy"));

    static final Map<String, Object> CLIENT_CFG = s(
            "prepend_rs_as", "passive", "multihop", "gtsm", "add_path", "rfc8950",
            "filtering", CLIENT_FILTERING,
            "blackhole_filtering", s("announce_to_client"),
            "graceful_shutdown", s("enabled"),
            "attach_custom_communities", "custom_options");

    static final Map<String, Object> CLIENT = s("asn", "ip", "description", "password", "16bit_mapped_asn", "cfg",
            CLIENT_CFG);
}
