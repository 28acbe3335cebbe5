// Software version capability (code 75, draft-abraitis-bgp-version-capability): free text.
package org.bgpekko.wire.capability;

public record SoftwareVersion(String version) implements Capability {
    public SoftwareVersion {
        if (Fqdn.utf8Length(version) > 254) {
            throw new IllegalArgumentException("software version is at most 254 bytes");
        }
    }

    @Override
    public int code() {
        return SOFTWARE_VERSION;
    }
}
