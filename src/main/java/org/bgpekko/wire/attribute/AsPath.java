// AS_PATH (type 2, RFC 4271): AS numbers 2 or 4 bytes wide as the session negotiated (RFC 6793).
package org.bgpekko.wire.attribute;

import java.util.List;

public record AsPath(List<AsPathSegment> segments) implements PathAttribute {
    public static final AsPath EMPTY = new AsPath(List.of());

    public AsPath {
        segments = List.copyOf(segments);
    }

    public static AsPath sequence(Long... asns) {
        return asns.length == 0 ? EMPTY : new AsPath(List.of(AsPathSegment.sequence(asns)));
    }

    @Override
    public int typeCode() {
        return AS_PATH;
    }
}
