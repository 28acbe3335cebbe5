// CLUSTER_LIST (type 10, RFC 4456): route reflection cluster ids.
package org.bgpekko.wire.attribute;

import java.util.List;

public record ClusterList(List<Long> ids) implements PathAttribute {
    public ClusterList {
        ids = List.copyOf(ids);
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("ClusterList needs at least one value");
        }
        for (long id : ids) {
            Checks.u32(id, "cluster id");
        }
    }

    @Override
    public int typeCode() {
        return CLUSTER_LIST;
    }
}
