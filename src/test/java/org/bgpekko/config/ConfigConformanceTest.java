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
