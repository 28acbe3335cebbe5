// Where the environment file is looked for: $EXABGP_ROOT/etc/exabgp/exabgp.env, else the install folder's.
package org.bgpekko.config.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvFileLocationTest {
    @Test
    void exabgpRootWinsAndLosesATrailingBin() {
        Path program = Path.of("/opt/bgpekko");
        assertEquals(Path.of("/opt/bgpekko/etc/exabgp/exabgp.env"), EnvFileLocation.path(Map.of(), program));
        assertEquals(Path.of("/usr/etc/exabgp/exabgp.env"), EnvFileLocation.path(Map.of("EXABGP_ROOT", "/usr/sbin"), program));
        assertEquals(Path.of("/srv/x/etc/exabgp/exabgp.env"), EnvFileLocation.path(Map.of("EXABGP_ROOT", "/srv/x/"), program));
        assertEquals(Path.of("/opt/bgpekko/etc/exabgp/exabgp.env"), EnvFileLocation.path(Map.of("EXABGP_ROOT", ""), program));
    }

    @Test
    void aMissingFileIsNoFile(@TempDir Path root) throws IOException {
        assertEquals(Optional.empty(), EnvFileLocation.find(Map.of(), root));
        Path file = root.resolve("etc/exabgp/exabgp.env");
        Files.createDirectories(file);
        assertEquals(Optional.empty(), EnvFileLocation.find(Map.of(), root), "a folder is not the file");
        Files.delete(file);
        Files.writeString(file, "[exabgp.tcp]\n");
        assertEquals(Optional.of(file), EnvFileLocation.find(Map.of("EXABGP_ROOT", root.toString()), Path.of("/nowhere")));
    }

    @Test
    void theProgramRootLeavesBuildFolders() {
        Path root = EnvFileLocation.programRoot();
        assertTrue(Files.isDirectory(root), root.toString());
        assertTrue(!root.endsWith("classes") && !root.endsWith("target"), root.toString());
    }
}
