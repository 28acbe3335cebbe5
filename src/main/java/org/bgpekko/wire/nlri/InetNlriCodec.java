// IPv4/IPv6 unicast and multicast NLRI: [path id] length prefix-bytes.
package org.bgpekko.wire.nlri;

import org.bgpekko.wire.Family;
import org.bgpekko.wire.Wire;
import org.bgpekko.wire.WireWriter;

public final class InetNlriCodec implements NlriCodec {
    private final Family family;
    private final int maxBits;

    public InetNlriCodec(Family family) {
        this.family = family;
        this.maxBits = IpPrefix.maxLength(family.afi());
    }

    @Override
    public Family family() {
        return family;
    }

    @Override
    public int scan(byte[] b, int off, int end, boolean addPath) {
        int p = addPath ? off + 4 : off;
        if (p >= end) {
            return TRUNCATED;
        }
        int bits = b[p] & 0xFF;
        if (bits > maxBits) {
            return BAD_LENGTH;
        }
        int next = p + 1 + ((bits + 7) >>> 3);
        return next <= end ? next : TRUNCATED;
    }

    @Override
    public Nlri decode(byte[] b, int off, boolean addPath) {
        long pathId = addPath ? Wire.u32(b, off) : Nlri.NO_PATH_ID;
        int p = addPath ? off + 4 : off;
        return new InetNlri(family, pathId, IpPrefix.read(family.afi(), b, p + 1, b[p] & 0xFF));
    }

    @Override
    public void encode(Nlri nlri, boolean addPath, WireWriter out) {
        NlriCodec.writePathId(nlri.pathId(), addPath, out);
        out.put8(nlri.prefix().length());
        nlri.prefix().writeAddressBytes(out);
    }
}
