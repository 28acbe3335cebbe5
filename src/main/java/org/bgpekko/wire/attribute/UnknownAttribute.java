// An attribute without a codec (or a generic one from configuration): flags, type and value kept verbatim.
package org.bgpekko.wire.attribute;

import org.bgpekko.wire.Bytes;

public record UnknownAttribute(int flags, int typeCode, Bytes value) implements PathAttribute {
    public UnknownAttribute {
        if (flags < 0 || flags > 0xFF || typeCode < 0 || typeCode > 0xFF) {
            throw new IllegalArgumentException("attribute flags/type out of range");
        }
        if (value.length() > 0xFFFF) {
            throw new IllegalArgumentException("attribute value longer than 65535 bytes");
        }
    }

    public boolean optional() {
        return (flags & FLAG_OPTIONAL) != 0;
    }

    public boolean transitive() {
        return (flags & FLAG_TRANSITIVE) != 0;
    }
}
