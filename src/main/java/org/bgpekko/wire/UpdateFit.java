// Whether one route fits in one UPDATE on any session: the size check of helper commands and configured routes.
package org.bgpekko.wire;

import java.util.List;
import java.util.Optional;
import org.bgpekko.wire.attribute.AttributeCodecs;
import org.bgpekko.wire.attribute.PathAttribute;
import org.bgpekko.wire.attribute.PathAttributes;
import org.bgpekko.wire.nlri.InetNlri;
import org.bgpekko.wire.nlri.FlowNlri;
import org.bgpekko.wire.nlri.IpAddress;
import org.bgpekko.wire.nlri.IpPrefix;
import org.bgpekko.wire.nlri.Nlri;
import org.bgpekko.wire.nlri.NlriBlock;
import org.bgpekko.wire.nlri.NlriCodecs;

/**
 * A route is refused where it enters (a helper's {@code announce} answers {@code error}, a configuration fails
 * {@code validate} and {@code run} at the route's position) when the UPDATE that carries it alone would be larger
 * than a BGP message may be: 4,096 bytes (RFC 4271 section 4; extended messages, RFC 8654, are not assumed, since
 * a session may come up without them). The size is the largest any session needs: 4-octet AS numbers, an ADD-PATH
 * path identifier, the default attributes a speaker adds when they are missing (ORIGIN, an AS_PATH of one AS,
 * LOCAL_PREF), and for {@code next-hop self} the larger of an IPv4 and an IPv6 local address.
 */
public final class UpdateFit {
    /** The largest message a session without extended messages carries. */
    public static final int MAX = SessionOptions.STANDARD_MAX;

    private static final int HEADER = BgpMessage.HEADER_LENGTH + 2 + 2; // marker, length, type; two length fields
    private static final int NEXT_HOP_ATTRIBUTE = 3 + 4;
    private static final int DEFAULT_ORIGIN = 3 + 1;
    private static final int DEFAULT_AS_PATH = 3 + 2 + 4;
    private static final int DEFAULT_LOCAL_PREF = 3 + 4;
    private static final int ROUTE_DISTINGUISHER = 8;
    /**
     * The most a plain prefix ({@link InetNlri}, split or not) adds to its attributes in {@link #size}: an IPv6
     * next hop and the longest NLRI (path identifier, length, 16 bytes) in MP_REACH_NLRI; the IPv4 NLRI field and
     * an IPv4 next hop need less.
     */
    static final int INET_WORST = HEADER + 3 + (2 + 1 + 1 + 16 + ROUTE_DISTINGUISHER + 1 + (4 + 1 + 16));
    /** The next hop of a route that has none (a FlowSpec route without a redirect address). */
    private static final IpAddress NO_NEXT_HOP = IpAddress.ipv4(0);

    private UpdateFit() {}

    /**
     * The encoded size of {@code attributes} (without NEXT_HOP and the MP attributes, which depend on the NLRI)
     * plus the defaults a speaker may add; {@link Integer#MAX_VALUE} when they cannot be encoded at all.
     */
    public static int attributeBytes(PathAttributes attributes) {
        WireWriter w = new WireWriter(256);
        try {
            for (PathAttribute a : attributes.list()) {
                int type = a.typeCode();
                if (type != PathAttribute.NEXT_HOP && type != PathAttribute.MP_REACH_NLRI
                        && type != PathAttribute.MP_UNREACH_NLRI) {
                    AttributeCodecs.encode(a, w, SessionOptions.DEFAULT);
                }
            }
        } catch (RuntimeException e) {
            return Integer.MAX_VALUE;
        }
        int n = w.position();
        n += attributes.has(PathAttribute.ORIGIN) ? 0 : DEFAULT_ORIGIN;
        n += attributes.has(PathAttribute.AS_PATH) ? 0 : DEFAULT_AS_PATH;
        n += attributes.has(PathAttribute.LOCAL_PREF) ? 0 : DEFAULT_LOCAL_PREF;
        return n;
    }

    /**
     * Why an UPDATE announcing {@code nlri} (as its sub-prefixes of length {@code split}, or itself when -1) with
     * attributes of {@code attributeBytes} ({@link #attributeBytes}) and {@code nextHop} (empty: self) cannot be
     * sent, or null when it can.
     */
    public static String problem(int attributeBytes, Nlri nlri, int split, Optional<IpAddress> nextHop) {
        if (nlri instanceof InetNlri && split <= IpPrefix.maxLength(Family.AFI_IPV6) && fitsAnyInet(attributeBytes)) {
            return null; // fits whatever the prefix and next hop: the common case, without measuring the NLRI
        }
        return measured(attributeBytes, nlri, split, nextHop);
    }

    /**
     * Whether attributes of this size fit one UPDATE with any unicast prefix (of either family, with a route
     * distinguisher, a path identifier and any next hop): then {@link #problem} is null for every {@link InetNlri}
     * without a split longer than an IPv6 prefix.
     */
    public static boolean fitsAnyInet(int attributeBytes) {
        return attributeBytes <= MAX - INET_WORST;
    }

    /** {@link #problem}, always measuring the NLRI. */
    static String measured(int attributeBytes, Nlri nlri, int split, Optional<IpAddress> nextHop) {
        if (NlriCodecs.find(nlri.family()).isEmpty()) {
            return null; // a family without a codec is refused elsewhere
        }
        int bytes = attributeBytes == Integer.MAX_VALUE ? Integer.MAX_VALUE
                : Math.max(size(attributeBytes, nlri, split, nextHop.map(IpAddress::isIpv4).orElse(true),
                        nextHop.filter(NO_NEXT_HOP::equals).isPresent()),
                        nextHop.isPresent() ? 0 : size(attributeBytes, nlri, split, false, false));
        if (bytes <= MAX) {
            return null;
        }
        String needs = bytes == Integer.MAX_VALUE ? "its attributes cannot be encoded"
                : "it needs an UPDATE of " + bytes + " bytes";
        return name(nlri) + " cannot be sent: " + needs + ", and a BGP message has at most " + MAX
                + " bytes (RFC 4271 section 4)";
    }

    /** The same, for attributes not measured yet. */
    public static String problem(PathAttributes attributes, Nlri nlri, int split, Optional<IpAddress> nextHop) {
        return problem(attributeBytes(attributes), nlri, split, nextHop);
    }

    /** How an error names the route: its prefix, or the start of its text (a flow's components, a VPLS route …). */
    private static String name(Nlri nlri) {
        if (nlri.hasPrefix()) {
            return "route " + nlri.prefix();
        }
        String text = nlri.toString();
        return (nlri instanceof FlowNlri ? "flow route " : "route ")
                + (text.length() > 64 ? text.substring(0, 64) + "…" : text);
    }

    private static int size(int attributeBytes, Nlri nlri, int split, boolean ipv4NextHop, boolean noNextHop) {
        Family family = nlri.family();
        int nlriBytes = NlriBlock.of(family, true, List.of(nlri)).byteLength();
        if (split >= 0 && nlri.hasPrefix() && split > nlri.prefix().length()) {
            int length = nlri.prefix().length();
            nlriBytes += (split + 7) / 8 - (length + 7) / 8;
        }
        boolean flow = nlri instanceof FlowNlri; // FlowSpec: no NEXT_HOP attribute, an empty next hop without one
        int bytes = HEADER + attributeBytes + (ipv4NextHop && !flow ? NEXT_HOP_ATTRIBUTE : 0);
        if (family.equals(Family.IPV4_UNICAST) && ipv4NextHop) {
            return bytes + nlriBytes; // the NLRI field
        }
        int nextHop = flow && noNextHop ? 0
                : (ipv4NextHop ? 4 : 16) + (family.safi() == Family.SAFI_MPLS_VPN ? ROUTE_DISTINGUISHER : 0);
        int value = 2 + 1 + 1 + nextHop + 1 + nlriBytes; // AFI, SAFI, next hop length, next hop, reserved, NLRI
        return bytes + (value > 255 ? 4 : 3) + value;
    }
}
