// An attribute store with reference counts, as the Rib's, for tests of rs.RouteServer as pure data.
package org.bgpekko.rs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bgpekko.rib.RouteAttributes;
import org.bgpekko.wire.Bytes;
import org.bgpekko.wire.attribute.PathAttributes;

final class RsStore implements RouteServer.AttributeSource {
    final List<byte[]> values = new ArrayList<>();
    final Map<Integer, Integer> refs = new HashMap<>();
    /** The attributes of each id, as added. */
    final List<PathAttributes> attributes = new ArrayList<>();

    int add(PathAttributes a) {
        attributes.add(a);
        values.add(canonical(a));
        refs.put(values.size() - 1, 1); // the Adj-RIB-In's own reference
        return values.size() - 1;
    }

    /** The canonical bytes of a set, as the store keeps them. */
    static byte[] canonical(PathAttributes a) {
        return RouteAttributes.of(a, Bytes.EMPTY).wire().toArray();
    }

    @Override
    public byte[] canonical(int id) {
        return values.get(id);
    }

    @Override
    public int intern(byte[] canonical) {
        for (int i = 0; i < values.size(); i++) {
            if (refs.getOrDefault(i, 0) > 0 && java.util.Arrays.equals(values.get(i), canonical)) {
                retain(i);
                return i;
            }
        }
        attributes.add(null);
        values.add(canonical);
        refs.put(values.size() - 1, 1);
        return values.size() - 1;
    }

    @Override
    public void retain(int id) {
        refs.merge(id, 1, Integer::sum);
    }

    @Override
    public void release(int id) {
        assertTrue(refs.merge(id, -1, Integer::sum) >= 0, "released more than retained: " + id);
    }
}
