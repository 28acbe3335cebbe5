// One {operator, value} pair of a FlowSpec component (RFC 8955 sections 4.2.1.1 and 4.2.1.2).
package org.bgpekko.wire.nlri;

/**
 * @param flags the operator byte without its end-of-list bit and length field: the and bit, the reserved bits as
 *     received, and lt/gt/eq (numeric) or not/match (bitmask). The end-of-list bit is written on a component's
 *     last pair; the length field comes from {@code length}.
 * @param length the value's size in bytes: 1, 2, 4 or 8
 * @param value the value, unsigned
 */
public record FlowOp(int flags, int length, long value) {
    /** End-of-list bit: the last pair of a component. */
    public static final int END_OF_LIST = 0x80;
    /** And bit: this pair is ANDed with the previous one (ORed when clear). */
    public static final int AND = 0x40;
    /** The length field, (1 << len) bytes. */
    public static final int LENGTH_FIELD = 0x30;
    /** Numeric operator bits. */
    public static final int LT = 0x04;
    public static final int GT = 0x02;
    public static final int EQ = 0x01;
    /** Bitmask operator bits. */
    public static final int NOT = 0x02;
    public static final int MATCH = 0x01;

    public FlowOp {
        if (flags < 0 || flags > 0xFF || (flags & (END_OF_LIST | LENGTH_FIELD)) != 0) {
            throw new IllegalArgumentException(String.format("operator flags 0x%02X carry end-of-list or length bits",
                    flags));
        }
        if (length != 1 && length != 2 && length != 4 && length != 8) {
            throw new IllegalArgumentException("value length " + length + " is not 1, 2, 4 or 8");
        }
        if (length < 8 && (value >>> (8 * length)) != 0) {
            throw new IllegalArgumentException("value " + Long.toUnsignedString(value) + " does not fit " + length
                    + " byte(s)");
        }
    }

    /**
     * A pair whose value takes the fewest of 1, 2, 4 bytes that hold it, at most {@code width} (ExaBGP's
     * encoding).
     */
    public static FlowOp of(int flags, long value, int width) {
        int length = value < 0x100 ? 1 : value < 0x10000 ? 2 : 4;
        if (length > width || value < 0 || value > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("value " + value + " does not fit " + width + " byte(s)");
        }
        return new FlowOp(flags, length, value);
    }

    public boolean and() {
        return (flags & AND) != 0;
    }

    /** The operator byte on the wire. */
    public int operatorByte(boolean last) {
        int len = Integer.numberOfTrailingZeros(length);
        return flags | len << 4 | (last ? END_OF_LIST : 0);
    }
}
