// Every configuration of ExaBGP's suite parses, except those that need a family not supported yet or a setting
// bgpekko cannot apply, which fail only with a "not supported" message at a position.
package org.bgpekko.config;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.bgpekko.testing.Conformance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ConfigConformanceTest {

    static Stream<Path> configs() throws IOException {
        try (Stream<Path> s = Files.list(Conformance.root().resolve("etc"))) {
            return s.filter(p -> p.toString().endsWith(".conf")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configs")
    void parsesOrNamesTheMissingFamily(Path conf) throws IOException {
        try {
            Configuration c = ConfigParser.parse(conf);
            assertTrue(!c.neighbors().isEmpty() || !c.processes().isEmpty(), "nothing parsed from " + conf);
        } catch (ConfigException e) {
            // a family without a codec yet, or a setting bgpekko cannot apply (UnsupportedSettingsTest names them)
            assertTrue(e.getMessage().endsWith("is not supported yet")
                    || e.getMessage().contains("is not supported by bgpekko yet ("), e.describe());
            assertTrue(e.line() > 0 && e.column() > 0, e.describe());
        }
    }

    /** The configurations of the VPLS, MVPN, MUP, prefix-SID and BGP-LS families parse, with every route. */
    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"api-ipv4", "api-ipv6", "api-mvpn", "api-vpls",
        "conf-l2vpn", "conf-mvpn", "conf-prefix-sid", "conf-srv6-mup-v3", "conf-srv6-mup", "conf-bgpls",
        "conf-prefix-sid-srv6"})
    void familyConfigurationsParse(String name) throws IOException {
        Configuration c = ConfigParser.parse(Conformance.root().resolve("etc").resolve(name + ".conf"));
        String text = java.nio.file.Files.readString(Conformance.root().resolve("etc").resolve(name + ".conf"));
        long routes = text.lines().filter(l -> l.strip().matches("(route|mcast-vpn|vpls|mup-(isd|dsd|t1st|t2st))\\b.*")).count();
        assertTrue(c.neighbors().get(0).routes().size() == routes, name + ": " + c.neighbors().get(0).routes().size()
                + " routes parsed, " + routes + " in the file");
    }

    @Test
    void mostConfigurationsParse() throws IOException {
        long ok = configs().filter(p -> {
            try {
                ConfigParser.parse(p);
                return true;
            } catch (ConfigException e) {
                return false;
            }
        }).count();
        assertTrue(ok >= 60, "only " + ok + " of 86 configurations parse");
        assertTrue(List.of(86L).contains(configs().count()));
    }
}
