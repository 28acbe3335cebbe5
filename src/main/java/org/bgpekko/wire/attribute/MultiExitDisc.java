// MULTI_EXIT_DISC (type 4, RFC 4271 section 5.1.4).
package org.bgpekko.wire.attribute;

public record MultiExitDisc(long value) implements PathAttribute {
    public MultiExitDisc {
        Checks.u32(value, "MED");
    }

    @Override
    public int typeCode() {
        return MULTI_EXIT_DISC;
    }
}
