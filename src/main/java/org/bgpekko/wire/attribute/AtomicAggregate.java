// ATOMIC_AGGREGATE (type 6, RFC 4271 section 5.1.6): a flag with no value.
package org.bgpekko.wire.attribute;

public record AtomicAggregate() implements PathAttribute {
    public static final AtomicAggregate INSTANCE = new AtomicAggregate();

    @Override
    public int typeCode() {
        return ATOMIC_AGGREGATE;
    }
}
