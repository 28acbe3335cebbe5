// Range checks shared by the attribute records.
package org.bgpekko.wire.attribute;

final class Checks {
    private Checks() {}

    static void u32(long v, String what) {
        if (v < 0 || v > 0xFFFFFFFFL) {
            throw new IllegalArgumentException(what + " out of range 0..4294967295: " + v);
        }
    }
}
