// An MPLS label stack as carried in labeled NLRI (RFC 8277): 3-byte entries, label, TC and bottom-of-stack bit.
package org.bgpekko.wire.nlri;

import java.util.List;
import org.bgpekko.wire.Wire;
import org.bgpekko.wire.WireWriter;

/** @param entries raw 24-bit stack entries: label &lt;&lt; 4 | tc &lt;&lt; 1 | bottom-of-stack */
public record Labels(List<Integer> entries) {
    public static final Labels NONE = new Labels(List.of());
    /** RFC 3107 withdrawal value, ends a stack in ExaBGP too. */
    public static final int WITHDRAW_ENTRY = 0x800000;
    public static final int MAX_LABEL = (1 << 20) - 1;

    public Labels {
        entries = List.copyOf(entries);
        for (int e : entries) {
            if (e < 0 || e > 0xFFFFFF) {
                throw new IllegalArgumentException("label stack entry out of range: " + e);
            }
        }
    }

    /** A stack of labels, bottom-of-stack set on the last one (how a configured "label [ a b ]" is sent). */
    public static Labels of(int... labels) {
        Integer[] raw = new Integer[labels.length];
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] > MAX_LABEL) {
                throw new IllegalArgumentException("label " + labels[i] + " out of range 0.." + MAX_LABEL);
            }
            raw[i] = labels[i] << 4 | (i == labels.length - 1 ? 1 : 0);
        }
        return new Labels(List.of(raw));
    }

    public int size() {
        return entries.size();
    }

    public int label(int i) {
        return entries.get(i) >>> 4;
    }

    public int bits() {
        return entries.size() * 24;
    }

    void write(WireWriter out) {
        for (int e : entries) {
            out.put24(e);
        }
    }

    /** True when a stack scan stops after this entry, as ExaBGP's decoder does. */
    static boolean endsStack(int entry) {
        return (entry & 1) != 0 || entry == WITHDRAW_ENTRY || entry == 0;
    }

    static Labels read(byte[] b, int off, int count) {
        Integer[] raw = new Integer[count];
        for (int i = 0; i < count; i++) {
            raw[i] = Wire.u24(b, off + 3 * i);
        }
        return new Labels(List.of(raw));
    }
}
