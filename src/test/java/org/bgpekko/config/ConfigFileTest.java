// Reading a configuration: a size cap (no OutOfMemoryError from `validate /dev/zero`), a reason for every file that
// cannot be read, and the line and column of invalid UTF-8 (issue 10).
package org.bgpekko.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFileTest {
    @TempDir
    Path dir;

    private static String error(Path file) {
        return assertThrows(ConfigException.class, () -> ConfigFile.read(file)).describe();
    }

    @Test
    void aDeviceWithoutEndStopsAtTheCap() {
        Path zero = Path.of("/dev/zero");
        assumeTrue(Files.exists(zero));
        assertEquals("/dev/zero:0:0: cannot read the file (larger than 64 MiB, the most a configuration may be; "
                + "announce large tables from a helper process)", error(zero));
    }

    @Test
    void aFileOneByteOverTheCapIsRefusedAndOneAtTheCapIsRead() throws IOException {
        int cap = 200_000; // above one read step of 64 KiB
        Path big = Files.write(dir.resolve("big.conf"), "#".repeat(cap).getBytes(StandardCharsets.US_ASCII));
        assertEquals(cap, ConfigFile.read(big, cap).length());
        Files.write(big, new byte[] {'\n'}, java.nio.file.StandardOpenOption.APPEND);
        assertEquals(big + ":0:0: cannot read the file (larger than 200000 bytes, the most a configuration may be; "
                + "announce large tables from a helper process)",
                assertThrows(ConfigException.class, () -> ConfigFile.read(big, cap)).describe());
    }

    @Test
    void everyUnreadableFileSaysWhy() throws IOException {
        assertEquals(dir.resolve("absent.conf") + ":0:0: cannot read the file (no such file)",
                error(dir.resolve("absent.conf")));
        assertEquals(dir + ":0:0: cannot read the file (it is a directory)", error(dir));
        Path notADirectory = Files.writeString(dir.resolve("plain"), "").resolve("x.conf");
        assertEquals(notADirectory + ":0:0: cannot read the file (Not a directory)", error(notADirectory));
    }

    @Test
    void aFileWeMayNotReadSaysSo() throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.conf"), "neighbor 10.0.0.1 { }\n");
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("---------"));
        assumeTrue(!Files.isReadable(secret), "root reads every file");
        assertEquals(secret + ":0:0: cannot read the file (permission denied)", error(secret));
    }

    @Test
    void invalidUtf8IsReportedAtItsLineAndColumn() throws IOException {
        Path f = dir.resolve("latin1.conf");
        // "description "café";" written in Latin-1 on line 3: é is the lone byte 0xE9
        byte[] text = "neighbor 10.0.0.2 {\n    local-as 1;\n    description \"caf\u00e9\";\n}\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        Files.write(f, text);
        assertEquals(f + ":3:21: the file is not valid UTF-8 (byte 0xE9; save it as UTF-8)", error(f));
        Files.write(f, new byte[] {'#', ' ', (byte) 0xC3, (byte) 0x28});
        assertEquals(f + ":1:3: the file is not valid UTF-8 (byte 0xC3; save it as UTF-8)", error(f));
        Files.write(f, new byte[] {'#', ' ', (byte) 0xE2, (byte) 0x82});
        assertEquals(f + ":1:3: the file is not valid UTF-8 (bytes 0xE2 0x82; save it as UTF-8)", error(f));
        Files.writeString(f, "# caf\u00e9 \u2603 \ud83d\ude00\nneighbor 10.0.0.2 { }\n", StandardCharsets.UTF_8);
        assertEquals("# caf\u00e9 \u2603 \ud83d\ude00\nneighbor 10.0.0.2 { }\n", ConfigFile.read(f));
    }
}
