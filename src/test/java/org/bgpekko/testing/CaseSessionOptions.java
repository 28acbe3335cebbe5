// Session options a conformance case negotiates, read from its configuration with a minimal scan:
// 'asn4 disable', 'add-path send/receive' and the 'family' / 'add-path' / 'nexthop' blocks. Wire tests use it because it
// also reads the configurations of families the parser does not support yet; EchoSession is the real thing.
package org.bgpekko.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bgpekko.wire.Family;
import org.bgpekko.wire.SessionOptions;

public final class CaseSessionOptions {
    /** Families ExaBGP offers ADD-PATH for when no add-path block narrows them. */
    private static final List<Family> ADD_PATH_CAPABLE = List.of(Family.IPV4_UNICAST, Family.IPV6_UNICAST,
            Family.IPV4_NLRI_MPLS, Family.IPV6_NLRI_MPLS, Family.IPV4_MPLS_VPN, Family.IPV6_MPLS_VPN);

    private CaseSessionOptions() {}

    public static SessionOptions of(List<Path> configs) {
        String text;
        try {
            text = Files.readString(configs.get(0)).replaceAll("#[^\n]*", "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        boolean asn4 = !text.matches("(?s).*asn4\\s+disable.*");
        Set<Family> addPath = new LinkedHashSet<>();
        if (text.matches("(?s).*add-path\\s+send/receive.*")) {
            Set<Family> listed = familiesIn(block(text, "add-path"));
            Set<Family> configured = familiesIn(block(text, "family"));
            for (Family f : listed.isEmpty() ? configured : listed) {
                if (ADD_PATH_CAPABLE.contains(f)) {
                    addPath.add(f);
                }
            }
        }
        Set<Family> nextHop = new LinkedHashSet<>();
        Matcher nh = Pattern.compile("(ipv4|ipv6)\\s+([a-z-]+)\\s+(ipv4|ipv6)\\s*;").matcher(block(text, "nexthop"));
        while (nh.find()) {
            nextHop.add(Family.parse(nh.group(1) + " " + nh.group(2)));
        }
        return new SessionOptions(asn4, addPath, addPath, nextHop, SessionOptions.STANDARD_MAX);
    }

    private static String block(String text, String name) {
        Matcher m = Pattern.compile("(?m)^\\s*" + Pattern.quote(name) + "\\s*\\{([^}]*)}").matcher(text);
        return m.find() ? m.group(1) : "";
    }

    private static Set<Family> familiesIn(String block) {
        Set<Family> out = new LinkedHashSet<>();
        Matcher m = Pattern.compile("(ipv4|ipv6)\\s+([a-z-]+)\\s*;").matcher(block);
        while (m.find()) {
            out.add(Family.parse(m.group(1) + " " + m.group(2)));
        }
        return out;
    }
}
