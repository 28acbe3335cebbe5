// FlowSpec values by name, as ExaBGP reads and writes them: IP protocols, ICMP types and codes, TCP flags, fragments.
package org.bgpekko.wire.nlri;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

public final class FlowNames {
    private FlowNames() {}

    /** IANA protocol numbers ExaBGP names. */
    static final Map<String, Integer> PROTOCOLS = ordered("icmp", 1, "igmp", 2, "tcp", 6, "egp", 8, "udp", 17,
            "rsvp", 46, "gre", 47, "esp", 50, "ah", 51, "ospf", 89, "ipip", 94, "pim", 103, "sctp", 132);

    static final Map<String, Integer> ICMP_TYPES = ordered("echo-reply", 0, "unreachable", 3, "redirect", 5,
            "echo-request", 8, "router-advertisement", 9, "router-solicit", 10, "time-exceeded", 11,
            "parameter-problem", 12, "timestamp", 13, "timestamp-reply", 14, "photuris", 40,
            "experimental-mobility", 41, "extended-echo-request", 42, "extended-echo-reply", 43,
            "experimental-one", 253, "experimental-two", 254);

    /** Read only: ExaBGP shows ICMP codes as numbers. */
    static final Map<String, Integer> ICMP_CODES = ordered("network-unreachable", 0, "host-unreachable", 1,
            "protocol-unreachable", 2, "port-unreachable", 3, "fragmentation-needed", 4, "source-route-failed", 5,
            "destination-network-unknown", 6, "destination-host-unknown", 7, "source-host-isolated", 8,
            "destination-network-prohibited", 9, "destination-host-prohibited", 10, "network-unreachable-for-tos", 11,
            "host-unreachable-for-tos", 12, "communication-prohibited-by-filtering", 13,
            "host-precedence-violation", 14, "precedence-cutoff-in-effect", 15, "redirect-for-network", 0,
            "redirect-for-host", 1, "redirect-for-tos-and-net", 2, "redirect-for-tos-and-host", 3,
            "ttl-eq-zero-during-transit", 0, "ttl-eq-zero-during-reassembly", 1, "required-option-missing", 1,
            "ip-header-bad", 2);

    /** The bits in the order ExaBGP names them; "urgent" is read as "urg". */
    static final Map<String, Integer> TCP_FLAGS = ordered("fin", 0x01, "syn", 0x02, "rst", 0x04, "push", 0x08,
            "ack", 0x10, "urg", 0x20, "ece", 0x40, "cwr", 0x80, "ns", 0x100);

    static final Map<String, Integer> FRAGMENTS = ordered("dont-fragment", 0x01, "is-fragment", 0x02,
            "first-fragment", 0x04, "last-fragment", 0x08);

    private static Map<String, Integer> ordered(Object... pairs) {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], (Integer) pairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(m);
    }

    /** ExaBGP's text of a numeric value: protocol and ICMP type names, otherwise the number. */
    public static String numeric(FlowComponentType type, long value) {
        Map<String, Integer> names = type == FlowComponentType.PROTOCOL ? PROTOCOLS
                : type == FlowComponentType.ICMP_TYPE ? ICMP_TYPES : null;
        if (names != null) {
            for (Map.Entry<String, Integer> e : names.entrySet()) {
                if (e.getValue() == value) {
                    return e.getKey();
                }
            }
        }
        return Long.toUnsignedString(value);
    }

    /** ExaBGP's text of a bitmask value: the names of its bits joined by '+' ("fin+push"), unknown bits by value. */
    public static String bitmask(FlowComponentType type, long value) {
        boolean tcp = type == FlowComponentType.TCP_FLAGS;
        StringBuilder sb = new StringBuilder();
        long rest = value;
        for (Map.Entry<String, Integer> e : (tcp ? TCP_FLAGS : FRAGMENTS).entrySet()) {
            if ((rest & e.getValue()) != 0) {
                sb.append(sb.length() == 0 ? "" : "+").append(e.getKey());
                rest &= ~e.getValue();
            }
        }
        if (rest != 0) {
            sb.append(sb.length() == 0 ? "" : "+").append("unknown ").append(tcp ? "tcp flag" : "fragment")
                    .append(" type ").append(Long.toUnsignedString(value));
        }
        return sb.toString();
    }

    /**
     * Reads a value written in a configuration or command for a component, as ExaBGP does: a decimal number, and for
     * protocol, ICMP, TCP flag and fragment values also 0x-hex and names, several joined by '+' being added up.
     *
     * @param keyword the match keyword ("protocol", "dscp", …): dscp (0..63) and traffic-class (0..255) differ
     * @throws IllegalArgumentException naming what is wrong and what was expected
     */
    public static long parse(String keyword, FlowComponentType type, String text) {
        long v = switch (type) {
            case PROTOCOL -> resource(text, PROTOCOLS, "protocol");
            case ICMP_TYPE -> resource(text, ICMP_TYPES, "icmp type");
            case ICMP_CODE -> resource(text, ICMP_CODES, "icmp code");
            case TCP_FLAGS -> resource(text, tcpFlagWords(), "tcp flag");
            case FRAGMENT -> resource(text, FRAGMENTS, "fragment");
            case PORT, DESTINATION_PORT, SOURCE_PORT -> resource(text, Map.of(), "port");
            default -> decimal(text, keyword);
        };
        long max = switch (type) {
            case DSCP -> keyword.equals("dscp") ? 0x3F : 0xFF;
            case FLOW_LABEL -> 0xFFFFF;
            case PROTOCOL, ICMP_TYPE, ICMP_CODE -> 0xFF;
            default -> 0xFFFF;
        };
        if (v > max) {
            throw new IllegalArgumentException(keyword + " value " + v + " is out of range (expected 0.." + max + ")");
        }
        return v;
    }

    private static Map<String, Integer> tcpFlagWords() {
        Map<String, Integer> m = new LinkedHashMap<>(TCP_FLAGS);
        m.put("urgent", 0x20);
        return m;
    }

    private static long decimal(String text, String keyword) {
        if (!text.matches("[0-9]{1,10}")) {
            throw new IllegalArgumentException("'" + text + "' is not a number (expected a " + keyword + " value)");
        }
        return Long.parseLong(text);
    }

    /** ExaBGP's Resource.named(): names, decimal or 0x-hex numbers up to 0xFFFF, several added with '+'. */
    private static long resource(String text, Map<String, Integer> names, String what) {
        long sum = 0;
        for (String part : text.split("\\+", -1)) {
            String name = part.toLowerCase(Locale.ROOT).replace('_', '-');
            Integer named = names.get(name);
            long v;
            if (named != null) {
                v = named;
            } else if (part.matches("[0-9]{1,5}")) {
                v = Long.parseLong(part);
            } else if (part.matches("0[xX][0-9a-fA-F]{1,4}")) {
                v = Long.parseLong(part.substring(2), 16);
            } else {
                throw new IllegalArgumentException("unknown " + what + " '" + part + "' (expected a number"
                        + (names.isEmpty() ? "" : " or one of " + String.join(", ", names.keySet())) + ")");
            }
            if (v > 0xFFFF) {
                throw new IllegalArgumentException(what + " " + v + " is larger than 65535");
            }
            sum += v;
        }
        return sum;
    }
}
