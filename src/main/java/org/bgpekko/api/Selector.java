// One neighbour selector of a helper-API line ("neighbor IP|* [local-ip IP] [local-as N] …") and its matching.
package org.bgpekko.api;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.bgpekko.config.NeighborConfig;
import org.bgpekko.wire.Family;
import org.bgpekko.wire.nlri.IpAddress;
import org.bgpekko.wire.nlri.NlriCodecs;

/**
 * @param peer the neighbour's address; empty for {@code neighbor *} (or a selector after a comma that starts with
 *     a qualifier)
 * @param qualifiers every one must match too
 */
public record Selector(Optional<IpAddress> peer, List<Qualifier> qualifiers) {
    /** The qualifier keys, as ExaBGP names them. */
    public static final List<String> KEYS = List.of("local-ip", "local-as", "peer-as", "router-id", "family-allowed");

    /** {@code key value}, e.g. {@code local-as 65000}; {@code key} is one of {@link #KEYS}. */
    public record Qualifier(String key, String value) {
        public Qualifier {
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException("unknown selector qualifier '" + key + "'");
            }
        }

        @Override
        public String toString() {
            return key + " " + value;
        }
    }

    public Selector {
        qualifiers = List.copyOf(qualifiers);
    }

    /** {@code neighbor *}. */
    public static Selector any() {
        return new Selector(Optional.empty(), List.of());
    }

    public static Selector of(IpAddress peer) {
        return new Selector(Optional.of(peer), List.of());
    }

    /**
     * ExaBGP's rule: the selector matches when each of its parts appears in the neighbour's description
     * {@code neighbor P local-ip L local-as A peer-as B router-id R family-allowed F} ({@link #describe}). Values
     * are compared as values (addresses as addresses, AS numbers as numbers), not as text.
     */
    public boolean matches(NeighborConfig n) {
        if (peer.isPresent() && !peer.get().equals(n.peerAddress())) {
            return false;
        }
        for (Qualifier q : qualifiers) {
            if (!matches(q, n)) {
                return false;
            }
        }
        return true;
    }

    private static boolean matches(Qualifier q, NeighborConfig n) {
        return switch (q.key()) {
            case "local-ip" -> sameAddress(q.value(), localIp(n));
            case "router-id" -> sameAddress(q.value(), routerId(n));
            case "local-as" -> sameAs(q.value(), n.localAs());
            case "peer-as" -> sameAs(q.value(), n.peerAs());
            default -> q.value().toLowerCase(Locale.ROOT).equals(familyAllowed(n));
        };
    }

    private static boolean sameAddress(String value, String text) {
        try {
            return IpAddress.parse(value).equals(IpAddress.parse(text));
        } catch (IllegalArgumentException e) {
            return value.equalsIgnoreCase(text);
        }
    }

    private static boolean sameAs(String value, long as) {
        if (as == NeighborConfig.AUTO_AS) {
            return value.equals("auto");
        }
        try {
            return Long.parseLong(value) == as;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** The local address as ExaBGP names it: the configured one, or "None" when it is found at connect time. */
    static String localIp(NeighborConfig n) {
        return n.localAddress() == null ? "None" : n.localAddress().toString();
    }

    /** The router id: configured, else the local address for an IPv4 session, else "None" (ExaBGP's text). */
    static String routerId(NeighborConfig n) {
        if (n.routerId() >= 0) {
            return IpAddress.ipv4(n.routerId()).toString();
        }
        return n.localAddress() != null && n.peerAddress().isIpv4() ? n.localAddress().toString() : "None";
    }

    /**
     * "in-open", or with multi-session the families as "ipv4-unicast" sorted and joined by "/" (no family block:
     * every family bgpekko has a codec for, where ExaBGP lists every family it knows).
     */
    static String familyAllowed(NeighborConfig n) {
        if (!n.capability().multiSession()) {
            return "in-open";
        }
        java.util.Set<Family> families = n.families().isEmpty() ? NlriCodecs.families() : n.families();
        return families.stream().sorted()
                .map(f -> Family.afiName(f.afi()) + "-" + Family.safiName(f.safi()))
                .collect(Collectors.joining("/"));
    }

    /** ExaBGP's name for a neighbour, the text its selectors are matched against. */
    public static String describe(NeighborConfig n) {
        return "neighbor " + n.peerAddress() + " local-ip " + localIp(n) + " local-as " + as(n.localAs())
                + " peer-as " + as(n.peerAs()) + " router-id " + routerId(n) + " family-allowed " + familyAllowed(n);
    }

    private static String as(long as) {
        return as == NeighborConfig.AUTO_AS ? "auto" : Long.toString(as);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("neighbor ").append(peer.map(Object::toString).orElse("*"));
        qualifiers.forEach(q -> sb.append(' ').append(q));
        return sb.toString();
    }
}
