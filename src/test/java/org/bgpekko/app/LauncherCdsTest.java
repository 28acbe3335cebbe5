// bin/bgpekko's class-data sharing: an archive written on first use, used next, replaced when the jar changes.
package org.bgpekko.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher is run from a scratch root (a copy of {@code bin/bgpekko} and a small jar standing in for the fat
 * jar: {@code run} prints what the real one logs once its neighbours started, then waits for SIGTERM), with
 * {@code BGPEKKO_CDS_DIR} in the scratch directory. Each start is a real JVM, so this takes a few seconds idle.
 */
class LauncherCdsTest {
    private static final String MAIN = """
            public class Stand {
                public static void main(String[] a) throws Exception {
                    if (a.length > 0 && a[0].equals("run")) {
                        if (!"false".equals(System.getenv("exabgp_log_enable"))) { // as the speaker logs
                            System.out.println("1 neighbour(s) started");
                        }
                        Thread.sleep(600_000);
                    }
                    System.out.println("stand-in VERSION");
                }
            }
            """;

    @TempDir
    Path root;

    @Test
    void anArchiveIsWrittenOnFirstUseUsedNextAndReplacedWhenTheJarChanges() throws Exception {
        Path bin = Files.createDirectories(root.resolve("bin"));
        Files.copy(Path.of("bin/bgpekko"), bin.resolve("bgpekko"));
        assertTrue(bin.resolve("bgpekko").toFile().setExecutable(true));
        Path target = Files.createDirectories(root.resolve("target"));
        Path cds = root.resolve("cds");
        // what the launcher compares the jar's time with (it builds the jar when these are newer)
        Files.createDirectories(root.resolve("src/main"));
        Files.writeString(root.resolve("pom.xml"), "<project/>");
        for (Path p : List.of(root.resolve("src/main"), root.resolve("pom.xml"))) {
            Files.setLastModifiedTime(p, FileTime.fromMillis(System.currentTimeMillis() - 60_000));
        }
        jar(target.resolve("bgpekko.jar"), "1");

        // the training runs in its own environment: a caller's exabgp_log_enable=false (ExaBGP's test harness sets it)
        // would silence the line the training waits for, and it would wait its 5 minutes
        Start first = start(cds, "exabgp_log_enable", "false");
        assertEquals("stand-in 1", first.out, "the command runs at once, without an archive");
        assertFalse(first.shared, "nothing shared on first use");
        Path archive = awaitArchive(cds, 90);
        String key1 = archive.getFileName().toString();

        Start second = start(cds);
        assertEquals("stand-in 1", second.out);
        assertTrue(second.shared, "the next start maps the stand-in's classes from " + archive);

        jar(target.resolve("bgpekko.jar"), "2");
        Start changed = start(cds);
        assertEquals("stand-in 2", changed.out, "the new jar runs");
        assertFalse(changed.shared, "the old jar's archive is not used for the new one");
        Path replaced = awaitArchive(cds, 300);
        assertFalse(replaced.getFileName().toString().equals(key1), "a new key for the new jar");
        assertFalse(Files.exists(archive), "the old jar's archive is deleted once the new one is in place");
        assertTrue(start(cds).shared, "the new archive is used");

        Start off = start(cds, "BGPEKKO_CDS", "off");
        assertFalse(off.shared, "BGPEKKO_CDS=off: no archive");
    }

    private record Start(String out, boolean shared) {}

    private Start start(Path cds, String... env) throws Exception {
        Path log = Files.createTempFile(root, "classes", ".log");
        ProcessBuilder pb = new ProcessBuilder(root.resolve("bin/bgpekko").toString(), "--version")
                .redirectErrorStream(true);
        Map<String, String> e = pb.environment();
        e.put("BGPEKKO_CDS_DIR", cds.toString());
        // the launcher's own options replaced, so that the class-loading log says where Stand came from
        e.put("BGPEKKO_JAVA_OPTS", "-XX:+UseParallelGC -Xlog:class+load=info:file=" + log);
        for (int i = 0; i < env.length; i += 2) {
            e.put(env[i], env[i + 1]);
        }
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        boolean shared = Files.readAllLines(log).stream()
                .anyMatch(l -> l.contains(" Stand ") && l.contains("shared objects file"));
        return new Start(out, shared);
    }

    /** The archive the background training leaves within {@code seconds} (it is niced on a loaded machine). */
    private static Path awaitArchive(Path cds, int seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            List<Path> done = new ArrayList<>();
            boolean training;
            try (Stream<Path> s = Files.list(cds)) {
                List<Path> all = s.toList();
                training = all.stream().anyMatch(p -> p.toString().endsWith(".lock"));
                all.stream().filter(p -> p.toString().endsWith(".jsa")).forEach(done::add);
            }
            if (!training && done.size() == 1) {
                return done.get(0);
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no archive in " + cds + " after " + seconds + " s");
    }

    /** A jar whose main class prints "stand-in VERSION" (a different jar for each version). */
    private void jar(Path jar, String version) throws IOException {
        Path src = Files.createTempDirectory(root, "src");
        Files.writeString(src.resolve("Stand.java"), MAIN.replace("VERSION", version));
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", src.toString(),
                src.resolve("Stand.java").toString()));
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        m.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "Stand");
        try (OutputStream f = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(f, m)) {
            j.putNextEntry(new JarEntry("Stand.class"));
            j.write(Files.readAllBytes(src.resolve("Stand.class")));
            j.closeEntry();
        }
        // a new time too, as a rebuild gives it (the JVM checks the jar's size and time against the archive's)
        Files.setLastModifiedTime(jar, FileTime.fromMillis(System.currentTimeMillis() + Long.parseLong(version)
                * 2000));
    }
}
