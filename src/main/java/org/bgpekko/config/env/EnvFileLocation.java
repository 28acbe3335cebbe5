// Where ExaBGP looks for its environment file: <root>/etc/exabgp/exabgp.env, root being $EXABGP_ROOT or the
// program's install folder, with a trailing /bin or /sbin removed (exabgp/environment/base.py).
package org.bgpekko.config.env;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

public final class EnvFileLocation {
    public static final String ROOT_VARIABLE = "EXABGP_ROOT";
    private static final Set<String> INSTALL_FOLDERS = Set.of("bin", "sbin", "lib", "target", "classes");

    private EnvFileLocation() {}

    /** The file ExaBGP would read, whether or not it exists. */
    public static Path path(Map<String, String> env, Path programRoot) {
        return root(env, programRoot).resolve("etc").resolve(SettingCatalog.APPLICATION)
                .resolve(SettingCatalog.APPLICATION + ".env");
    }

    /** The file, when it exists (ExaBGP silently uses its defaults otherwise). */
    public static Optional<Path> find(Map<String, String> env, Path programRoot) {
        Path p = path(env, programRoot);
        return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
    }

    /** base._find_root: $EXABGP_ROOT when set, else the program's folder; without a last /bin or /sbin. */
    public static Path root(Map<String, String> env, Path programRoot) {
        String given = env.getOrDefault(ROOT_VARIABLE, "");
        Path root = (given.isEmpty() ? programRoot : Path.of(given)).toAbsolutePath().normalize();
        Path last = root.getFileName();
        if (last != null && (last.toString().equals("bin") || last.toString().equals("sbin")) && root.getParent() != null) {
            root = root.getParent();
        }
        return root;
    }

    /**
     * The folder bgpekko is installed in: the folder of its jar (or classes), leaving bin, sbin, lib, target and
     * classes folders, so that both an unpacked release and a source checkout use their etc/exabgp/exabgp.env.
     */
    public static Path programRoot() {
        try {
            Path code = Path.of(EnvFileLocation.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path folder = Files.isDirectory(code) ? code : code.getParent();
            while (folder != null && folder.getFileName() != null
                    && INSTALL_FOLDERS.contains(folder.getFileName().toString()) && folder.getParent() != null) {
                folder = folder.getParent();
            }
            return folder != null ? folder : Path.of("").toAbsolutePath();
        } catch (URISyntaxException | RuntimeException e) {
            return Path.of("").toAbsolutePath();
        }
    }
}
