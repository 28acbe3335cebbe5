// `bgpekko validate A.conf B.conf…`: every error of every file, exit 0 only when all are valid, --dump.
package org.bgpekko.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {
    private static final String VALID = "neighbor 10.0.0.2 {\n    local-address 10.0.0.1;\n    local-as 1;\n"
            + "    peer-as 2;\n    static { route 10.1.0.0/16 next-hop self med 5; }\n}\n";

    @TempDir
    Path dir;

    private record Run(int rc, String out, List<String> err) {}

    private Run validate(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] all = new String[args.length + 1];
        all[0] = "validate";
        System.arraycopy(args, 0, all, 1, args.length);
        int rc = Main.execute(new PrintWriter(out), new PrintWriter(err), all);
        return new Run(rc, out.toString(), err.toString().lines().toList());
    }

    private String file(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text).toString();
    }

    @Test
    void allValidExitsZeroAndSaysNothing() throws IOException {
        Run r = validate(file("a.conf", VALID), file("b.conf", VALID.replace("10.0.0.2", "10.0.0.3")));
        assertEquals(new Run(0, "", List.of()), r);
    }

    @Test
    void theShippedConfigurationsAreValid() {
        assertEquals(new Run(0, "", List.of()), validate("conf/example.conf", "conf/route-server/bgpekko.conf"));
    }

    @Test
    void reportsEveryErrorOfEveryFile() throws IOException {
        String a = file("a.conf", VALID.replace("med 5", "med x").replace("peer-as 2", "peer-as 4294967296"));
        String b = file("b.conf", VALID);
        String c = file("c.conf", "neighbor 10.0.0.2 {\n    hold-time 1;\n}\n");
        String missing = dir.resolve("missing.conf").toString();
        Run r = validate(a, b, c, missing);
        assertEquals(1, r.rc());
        assertEquals(List.of(
                a + ":4:13: peer-as 4294967296 out of range (expected 0..4294967295)",
                a + ":5:50: 'x' is not a number (expected MED)",
                c + ":2:15: hold time 1 is invalid (expected 0 or 3..65535)",
                missing + ":0:0: cannot read the file (no such file)"), r.err());
    }

    @Test
    void dumpPrintsEachValidFileAsAConfiguration() throws IOException {
        String a = file("a.conf", VALID);
        Run one = validate("--dump", a);
        assertEquals(0, one.rc());
        assertTrue(one.out().startsWith("neighbor 10.0.0.2 {\n    description \"\";\n    router-id 10.0.0.1;\n"),
                one.out());
        assertTrue(one.out().contains("        route 10.1.0.0/16 next-hop self med 5;\n"), one.out());
        Path again = dir.resolve("again.conf");
        Files.writeString(again, one.out());
        Run round = validate("--dump", again.toString());
        assertEquals(one.out(), round.out());

        Run two = validate("--dump", a, file("bad.conf", "neighbor x {\n}\n"));
        assertEquals(1, two.rc());
        assertTrue(two.out().startsWith("# " + a + "\nneighbor 10.0.0.2 {"), two.out());
        assertEquals(1, two.err().size());
    }

    @Test
    void aDeviceWithoutEndIsCappedNotAnOutOfMemoryError() {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(Path.of("/dev/zero")));
        Run r = validate("/dev/zero");
        assertEquals(new Run(1, "", List.of("/dev/zero:0:0: cannot read the file (larger than 64 MiB, the most a "
                + "configuration may be; announce large tables from a helper process)")), r);
    }

    @Test
    void invalidUtf8AndNothingToRunAreErrorsAtAPosition() throws IOException {
        Path latin1 = Files.write(dir.resolve("latin1.conf"), VALID.replace("med 5", "med 5 name \"\u00e9t\u00e9\"")
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        String empty = file("empty.conf", "\n");
        Run r = validate(latin1.toString(), empty);
        assertEquals(new Run(1, "", List.of(
                latin1 + ":5:58: the file is not valid UTF-8 (byte 0xE9; save it as UTF-8)",
                empty + ":1:1: the configuration has no neighbor and no process: there is nothing to run (expected "
                        + "at least one neighbor IP { … } section)")), r);
    }

    /** Issue 10: validate and run accepted a route too big for one UPDATE; both refuse it at its position. */
    @Test
    void validateAndRunRefuseARouteTooBigForOneUpdate() throws IOException {
        StringBuilder communities = new StringBuilder();
        for (int i = 0; i < 1100; i++) {
            communities.append(" 65000:").append(i);
        }
        String conf = file("big.conf", VALID.replace("med 5", "community [" + communities + " ]"));
        String expected = conf + ":5:20: route 10.1.0.0/16 cannot be sent: it needs an UPDATE of 4478 bytes, and a"
                + " BGP message has at most 4096 bytes (RFC 4271 section 4)";
        Run v = validate(conf);
        assertEquals(1, v.rc());
        assertEquals(List.of(expected), v.err());
        StringWriter err = new StringWriter();
        int rc = Main.execute(new PrintWriter(new StringWriter()), new PrintWriter(err), "run", conf);
        assertEquals(1, rc);
        assertEquals(List.of(expected), err.toString().lines().toList());
    }
}
