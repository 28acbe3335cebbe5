// Every input of the committed seed corpus (src/test/resources/org/bgpekko/fuzz/seeds/<target>/: the conformance
// messages and helper commands the fuzzers start from) passes its fuzz target, fast, in the normal suite.
package org.bgpekko.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FuzzCorpusTest {
    static Path seeds(String target) throws URISyntaxException {
        return Path.of(FuzzCorpusTest.class.getResource("seeds/" + target).toURI());
    }

    static Consumer<byte[]> target(String name) {
        return switch (name) {
            case "update" -> UpdateFuzzer::fuzzerTestOneInput;
            case "open" -> OpenFuzzer::fuzzerTestOneInput;
            case "apiLine" -> ApiLineFuzzer::fuzzerTestOneInput;
            default -> throw new IllegalArgumentException(name);
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"update", "open", "apiLine"})
    void everySeedPasses(String name) throws IOException, URISyntaxException {
        List<Path> inputs;
        try (Stream<Path> s = Files.list(seeds(name))) {
            inputs = s.sorted().toList();
        }
        assertTrue(!inputs.isEmpty(), "no seeds for " + name);
        Consumer<byte[]> target = target(name);
        for (Path p : inputs) {
            try {
                target.accept(Files.readAllBytes(p));
            } catch (RuntimeException | Error e) {
                throw new AssertionError(name + " fails on " + p.getFileName(), e);
            }
        }
    }
}
