// ORIGINATOR_ID (type 9, RFC 4456): the router id of the route's originator in the local AS.
package org.bgpekko.wire.attribute;

public record OriginatorId(long id) implements PathAttribute {
    public OriginatorId {
        Checks.u32(id, "ORIGINATOR_ID");
    }

    @Override
    public int typeCode() {
        return ORIGINATOR_ID;
    }
}
