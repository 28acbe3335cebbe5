// A generated configuration of 100,000 varied static routes parses without error, every route kept (no timing
// here: the figures come from ConfigParseBenchmark).
package org.bgpekko.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.bgpekko.bench.ConfigBenchData;
import org.junit.jupiter.api.Test;

class LargeConfigTest {
    @Test
    void hundredThousandRoutesParse() {
        String text = ConfigBenchData.generate(100_000, 20240603L);
        ConfigParser.Result r = ConfigParser.check(Path.of("generated.conf"), text);
        assertEquals(java.util.List.of(), r.errors().stream().limit(5).map(ConfigException::describe).toList());
        NeighborConfig n = r.configuration().neighbors().get(0);
        assertEquals(100_000, n.routes().size());
        assertEquals(100_000, n.routes().stream().map(RouteConfig::nlri).distinct().count());
    }
}
