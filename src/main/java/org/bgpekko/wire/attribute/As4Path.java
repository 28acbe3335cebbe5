// AS4_PATH (type 17, RFC 6793): the 4-byte path a new speaker sends to an old one beside AS_TRANS.
package org.bgpekko.wire.attribute;

import java.util.List;

public record As4Path(List<AsPathSegment> segments) implements PathAttribute {
    public As4Path {
        segments = List.copyOf(segments);
    }

    @Override
    public int typeCode() {
        return AS4_PATH;
    }
}
