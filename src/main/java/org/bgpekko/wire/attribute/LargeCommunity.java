// One large community (RFC 8092): global administrator and two local data parts, 32 bits each.
package org.bgpekko.wire.attribute;

public record LargeCommunity(long global, long local1, long local2) implements Comparable<LargeCommunity> {
    public LargeCommunity {
        Checks.u32(global, "large community global administrator");
        Checks.u32(local1, "large community local data part 1");
        Checks.u32(local2, "large community local data part 2");
    }

    @Override
    public int compareTo(LargeCommunity o) {
        int c = Long.compare(global, o.global);
        if (c == 0) {
            c = Long.compare(local1, o.local1);
        }
        return c != 0 ? c : Long.compare(local2, o.local2);
    }

    @Override
    public String toString() {
        return global + ":" + local1 + ":" + local2;
    }
}
