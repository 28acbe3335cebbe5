// The program version, from the jar manifest (or "dev" when run from classes).
package org.bgpekko.app;

import picocli.CommandLine;

public final class Version implements CommandLine.IVersionProvider {
    public static String current() {
        String v = Version.class.getPackage().getImplementationVersion();
        return v != null ? v : "dev";
    }

    @Override
    public String[] getVersion() {
        return new String[] {"bgpekko " + current(), "Java " + System.getProperty("java.version")};
    }
}
