// COMMUNITIES (type 8, RFC 1997): 32-bit values, kept in received order; normalised() sorts and de-duplicates.
package org.bgpekko.wire.attribute;

import java.util.List;

/** @param values communities as unsigned 32-bit values (ASN &lt;&lt; 16 | value) */
public record Communities(List<Long> values) implements PathAttribute {
    public static final long NO_EXPORT = 0xFFFFFF01L;
    public static final long NO_ADVERTISE = 0xFFFFFF02L;
    public static final long NO_EXPORT_SUBCONFED = 0xFFFFFF03L;
    public static final long NOPEER = 0xFFFFFF04L;
    public static final long BLACKHOLE = 0xFFFF029AL;

    public Communities {
        values = List.copyOf(values);
        if (values.isEmpty()) {
            throw new IllegalArgumentException("Communities needs at least one value");
        }
        for (long v : values) {
            Checks.u32(v, "community");
        }
    }

    /** Sorted ascending with duplicates removed, as ExaBGP sends configured communities. */
    public static Communities normalised(List<Long> values) {
        return new Communities(values.stream().distinct().sorted().toList());
    }

    @Override
    public int typeCode() {
        return COMMUNITIES;
    }
}
