// JMH benchmark of the configuration parser: milliseconds per parse of ExaBGP's largest files and of a generated
// 100,000-route configuration, with the tokenizer alone and a file read as references (see bench/config-bench).
package org.bgpekko.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.bgpekko.config.ConfigParser;
import org.bgpekko.config.Configuration;
import org.bgpekko.config.Tokenizer;
import org.bgpekko.testing.Conformance;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
@State(Scope.Benchmark)
public class ConfigParseBenchmark {
    static final int ROUTES = 100_000;
    static final long SEED = 20240603L;

    Path skipLarge;
    String skipLargeText;
    Path etcLargest;
    String etcLargestText;
    Path generated;
    String generatedText;

    @Setup
    public void setup() throws IOException {
        skipLarge = Conformance.root().resolve("encoding/skip-large.conf");
        skipLargeText = Files.readString(skipLarge, StandardCharsets.UTF_8);
        etcLargest = Conformance.root().resolve("etc/conf-extended-attributes.conf");
        etcLargestText = Files.readString(etcLargest, StandardCharsets.UTF_8);
        generatedText = ConfigBenchData.generate(ROUTES, SEED);
        generated = Files.createTempFile("config-bench", ".conf");
        Files.writeString(generated, generatedText, StandardCharsets.UTF_8);
        // the inputs must be valid and complete, or the timings mean nothing
        check(ConfigParser.parse(skipLarge, skipLargeText), -1);
        check(ConfigParser.parse(etcLargest, etcLargestText), -1);
        check(ConfigParser.parse(generated, generatedText), ROUTES);
    }

    private static void check(Configuration c, int routes) {
        int n = c.neighbors().stream().mapToInt(x -> x.routes().size()).sum();
        if (n == 0 || routes >= 0 && n != routes) {
            throw new IllegalStateException("expected " + routes + " routes, parsed " + n);
        }
    }

    @TearDown
    public void tearDown() throws IOException {
        Files.deleteIfExists(generated);
    }

    @Benchmark
    public Configuration parseSkipLarge() {
        return ConfigParser.parse(skipLarge, skipLargeText);
    }

    @Benchmark
    public Object tokenizeSkipLarge() {
        return Tokenizer.tokenize(skipLarge, skipLargeText);
    }

    @Benchmark
    public Configuration parseEtcLargest() {
        return ConfigParser.parse(etcLargest, etcLargestText);
    }

    @Benchmark
    public Object tokenizeEtcLargest() {
        return Tokenizer.tokenize(etcLargest, etcLargestText);
    }

    /** Read from disk and parse: what `bgpekko validate` does for the file. */
    @Benchmark
    public Configuration parse100k() throws IOException {
        return ConfigParser.parse(generated);
    }

    @Benchmark
    public Object tokenize100k() {
        return Tokenizer.tokenize(generated, generatedText);
    }

    @Benchmark
    public String read100k() throws IOException {
        return Files.readString(generated, StandardCharsets.UTF_8);
    }
}
