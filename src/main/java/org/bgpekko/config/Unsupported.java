// The settings bgpekko reads but cannot apply yet. Each is refused at its keyword, in validate and run alike,
// "SETTING is not supported by bgpekko yet (why; what to do)", instead of being accepted and ignored.
package org.bgpekko.config;

final class Unsupported {
    private Unsupported() {}

    /**
     * A neighbor setting of {@code key}: its value is read as before (so a bad value keeps its own error), then
     * refused unless it asks for nothing bgpekko does not already do.
     */
    static void neighborSetting(String key, Token keyword, Words w) {
        switch (key) {
            case "rate-limit" -> {
                Token t = w.next("rate limit");
                if (!t.is("disable") && !t.is("disabled") && w.number(t, "rate limit", 0, Integer.MAX_VALUE) > 0) {
                    throw refuse(w, keyword, "rate-limit", "bgpekko does not pace the messages of a neighbor; "
                            + "remove the line or write rate-limit disable");
                }
            }
            case "source-interface" -> {
                w.next("interface name");
                throw refuse(w, keyword, "source-interface", "binding a session to an interface needs "
                        + "SO_BINDTODEVICE, a socket option the JVM cannot set, and ExaBGP 5 ignores the setting; "
                        + "give the interface's address as local-address");
            }
            case "listen" -> {
                w.number("listen port", 1, 65535);
                throw refuse(w, keyword, "listen", "bgpekko accepts the sessions of every neighbor on the addresses "
                        + "of exabgp.tcp.bind and the port exabgp.tcp.port; remove the line and set those");
            }
            case "adj-rib-out" -> {
                if (!w.bool("adj-rib-out", false)) {
                    throw refuse(w, keyword, "adj-rib-out false", "bgpekko keeps the routes it announces and sends "
                            + "them again on every new session and route refresh; remove the line");
                }
            }
            case "auto-flush" -> {
                // ExaBGP (d7f4a9293, and its main branch) parses it and never reads it: changes always go out
                if (!w.bool("auto-flush", true)) {
                    throw refuse(w, keyword, "auto-flush false", "bgpekko sends each change as soon as it is "
                            + "applied, as ExaBGP does whatever this setting says; remove the line or write "
                            + "auto-flush true");
                }
            }
            default -> throw new IllegalArgumentException("not an unsupported neighbor setting: " + key);
        }
    }

    /** A capability setting ({@code aigp} or {@code extended-message}), refused unless it asks for what bgpekko does. */
    static void capability(Token keyword, Words w) {
        if (keyword.is("aigp")) {
            if (!w.bool("aigp", true)) {
                throw refuse(w, keyword, "aigp disable", "bgpekko sends and accepts AIGP on every session, as aigp "
                        + "enable does; remove the line");
            }
        } else if (w.bool("extended-message", true)) {
            throw refuse(w, keyword, "extended-message", "like ExaBGP 5, bgpekko does not announce the capability, "
                    + "so messages stay within 4096 bytes; remove the line or write extended-message disable");
        }
    }

    private static ConfigException refuse(Words w, Token keyword, String setting, String why) {
        return w.error(keyword, setting + " is not supported by bgpekko yet (" + why + ")");
    }
}
