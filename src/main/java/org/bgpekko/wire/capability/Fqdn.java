// FQDN capability (code 73, draft-walton-bgp-hostname-capability): host name and domain name.
package org.bgpekko.wire.capability;

public record Fqdn(String hostname, String domain) implements Capability {
    public Fqdn {
        if (utf8Length(hostname) > 255 || utf8Length(domain) > 255) {
            throw new IllegalArgumentException("host and domain names are at most 255 bytes each");
        }
    }

    static int utf8Length(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }

    @Override
    public int code() {
        return FQDN;
    }
}
