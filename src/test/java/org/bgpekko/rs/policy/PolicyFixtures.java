// arouteserver policies for tests, loaded from YAML text as bgpekko loads them, and attribute sets in canonical form.
package org.bgpekko.rs.policy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bgpekko.config.ConfigException;
import org.bgpekko.config.RsLoader;
import org.bgpekko.config.RsPolicy;
import org.bgpekko.rib.RouteAttributes;
import org.bgpekko.wire.Bytes;
import org.bgpekko.wire.attribute.AsPath;
import org.bgpekko.wire.attribute.NextHop;
import org.bgpekko.wire.attribute.Origin;
import org.bgpekko.wire.attribute.PathAttribute;
import org.bgpekko.wire.attribute.PathAttributes;
import org.bgpekko.wire.nlri.IpAddress;

final class PolicyFixtures {
    private PolicyFixtures() {}

    /** The clients of general.yml / clients.yml / irr.yml (and extra files) written to {@code dir}. */
    static List<RsPolicy.Client> load(Path dir, String general, String clients, String irr, String... files) {
        try {
            Files.writeString(dir.resolve("general.yml"), general);
            Files.writeString(dir.resolve("clients.yml"), clients);
            Files.writeString(dir.resolve("irr.yml"), irr);
            for (int i = 0; i + 1 < files.length; i += 2) {
                Files.writeString(dir.resolve(files[i]), files[i + 1]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<ConfigException> errors = new ArrayList<>();
        List<RsLoader.Session> s = RsLoader.load(new RsLoader.Files(dir.resolve("general.yml"),
                dir.resolve("clients.yml"), null, dir.resolve("irr.yml")), errors);
        if (!errors.isEmpty()) {
            throw new AssertionError(errors.stream().map(ConfigException::describe).toList());
        }
        return s.stream().map(RsLoader.Session::policy).toList();
    }

    /** The canonical bytes of a route (IPv4 next hop: NEXT_HOP attribute; IPv6: the MP next-hop field). */
    static byte[] canonical(String nextHop, List<Long> path, PathAttribute... more) {
        List<PathAttribute> list = new ArrayList<>();
        list.add(Origin.IGP);
        list.add(AsPath.sequence(path.toArray(new Long[0])));
        IpAddress nh = IpAddress.parse(nextHop);
        if (nh.isIpv4()) {
            list.add(new NextHop(nh));
        }
        list.addAll(List.of(more));
        list.sort(java.util.Comparator.comparingInt(PathAttribute::typeCode));
        return RouteAttributes.of(new PathAttributes(list), nh.isIpv4() ? Bytes.EMPTY : nh.toBytes()).wire().toArray();
    }

    static PathFacts facts(String nextHop, List<Long> path, PathAttribute... more) {
        return PathFacts.parse(canonical(nextHop, path, more));
    }

    /** The attributes of canonical bytes, decoded. */
    static PathAttributes decode(byte[] canonical) {
        return new RouteAttributes(Bytes.of(canonical, 0, canonical.length)).attributes();
    }
}
