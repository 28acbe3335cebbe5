// Where cases, configurations, helper programs and the expected-pass list live.
package org.bgpekko.qa;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * @param root   the repository root (holds qa/)
 * @param shared the exabgp-conformance folder (holds encoding/ and etc/)
 */
public record Suite(Path root, Path shared) {

    /** The suite of a repository: the shared folder from $BGPEKKO_SHARED, else ROOT/../shared. */
    public static Suite of(Path root) {
        String env = System.getenv("BGPEKKO_SHARED");
        Path base = env != null && !env.isBlank() ? Path.of(env) : root.resolve("..").resolve("shared");
        Path shared = base.resolve("exabgp-conformance").toAbsolutePath().normalize();
        if (!Files.isDirectory(shared.resolve("encoding"))) {
            throw new IllegalStateException("conformance data not found at " + shared
                    + " (set BGPEKKO_SHARED to the shared folder)");
        }
        return new Suite(root.toAbsolutePath().normalize(), shared);
    }

    public Path encodingDir() {
        return shared.resolve("encoding");
    }

    /** Our own cases: NAME.ci, NAME.msg and their configurations side by side. */
    public Path ownCasesDir() {
        return root.resolve("qa").resolve("cases");
    }

    public Path helpersDir() {
        return root.resolve("qa").resolve("helpers");
    }

    /** Every case: ExaBGP's encoding cases, then ours; names must be unique. */
    public Map<String, CaseFile> cases() {
        List<CaseFile> all = new ArrayList<>();
        for (Path dir : List.of(encodingDir(), ownCasesDir())) {
            for (String name : CaseFile.namesIn(dir)) {
                all.add(CaseFile.load(dir, name));
            }
        }
        return CaseFile.index(all);
    }

    /** A configuration named by a case: beside the case first, then in the shared etc/ folder. */
    public Path config(CaseFile c, String name) {
        Path local = c.dir().resolve(name);
        if (!c.dir().equals(encodingDir()) && Files.isRegularFile(local)) {
            return local;
        }
        return shared.resolve("etc").resolve(name);
    }

    /** The names listed in qa/expected-pass.txt (one a line, '#' starts a comment). */
    public List<String> expectedPass() {
        return List.copyOf(listFile(root.resolve("qa").resolve("expected-pass.txt")).keySet());
    }

    /** qa/expected-fail.txt: NAME followed by the reason. */
    public Map<String, String> expectedFail() {
        return listFile(root.resolve("qa").resolve("expected-fail.txt"));
    }

    static Map<String, String> listFile(Path file) {
        Map<String, String> out = new LinkedHashMap<>();
        if (!Files.isRegularFile(file)) {
            return out;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                int hash = line.indexOf('#');
                String l = (hash >= 0 ? line.substring(0, hash) : line).strip();
                if (l.isEmpty()) {
                    continue;
                }
                String[] parts = l.split("\\s+", 2);
                out.put(parts[0], parts.length > 1 ? parts[1] : "");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
