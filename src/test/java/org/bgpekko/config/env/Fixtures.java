// Test resources of this package: outputs captured from ExaBGP 5 (d7f4a9293) and the env file used to capture them.
package org.bgpekko.config.env;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

public final class Fixtures {
    private Fixtures() {}

    /** The lines of a resource, as `exabgp env` wrote them. */
    public static List<String> lines(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Printed settings without bgpekko's own ({@link SettingCatalog#EXTENSIONS}), which ExaBGP does not have: what is
     * left must be exactly what ExaBGP printed.
     */
    public static List<String> withoutExtensions(List<String> printed) {
        return printed.stream().filter(l -> SettingCatalog.EXTENSIONS.stream().noneMatch(k ->
                l.startsWith(SettingCatalog.APPLICATION + "." + k + "=")
                        || l.startsWith(k.substring(k.indexOf('.') + 1) + " = "))).toList();
    }

    /** The path of a resource. */
    public static Path path(String name) {
        try {
            return Path.of(Fixtures.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
