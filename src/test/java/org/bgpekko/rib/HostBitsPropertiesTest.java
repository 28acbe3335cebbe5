// Issue 11 item 7: a prefix with host bits set is the same key as its canonical form, at every edge.
package org.bgpekko.rib;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.bgpekko.api.ApiCommand;
import org.bgpekko.api.ApiParser;
import org.bgpekko.config.ConfigParser;
import org.bgpekko.wire.Bytes;
import org.bgpekko.wire.Family;
import org.bgpekko.wire.Hex;
import org.bgpekko.wire.Update;
import org.bgpekko.wire.attribute.PathAttributes;
import org.bgpekko.wire.nlri.IpAddress;
import org.bgpekko.wire.nlri.IpPrefix;
import org.bgpekko.wire.nlri.NlriBlock;

class HostBitsPropertiesTest {
    private static final Family[] FAMILIES = {Family.IPV4_UNICAST, Family.IPV6_UNICAST, Family.IPV4_NLRI_MPLS,
        Family.IPV6_NLRI_MPLS, Family.IPV4_MPLS_VPN, Family.IPV6_MPLS_VPN};

    @Provide
    Arbitrary<byte[]> address() {
        return Arbitraries.bytes().array(byte[].class).ofSize(16);
    }

    /** The first {@code bits} bits of {@code addr}, the rest zero: the canonical address bytes. */
    private static byte[] masked(byte[] addr, int bits) {
        byte[] out = addr.clone();
        for (int i = 0; i < out.length; i++) {
            int keep = Math.max(0, Math.min(8, bits - 8 * i));
            out[i] &= (byte) (0xFF00 >>> keep);
        }
        return out;
    }

    private static String text(int afi, byte[] addr) {
        return IpAddress.read(addr, 0, afi == Family.AFI_IPV4 ? 4 : 16).toString();
    }

    /** One NLRI of family {@code f} in wire form, its address bytes as given (host bits and all). */
    private static byte[] wire(Family f, byte[] addr, int bits) {
        int labelBytes = f.safi() == Family.SAFI_UNICAST ? 0 : 3;
        int rdBytes = f.safi() == Family.SAFI_MPLS_VPN ? 8 : 0;
        int n = (bits + 7) / 8;
        byte[] out = new byte[1 + labelBytes + rdBytes + n];
        out[0] = (byte) (bits + 8 * (labelBytes + rdBytes));
        if (labelBytes > 0) {
            out[2] = 0x10;
            out[3] = 0x01; // label 256, bottom of stack
        }
        if (rdBytes > 0) {
            out[4 + 3] = (byte) 0xFD;
            out[4 + 7] = 0x01; // RD 0:65001:1
        }
        System.arraycopy(addr, 0, out, 1 + labelBytes + rdBytes, n);
        return out;
    }

    private static Bytes nextHop(Family f) {
        String rd = f.safi() == Family.SAFI_MPLS_VPN ? "0000000000000000" : "";
        return Bytes.fromHex(rd + (f.afi() == Family.AFI_IPV4 ? "C0000201" : "20010DB8000000000000000000000001"));
    }

    private static Update announce(NlriBlock b) {
        return b.family().equals(Family.IPV4_UNICAST)
                ? new Update(RibFixtures.NO_V4, RibFixtures.attrs(1), b)
                : RibFixtures.mpAnnounce(RibFixtures.attrs(1), nextHop(b.family()), b);
    }

    private static Update withdraw(NlriBlock b) {
        return b.family().equals(Family.IPV4_UNICAST)
                ? new Update(b, PathAttributes.EMPTY, RibFixtures.NO_V4)
                : RibFixtures.mpWithdraw(b);
    }

    @Property(tries = 300)
    void configuredAndHelperPrefixesWithHostBitsAreCanonical(@ForAll("address") byte[] addr,
                                                             @ForAll @IntRange(max = 128) int bits,
                                                             @ForAll boolean v4) throws Exception {
        int afi = v4 ? Family.AFI_IPV4 : Family.AFI_IPV6;
        int len = v4 ? bits % 33 : bits;
        String written = text(afi, addr) + "/" + len;
        IpPrefix expected = IpPrefix.parse(text(afi, masked(addr, len)) + "/" + len);
        assertEquals(text(afi, masked(addr, len)), expected.address().toString());
        assertEquals(expected, IpPrefix.parse(written));
        String nh = v4 ? "192.0.2.1" : "2001:db8::1";
        String conf = "neighbor 127.0.0.1 { router-id 10.0.0.1; local-address 127.0.0.1; local-as 1; peer-as 1;"
                + " static { route " + written + " next-hop " + nh + "; } }";
        assertEquals(expected, ConfigParser.parse(Path.of("t.conf"), conf).neighbors().get(0).routes().get(0)
                .nlri().prefix());
        ApiCommand.AnnounceRoutes a = (ApiCommand.AnnounceRoutes) ApiParser.parse("announce route " + written
                + " next-hop " + nh).command();
        assertEquals(expected, a.routes().get(0).nlri().prefix());
    }

    @Property(tries = 500)
    void receivedWithHostBitsAndWithdrawnCanonicalLeavesNothing(@ForAll("address") byte[] addr,
                                                                @ForAll @IntRange(max = 128) int bits,
                                                                @ForAll @IntRange(max = 5) int familyIndex,
                                                                @ForAll boolean announceCanonical) {
        Family f = FAMILIES[familyIndex];
        int len = f.afi() == Family.AFI_IPV4 ? bits % 33 : bits;
        byte[] noisy = wire(f, addr, len);
        byte[] clean = wire(f, masked(addr, len), len);
        byte[] first = announceCanonical ? clean : noisy;
        byte[] second = announceCanonical ? noisy : clean;
        AttributeStore store = new AttributeStore();
        AdjRibIn rib = new AdjRibIn(store);
        List<RibChange> added = rib.apply(announce(NlriBlock.decode(f, first, 0, first.length, false).block()));
        assertEquals(1, rib.size());
        assertEquals(Hex.encode(clean), added.get(0).nlri().bytes().hex(), "changes carry the canonical NLRI");
        List<RibChange> gone = rib.apply(withdraw(NlriBlock.decode(f, second, 0, second.length, false).block()));
        assertEquals(0, rib.size(), "withdrawn under the other spelling");
        assertEquals(0, store.size());
        assertEquals(Hex.encode(clean), gone.get(0).nlri().bytes().hex());
    }
}
