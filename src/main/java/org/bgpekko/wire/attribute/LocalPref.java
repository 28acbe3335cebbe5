// LOCAL_PREF (type 5, RFC 4271 section 5.1.5).
package org.bgpekko.wire.attribute;

public record LocalPref(long value) implements PathAttribute {
    public LocalPref {
        Checks.u32(value, "LOCAL_PREF");
    }

    @Override
    public int typeCode() {
        return LOCAL_PREF;
    }
}
