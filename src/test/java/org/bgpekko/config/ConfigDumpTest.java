// `--dump` writes a configuration that parses again to the same dump, and to the same routes, processes and
// neighbor settings as the original file.
package org.bgpekko.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.bgpekko.wire.nlri.NlriCodecs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ConfigDumpTest {
    private static final Path DUMP = Path.of("dump.conf");

    static Stream<Path> configs() throws IOException {
        return ConfigConformanceTest.configs();
    }

    /** A route without its source position. */
    private record Route(Object nlri, Object nextHop, Object attributes, int split, String name, String watchdog,
                         boolean withdrawn) {
        static Route of(RouteConfig r) {
            return new Route(r.nlri(), r.nextHop(), r.attributes(), r.split(), r.name(), r.watchdog(), r.withdrawn());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configs")
    void dumpParsesBackToTheSameDumpAndModel(Path conf) throws IOException {
        ConfigParser.Result original = ConfigParser.check(conf, Files.readString(conf, StandardCharsets.UTF_8));
        if (!original.valid()) {
            return; // a family not supported yet
        }
        String first = ConfigDump.dump(original.configuration());
        ConfigParser.Result again = ConfigParser.check(DUMP, first);
        assertEquals(List.of(), again.errors().stream().map(ConfigException::describe).toList(), first);
        assertEquals(first, ConfigDump.dump(again.configuration()));

        Configuration a = original.configuration();
        Configuration b = again.configuration();
        assertEquals(a.processes(), b.processes());
        assertEquals(a.neighbors().size(), b.neighbors().size());
        for (int i = 0; i < a.neighbors().size(); i++) {
            NeighborConfig x = a.neighbors().get(i);
            NeighborConfig y = b.neighbors().get(i);
            assertEquals(x.routes().stream().map(Route::of).toList(), y.routes().stream().map(Route::of).toList());
            assertEquals(List.of(x.peerAddress(), x.localAddress() == null ? "auto" : x.localAddress(), x.localAs(),
                            x.peerAs(), x.holdTime(), x.passive(), x.connect(), x.groupUpdates(),
                            x.autoFlush(), x.manualEor(), x.adjRibIn(), x.routeServerClient(), x.addPathFamilies(),
                            x.nextHop(), x.apis(), x.description(), x.tcp()),
                    List.of(y.peerAddress(), y.localAddress() == null ? "auto" : y.localAddress(), y.localAs(),
                            y.peerAs(), y.holdTime(), y.passive(), y.connect(), y.groupUpdates(),
                            y.autoFlush(), y.manualEor(), y.adjRibIn(), y.routeServerClient(), y.addPathFamilies(),
                            y.nextHop(), y.apis(), y.description(), y.tcp()));
            assertEquals(x.families().isEmpty() ? NlriCodecs.families() : x.families(), y.families());
            assertTrue(y.routerId() >= 0, "the dump makes the router-id explicit");
        }
    }

    @Test
    void oneLinePerRouteWithResolvedAttributes() {
        String conf = "template {\n neighbor t {\n  local-as 65001;\n  static { route 10.9.0.0/16 next-hop 9.9.9.9; }\n"
                + " }\n}\nneighbor 10.0.0.2 {\n inherit t;\n local-address 10.0.0.1;\n peer-as 65002;\n static {\n"
                + "  route 10.0.0.0/24 { next-hop 1.2.3.4; as-path [ 1 2 ( 3 4 ) ]; med 10; community [ 2:2 1:1 ];"
                + " origin egp; }\n"
                + "  route 10.1.0.0/24 next-hop self large-community 1:2:3 extended-community target:65000:7 split /25"
                + " name \"my route\" attribute [ 99 0xC0 0x0102 ];\n"
                + " }\n}\n";
        String dump = ConfigDump.dump(ConfigParser.parse(Path.of("x.conf"), conf));
        assertTrue(dump.contains("    router-id 10.0.0.1;\n    local-address 10.0.0.1;\n    local-as 65001;\n"
                + "    peer-as 65002;\n    hold-time 180;\n"), dump);
        assertTrue(dump.contains("        route 10.9.0.0/16 next-hop 9.9.9.9;\n"
                + "        route 10.0.0.0/24 next-hop 1.2.3.4 origin egp as-path [ 1 2 ( 3 4 ) ] med 10 "
                + "community [ 1:1 2:2 ];\n"
                + "        route 10.1.0.0/24 next-hop self extended-community [ target:65000:7 ] "
                + "large-community [ 1:2:3 ] attribute [ 99 0xc0 0x0102 ] split /25 name \"my route\";\n"), dump);
        assertTrue(dump.contains("    family {\n        ipv4 unicast;\n"), dump);
    }
}
