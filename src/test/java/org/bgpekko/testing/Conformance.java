// Locates ExaBGP's conformance data (../shared/exabgp-conformance) and reads its .msg expectations.
package org.bgpekko.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

public final class Conformance {
    private Conformance() {}

    /** The conformance folder; fails loudly when it is missing, so a run never passes on no data. */
    public static Path root() {
        String shared = System.getenv("BGPEKKO_SHARED");
        Path base = shared != null ? Path.of(shared) : Path.of("..", "shared");
        Path root = base.resolve("exabgp-conformance");
        if (!Files.isDirectory(root.resolve("encoding"))) {
            throw new IllegalStateException("conformance data not found at " + root.toAbsolutePath()
                    + " (set BGPEKKO_SHARED to the shared folder)");
        }
        return root;
    }

    public static List<Path> encodingCases() {
        try (Stream<Path> s = Files.list(root().resolve("encoding"))) {
            return s.filter(p -> p.toString().endsWith(".msg")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One "raw" expectation line: its group key and the message hex without colons. */
    public record RawRule(String key, String hex) {}

    /** The raw message rules of a .msg file, following the file format rules (comments, options, colons). */
    public static List<RawRule> rawRules(Path msg) {
        List<RawRule> out = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(msg)) {
                String l = line.strip();
                if (l.isEmpty() || l.contains("#") || l.startsWith("option:") || l.contains("notification:")) {
                    continue;
                }
                l = l.replace(" ", "").toLowerCase(Locale.ROOT);
                String[] parts = l.split(":", 3);
                if (parts.length == 3 && parts[1].equals("raw")) {
                    out.add(new RawRule(parts[0], parts[2].replace(":", "").toUpperCase(Locale.ROOT)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The configuration files of an encoding case (first line of NAME.ci). */
    public static List<Path> configsOf(Path msg) {
        Path ci = Path.of(msg.toString().replaceAll("\\.msg$", ".ci"));
        try {
            String first = Files.readAllLines(ci).get(0).strip();
            List<Path> out = new ArrayList<>();
            for (String name : first.split("\\s+")) {
                out.add(root().resolve("etc").resolve(name));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String caseName(Path msg) {
        return msg.getFileName().toString().replaceAll("\\.msg$", "");
    }
}
