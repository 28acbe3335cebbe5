// The allocation-free builder and visitor agree with the object codec, for IPv4 and IPv6, with and without ADD-PATH.
package org.bgpekko.wire.nlri;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.bgpekko.wire.Family;
import org.junit.jupiter.api.Test;

class NlriBlockBuilderTest {

    private static List<String> visited(NlriBlock block) {
        List<String> out = new ArrayList<>();
        int afi = block.family().afi();
        block.forEachPrefix((pathId, hi, lo, length) -> out.add(pathId + " " + new IpPrefix(afi, hi, lo, length)));
        return out;
    }

    @Test
    void ipv6PrefixesMatchTheObjectCodec() {
        String[] prefixes = {"2001:db8::/32", "2001:db8:1234:5600::/56", "::/0", "2001:db8::1/128", "2a00:1::/29"};
        NlriBlock.Builder b = NlriBlock.builder(Family.IPV6_UNICAST, false);
        List<Nlri> objects = new ArrayList<>();
        for (String s : prefixes) {
            IpPrefix p = IpPrefix.parse(s);
            b.addIpv6(Nlri.NO_PATH_ID, p.hi(), p.lo(), p.length());
            objects.add(new InetNlri(Family.IPV6_UNICAST, Nlri.NO_PATH_ID, p));
        }
        NlriBlock built = b.build();
        assertEquals(NlriBlock.of(Family.IPV6_UNICAST, false, objects), built);
        assertEquals(objects, built.toList());
        assertEquals(prefixes.length, visited(built).size());
        assertEquals("-1 2001:db8:1234:5600::/56", visited(built).get(1));
    }

    @Test
    void addPathIdentifiersRoundTrip() {
        NlriBlock v4 = NlriBlock.builder(Family.IPV4_UNICAST, true).addIpv4(7, 0x0A000000L, 8).addIpv4(8, 0xC0000201L, 32)
                .build();
        assertEquals(List.of("7 10.0.0.0/8", "8 192.0.2.1/32"), visited(v4));
        NlriBlock v6 = NlriBlock.builder(Family.IPV6_UNICAST, true).addIpv6(9, 0x20010DB800000000L, 0, 32).build();
        assertEquals(List.of("9 2001:db8::/32"), visited(v6));
    }

    @Test
    void wrongFamilyOrLengthIsRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> NlriBlock.builder(Family.IPV4_UNICAST, false).addIpv6(Nlri.NO_PATH_ID, 0, 0, 32));
        assertThrows(IllegalArgumentException.class,
                () -> NlriBlock.builder(Family.IPV6_UNICAST, false).addIpv6(Nlri.NO_PATH_ID, 0, 0, 129));
        assertThrows(IllegalArgumentException.class,
                () -> NlriBlock.builder(Family.IPV6_UNICAST, false).addIpv4(Nlri.NO_PATH_ID, 0, 8));
    }
}
