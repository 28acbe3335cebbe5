// One AS_PATH segment (RFC 4271 section 4.3, RFC 5065 for confederations): type and AS numbers.
package org.bgpekko.wire.attribute;

import java.util.List;

public record AsPathSegment(int type, List<Long> asns) {
    public static final int AS_SET = 1;
    public static final int AS_SEQUENCE = 2;
    public static final int AS_CONFED_SEQUENCE = 3;
    public static final int AS_CONFED_SET = 4;
    /** RFC 6793 AS_TRANS, sent in 2-octet fields for larger AS numbers. */
    public static final long AS_TRANS = 23456;

    public AsPathSegment {
        if (type < AS_SET || type > AS_CONFED_SET) {
            throw new IllegalArgumentException("AS_PATH segment type must be 1..4: " + type);
        }
        asns = List.copyOf(asns);
        if (asns.isEmpty() || asns.size() > 255) {
            throw new IllegalArgumentException("AS_PATH segment must hold 1..255 AS numbers: " + asns.size());
        }
        for (long as : asns) {
            if (as < 0 || as > 0xFFFFFFFFL) {
                throw new IllegalArgumentException("AS number out of range: " + as);
            }
        }
    }

    public static AsPathSegment sequence(Long... asns) {
        return new AsPathSegment(AS_SEQUENCE, List.of(asns));
    }

    /** ExaBGP's element name for this segment type. */
    public String elementName() {
        return switch (type) {
            case AS_SET -> "as-set";
            case AS_SEQUENCE -> "as-sequence";
            case AS_CONFED_SEQUENCE -> "confed-sequence";
            default -> "confed-set";
        };
    }
}
