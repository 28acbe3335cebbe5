// The route-server section (issue 13): arouteserver's general.yml and clients.yml as neighbours, their errors at
// file:line:column, and the settings bgpekko does not implement refused where they stand.
package org.bgpekko.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.bgpekko.wire.Family;
import org.bgpekko.wire.nlri.IpAddress;
import org.bgpekko.wire.nlri.IpPrefix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RouteServerConfigTest {
    @TempDir
    Path dir;

    static final String CONF = """
            template {
                neighbor rs-client {
                    hold-time 90;
                    family { ipv4 unicast; ipv6 unicast; }
                }
            }
            route-server {
                general general.yml;
                clients clients.yml;
                irr irr.yml;
                template rs-client;
            }
            """;

    static final String GENERAL = """
            cfg:
              rs_as: 64500
              router_id: "192.0.2.2"
              filtering:
                max_prefix: {action: ~}
                next_hop:
                  policy: "same-as"
                global_black_list_pref:
                  - prefix: "192.0.2.0"
                    length: 24
              communities:
                do_not_announce_to_peer:
                  std: "0:peer_as"
                  lrg: "rs_as:0:peer_as"
            """;

    static final String CLIENTS = """
            asns:
              AS64511:
                as_sets: ["AS-ONE"]
            clients:
              - asn: 64511
                ip: ["192.0.2.11", "2001:db8::11"]
                description: "client one"
              - asn: 64512
                ip: "192.0.2.12"
                cfg:
                  passive: false
                  filtering:
                    max_as_path_len: 10
                    irrdb:
                      enforce_origin_in_as_set: false
            """;

    static final String IRR = """
            as-sets:
              AS-ONE:
                asns: [64511, 65001]
                prefixes: [{prefix: "203.0.113.0/24"}, {prefix: "198.51.100.0/22", le: 24}]
            """;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    private ConfigParser.Result check(String conf, String general, String clients, String irr) throws IOException {
        write("general.yml", general);
        write("clients.yml", clients);
        write("irr.yml", irr);
        return ConfigParser.check(write("rs.conf", conf));
    }

    private List<String> errors(String conf, String general, String clients, String irr) throws IOException {
        return check(conf, general, clients, irr).errors().stream()
                .map(e -> dir.relativize(e.file().toAbsolutePath()) + ":" + e.line() + ":" + e.column() + ": "
                        + e.getMessage())
                .toList();
    }

    @Test
    void eachClientAddressBecomesANeighbourWithTheTemplateAndTheGeneralSettings() throws IOException {
        ConfigParser.Result r = check(CONF, GENERAL, CLIENTS, IRR);
        assertTrue(r.valid(), () -> r.errors().toString());
        List<NeighborConfig> n = r.configuration().neighbors();
        assertEquals(3, n.size(), "one neighbour per address");
        NeighborConfig v4 = n.get(0);
        assertEquals(IpAddress.parse("192.0.2.11"), v4.peerAddress());
        assertEquals(64511, v4.peerAs());
        assertEquals(64500, v4.localAs(), "cfg.rs_as");
        assertEquals(IpAddress.parse("192.0.2.2").lo(), v4.routerId(), "cfg.router_id");
        assertTrue(v4.passive(), "passive by default");
        assertTrue(v4.routeServerClient());
        assertEquals(90, v4.holdTime(), "from the template");
        assertEquals(Set.of(Family.IPV4_UNICAST, Family.IPV6_UNICAST), v4.families(), "from the template");
        assertEquals("client one", v4.description());
        RsPolicy.Client p = v4.rsPolicy();
        assertEquals(Set.of(IpAddress.parse("192.0.2.11"), IpAddress.parse("2001:db8::11")), p.nextHops(),
                "same-as: every address of the AS");
        assertEquals(Set.of(64511L, 65001L), p.origins(), "the AS-SET of the asns section and the aut-num");
        assertTrue(p.irrPrefixes().matches(IpPrefix.parse("203.0.113.0/24")));
        assertFalse(p.irrPrefixes().matches(IpPrefix.parse("203.0.113.0/25")), "exact without allow_longer_prefixes");
        assertTrue(p.irrPrefixes().matches(IpPrefix.parse("198.51.101.0/24")), "le 24");
        assertTrue(p.general().globalBlackList().matches(IpPrefix.parse("192.0.2.128/25")));
        assertTrue(p.general().bogons().matches(IpPrefix.parse("10.1.0.0/16")), "arouteserver's bogons by default");
        assertEquals(IpAddress.parse("2001:db8::11"), n.get(1).peerAddress());
        NeighborConfig second = n.get(2);
        assertFalse(second.passive(), "the client's cfg over general.yml");
        assertEquals(10, second.rsPolicy().maxAsPathLen());
        assertEquals(32, v4.rsPolicy().maxAsPathLen(), "arouteserver's default");
        assertFalse(second.rsPolicy().enforceOrigin());
        assertNull(second.rsPolicy().maxPrefix(), "action: ~, no limits");
        RsCommunity dnap = p.general().community("do_not_announce_to_peer");
        assertEquals(0, dnap.std().first());
        assertEquals(RsCommunity.Macro.PEER_AS, dnap.std().macro());
        assertEquals(64500, dnap.lrg().first(), "rs_as macro");
    }

    /** Before: SnakeYAML's default bound (3 MiB of code points) refused an exchange's 100,000-entry list. */
    @Test
    void aPrefixListOfAHundredThousandEntriesLoads() throws IOException {
        StringBuilder list = new StringBuilder();
        for (int k = 0; k < 100_000; k++) {
            list.append("      - {prefix: \"").append(40 + (k >> 16)).append('.').append(k >> 8 & 255).append('.')
                    .append(k & 255).append(".0\", length: 24, comment: \"entry ").append(k).append("\"}\n");
        }
        String general = GENERAL.replace("""
                    global_black_list_pref:
                      - prefix: "192.0.2.0"
                        length: 24
                """, "    global_black_list_pref:\n" + list);
        assertTrue(general.length() > 3 << 20, "over SnakeYAML's default bound");
        ConfigParser.Result r = check(CONF, general, CLIENTS, IRR);
        assertTrue(r.valid(), () -> r.errors().toString());
        assertEquals(100_000, r.configuration().neighbors().get(0).rsPolicy().general().globalBlackList().size());
    }

    @Test
    void withoutATemplateAClientHasTheFamilyOfItsAddress() throws IOException {
        ConfigParser.Result r = check("route-server { general general.yml; clients clients.yml; irr irr.yml; }\n",
                GENERAL, CLIENTS, IRR);
        assertTrue(r.valid(), () -> r.errors().toString());
        assertEquals(Set.of(Family.IPV4_UNICAST), r.configuration().neighbors().get(0).families());
        assertEquals(Set.of(Family.IPV6_UNICAST), r.configuration().neighbors().get(1).families());
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = RouteServerConfigTest.class.getResourceAsStream("/arouteserver/" + name)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    @Test
    void arouteserversOwnDefaultFilesLoadAsTheyAre() throws IOException {
        ConfigParser.Result r = check("route-server { general general.yml; clients clients.yml; }\n",
                resource("default-general.yml"), resource("default-clients.yml"), "");
        assertTrue(r.valid(), () -> r.errors().toString());
        List<NeighborConfig> n = r.configuration().neighbors();
        assertEquals(List.of("192.0.2.11", "192.0.2.22", "2001:db:1:1::22", "192.0.2.33"),
                n.stream().map(x -> x.peerAddress().toString()).toList());
        RsPolicy.General g = n.get(0).rsPolicy().general();
        assertEquals(999, g.rsAs());
        assertTrue(g.transitFree().containsAll(Set.of(174L, 701L, 12956L)), "a comma-separated text");
        assertEquals(Set.of(), g.neverViaRouteServers(), "PeeringDB's list comes from irr.yml: none given");
        assertEquals(Long.valueOf(64512), g.mapped16().get(65551L), "16bit_mapped_asn");
        assertNull(n.get(0).rsPolicy().general().roas(), "RPKI off");
        assertNull(n.get(0).rsPolicy().maxPrefix(), "no max_prefix.action (commented out in arouteserver's file): "
                + "no limits, as arouteserver configures none");
    }

    @Test
    void maxPrefixLimitsComeFromTheClientPeeringDbOrTheGeneralLimit() throws IOException {
        String general = GENERAL.replace("max_prefix: {action: ~}", "max_prefix:\n      action: \"restart\"\n"
                + "      restart_after: 5\n      general_limit_ipv6: 300");
        String clients = CLIENTS.replace("max_as_path_len: 10", "max_as_path_len: 10\n        max_prefix: "
                + "{action: block, limit_ipv4: 7, count_rejected_routes: false}");
        String irr = IRR + """
                peeringdb:
                  max_prefix:
                    AS64511: {ipv4: 50, ipv6: 0}
                """;
        ConfigParser.Result r = check(CONF, general, clients, irr);
        assertTrue(r.valid(), () -> r.errors().toString());
        List<NeighborConfig> n = r.configuration().neighbors();
        assertEquals(new RsPolicy.MaxPrefix(RsPolicy.MaxPrefixAction.RESTART, Math.round((50 + 100) * 1.15), 300, 5,
                true), n.get(0).rsPolicy().maxPrefix(), "PeeringDB's count with arouteserver's increments; IPv6: "
                + "PeeringDB says 0, the general limit");
        assertEquals(new RsPolicy.MaxPrefix(RsPolicy.MaxPrefixAction.BLOCK, 7, 300, 5, false),
                n.get(2).rsPolicy().maxPrefix(), "the client's own action and limit");
        assertTrue(errors(CONF, general.replace("\"restart\"", "reboot"), CLIENTS, IRR).get(0)
                .contains("max_prefix.action"), "an unknown action is refused");
    }

    @Test
    void arouteserversRichExampleIsRefusedForWhatBgpekkoDoesNotImplement() throws IOException {
        List<String> e = errors("route-server { general general.yml; clients clients.yml; }\n",
                resource("rich-general.yml"), resource("rich-clients.yml"), "");
        assertFalse(e.stream().anyMatch(x -> x.contains("attach_custom_communities")), e::toString);
        List<String> unknown = errors("route-server { general general.yml; clients clients.yml; }\n",
                resource("rich-general.yml"), resource("rich-clients.yml").replace("\"from_usa\"", "\"from_asia\""),
                "");
        assertTrue(unknown.contains("clients.yml:14:9: clients[1].cfg.attach_custom_communities: 'from_asia' is not "
                + "in general.yml's cfg.custom_communities (from_europe, from_usa)"), unknown::toString);
        assertTrue(e.contains("general.yml:41:19: cfg.filtering.irrdb.peering_db: true is not supported by bgpekko: "
                + "AS-SETs are not looked up in PeeringDB; give them in clients.yml (as_sets) and their content in "
                + "irr.yml"), e::toString);
        assertFalse(e.stream().anyMatch(x -> x.contains("graceful_shutdown") || x.contains("blackhole")), e::toString);
        assertTrue(e.stream().anyMatch(x -> x.contains("do_not_announce_to_peers_with_rtt_lower_than is not "
                + "supported")), e::toString);
        assertFalse(e.stream().anyMatch(x -> x.contains("peering_db must be")), "max_prefix.peering_db: true (older "
                + "form)");
    }

    @Test
    void yamlAndSchemaErrorsAreReportedAtTheirLineAndColumn() throws IOException {
        assertEquals(List.of("general.yml:3:1: invalid YAML: while scanning a quoted scalar (line 2, column 10): "
                + "found unexpected end of stream"), errors(CONF, "cfg:\n  rs_as: \"64500\n", CLIENTS, IRR));
        assertEquals(List.of("general.yml:15:3: unknown setting 'rs_ass' in cfg (expected one of rs_as, router_id, "
                + "prepend_rs_as, path_hiding, passive, multihop, gtsm, add_path, rfc8950, filtering, rpki_roas, "
                + "blackhole_filtering, graceful_shutdown, rfc1997_wellknown_communities, rtt_thresholds, communities, "
                + "custom_communities)"), errors(CONF, GENERAL + "  rs_ass: 1\n", CLIENTS, IRR));
        assertEquals(List.of("general.yml:7:15: cfg.filtering.next_hop.policy 'stricter' is not one of strict, "
                + "same-as, authorized_addresses"), errors(CONF, GENERAL.replace("\"same-as\"", "stricter"), CLIENTS,
                IRR), "a general.yml setting the clients inherit: named as in general.yml, reported once");
        assertEquals(List.of("general.yml:15:3: the key 'rs_as' is given twice (first at line 2)"),
                errors(CONF, GENERAL + "  rs_as: 1\n", CLIENTS, IRR));
        assertEquals(List.of("clients.yml:13:26: clients[1].cfg.filtering.max_as_path_len must be a whole number in "
                + "1..64, not the text 'ten'"), errors(CONF, GENERAL, CLIENTS.replace("max_as_path_len: 10",
                "max_as_path_len: ten"), IRR));
        assertEquals(List.of("general.yml:13:12: cfg.communities.do_not_announce_to_peer.std: '0:64511': this "
                + "community needs the peer_as macro in its last part"),
                errors(CONF, GENERAL.replace("\"0:peer_as\"", "\"0:64511\""), CLIENTS, IRR));
        assertEquals(List.of("clients.yml:3:14: AS-SET AS-TWO of AS64511 is not in irr.yml (bgpekko does not query "
                + "IRR databases: give its origins and prefixes there)"),
                errors(CONF, GENERAL, CLIENTS.replace("AS-ONE", "AS-TWO"), IRR));
        assertEquals(List.of("irr.yml:4:76: as-sets.AS-ONE.prefixes le 33 is out of range 22..32"),
                errors(CONF, GENERAL, CLIENTS, IRR.replace("le: 24", "le: 33")));
        assertEquals(List.of("clients.yml:9:9: clients[1].ip 192.0.2.11 is already the address of the client at "
                + "line 6"), errors(CONF, GENERAL, CLIENTS.replace("ip: \"192.0.2.12\"", "ip: \"192.0.2.11\""), IRR));
    }

    @Test
    void theSectionsOwnErrorsAreInTheConfigurationFile() throws IOException {
        assertEquals(List.of("rs.conf:1:1: route-server needs general FILE; and clients FILE; (arouteserver's "
                + "general.yml and clients.yml)"), errors("route-server { general general.yml; }\n", GENERAL,
                CLIENTS, IRR));
        assertEquals(List.of("rs.conf:1:67: unknown template 'nope' (defined: [])"),
                errors("route-server { general general.yml; clients clients.yml; template nope; }\n", GENERAL,
                        CLIENTS, IRR));
        assertEquals(List.of("rs.conf:1:16: unknown route-server setting 'bogon' (expected general, clients, bogons, "
                + "irr, template, perform-graceful-shutdown or rtr-cache)"), errors("route-server { bogon x.yml; general general.yml; clients clients.yml; "
                + "}\n", GENERAL, CLIENTS, IRR));
        assertEquals(List.of("missing.yml:0:0: cannot read the file (no such file)"),
                errors("route-server { general missing.yml; clients clients.yml; }\n", GENERAL, CLIENTS, IRR));
    }

    @Test
    void settingsBgpekkoDoesNotImplementAreRefusedNotIgnored() throws IOException {
        assertEquals(List.of("general.yml:15:16: cfg.path_hiding: false is not supported by bgpekko: the route server "
                + "always prevents path hiding (RFC 7947 section 2.3.2.1: each client gets the best path its export "
                + "policy accepts)"), errors(CONF, GENERAL + "  path_hiding: false\n", CLIENTS, IRR));
        assertEquals(List.of("clients.yml:13:44: clients[1].cfg.filtering.roles.local_role customer is not supported "
                + "by bgpekko: the RFC 9234 ingress procedure of this role (an OTC attribute with the client's AS "
                + "added to its routes that have none) is not implemented; rs and provider are"),
                errors(CONF, GENERAL, CLIENTS.replace("max_as_path_len: 10",
                        "roles: {enabled: true, local_role: customer}"), IRR));
        assertEquals(List.of("general.yml:2:38: cfg.blackhole_filtering.policy_ipv4 rewrite-next-hop needs "
                + "cfg.blackhole_filtering.rewrite_next_hop_ipv4"), errors(CONF, GENERAL.replace("cfg:\n",
                "cfg:\n  blackhole_filtering: {policy_ipv4: \"rewrite-next-hop\"}\n"), CLIENTS, IRR));
    }

    /** arouteserver's filtering.roles (RFC 9234): general.yml's enabled / strict_mode, the client's over them. */
    @Test
    void rolesAreAppliedPerClientWithRsAsTheDefaultLocalRole() throws IOException {
        List<NeighborConfig> off = check(CONF, GENERAL, CLIENTS, IRR).configuration().neighbors();
        assertEquals(List.of(RoleConfig.NONE, RoleConfig.NONE, RoleConfig.NONE),
                off.stream().map(NeighborConfig::role).toList());
        String enabled = GENERAL.replace("  filtering:\n", "  filtering:\n    roles: {enabled: true, strict_mode: true}\n");
        String clients = CLIENTS.replace("max_as_path_len: 10", "roles: {strict_mode: false, local_role: Provider}");
        ConfigParser.Result r = check(CONF, enabled, clients, IRR);
        assertEquals(List.of(), r.errors());
        List<NeighborConfig> on = r.configuration().neighbors();
        RoleConfig rsStrict = new RoleConfig(org.bgpekko.wire.capability.BgpRole.RS, true);
        assertEquals(List.of(rsStrict, rsStrict, new RoleConfig(org.bgpekko.wire.capability.BgpRole.PROVIDER, false)),
                on.stream().map(NeighborConfig::role).toList());
        assertEquals(on.get(2).role(), on.get(2).rsPolicy().role(), "the policy's OTC rules use the session's role");
        // a client may turn roles off, and general.yml's strict_mode then means nothing
        assertEquals(RoleConfig.NONE, check(CONF, enabled, CLIENTS.replace("max_as_path_len: 10",
                "roles: {enabled: false}"), IRR).configuration().neighbors().get(2).role());
        assertEquals(List.of("clients.yml:13:44: clients[1].cfg.filtering.roles.local_role 'server' is not one of "
                + "provider, rs, rs-client, customer, peer"), errors(CONF, enabled, CLIENTS.replace(
                        "max_as_path_len: 10", "roles: {enabled: true, local_role: server}"), IRR));
        assertEquals(List.of("general.yml:5:28: unknown setting 'local_role' in cfg.filtering.roles (expected one of "
                + "enabled, strict_mode)"), errors(CONF,
                GENERAL.replace("  filtering:\n", "  filtering:\n    roles: {enabled: true, local_role: rs}\n"),
                CLIENTS, IRR));
    }

    @Test
    void rpkiRoasSourceRtrTakesTheCacheOfTheSectionsRtrCache() throws IOException {
        String rtrGeneral = GENERAL.replace("  filtering:\n", "  rpki_roas: {source: rtr}\n  filtering:\n"
                + "    rpki_bgp_origin_validation: {enabled: true}\n");
        ConfigParser.Result r = check(CONF.replace("template rs-client;", "template rs-client; rtr-cache 127.0.0.1 3323;"),
                rtrGeneral, CLIENTS, IRR);
        assertEquals(List.of(), r.errors());
        RsPolicy.General g = r.configuration().neighbors().get(0).rsPolicy().general();
        assertEquals(new RsPolicy.RtrCache(org.bgpekko.wire.nlri.IpAddress.parse("127.0.0.1"), 3323), g.rtr());
        assertNull(g.roas(), "the ROAs are the RTR client's");
        assertEquals(323, check(CONF.replace("template rs-client;", "template rs-client; rtr-cache ::1;"), rtrGeneral,
                CLIENTS, IRR).configuration().neighbors().get(0).rsPolicy().general().rtr().port(), "IANA's rpki-rtr port");

        assertEquals(List.of("general.yml:4:23: cfg.rpki_roas.source: rtr needs the RPKI cache to connect to: add "
                + "'rtr-cache ADDRESS [PORT];' to the route-server section (arouteserver leaves it to the daemon's "
                + "rpki_rtr_config.local)"), errors(CONF, rtrGeneral, CLIENTS, IRR));
        assertEquals(List.of("rs.conf:11:25: rtr-cache is set but general.yml does not take its ROAs over RTR "
                + "(cfg.filtering.rpki_bgp_origin_validation.enabled is false, or cfg.rpki_roas.source is not rtr)"),
                errors(CONF.replace("template rs-client;", "template rs-client; rtr-cache 127.0.0.1 3323;"), GENERAL,
                        CLIENTS, IRR));
        assertEquals(1, errors(CONF.replace("template rs-client;", "template rs-client; rtr-cache 127.0.0.1 99999;"),
                rtrGeneral, CLIENTS, IRR).size(), "port out of range");
    }
}
