// Whether text is an IP address as inet_pton reads it (ExaBGP's isip), without ever resolving a name.
package org.bgpekko.config.env;

import java.net.InetAddress;
import java.net.UnknownHostException;

final class IpLiteral {
    private IpLiteral() {}

    static boolean isValid(String text) {
        return text.indexOf(':') >= 0 ? isIpv6(text) : isIpv4(text);
    }

    /** inet_pton(AF_INET): exactly four decimal parts, each 0 to 255, no leading zero. */
    static boolean isIpv4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return false;
            }
            if ((part.length() > 1 && part.charAt(0) == '0') || Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }

    /** inet_pton(AF_INET6): hex groups and '::', optionally ending in an IPv4 address; no zone. */
    static boolean isIpv6(String text) {
        if (!text.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.')) {
            return false;
        }
        int lastColon = text.lastIndexOf(':');
        String tail = text.substring(lastColon + 1);
        if (tail.indexOf('.') >= 0 && !isIpv4(tail)) {
            return false;
        }
        try {
            // a string of hex digits, colons and dots is parsed as a literal: no name lookup happens
            InetAddress.getByName(text);
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
