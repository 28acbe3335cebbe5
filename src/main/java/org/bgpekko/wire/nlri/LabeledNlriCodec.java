// Labeled unicast (RFC 8277) and VPN (RFC 4364) NLRI: [path id] length labels [RD] prefix-bytes.
package org.bgpekko.wire.nlri;

import org.bgpekko.wire.Family;
import org.bgpekko.wire.Wire;
import org.bgpekko.wire.WireWriter;

public final class LabeledNlriCodec implements NlriCodec {
    private final Family family;
    private final int maxBits;
    private final boolean withRd;

    /** @param withRd true for mpls-vpn (SAFI 128), false for nlri-mpls (SAFI 4) */
    public LabeledNlriCodec(Family family, boolean withRd) {
        this.family = family;
        this.maxBits = IpPrefix.maxLength(family.afi());
        this.withRd = withRd;
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
        int bits = b[p++] & 0xFF;
        int rdBits = withRd ? 64 : 0;
        while (bits - rdBits >= 24) {
            if (p + 3 > end) {
                return TRUNCATED;
            }
            int entry = Wire.u24(b, p);
            p += 3;
            bits -= 24;
            if (Labels.endsStack(entry)) {
                break;
            }
        }
        bits -= rdBits;
        if (bits < 0 || bits > maxBits) {
            return BAD_LENGTH;
        }
        int next = p + (withRd ? 8 : 0) + ((bits + 7) >>> 3);
        return next <= end ? next : TRUNCATED;
    }

    @Override
    public Nlri decode(byte[] b, int off, boolean addPath) {
        long pathId = addPath ? Wire.u32(b, off) : Nlri.NO_PATH_ID;
        int p = addPath ? off + 4 : off;
        int bits = b[p++] & 0xFF;
        int rdBits = withRd ? 64 : 0;
        int labelStart = p;
        int count = 0;
        while (bits - rdBits >= 24) {
            int entry = Wire.u24(b, p);
            p += 3;
            bits -= 24;
            count++;
            if (Labels.endsStack(entry)) {
                break;
            }
        }
        Labels labels = Labels.read(b, labelStart, count);
        if (!withRd) {
            return new LabeledNlri(family, pathId, labels, IpPrefix.read(family.afi(), b, p, bits));
        }
        RouteDistinguisher rd = RouteDistinguisher.read(b, p);
        return new VpnNlri(family, pathId, labels, rd, IpPrefix.read(family.afi(), b, p + 8, bits - 64));
    }

    @Override
    public void encode(Nlri nlri, boolean addPath, WireWriter out) {
        NlriCodec.writePathId(nlri.pathId(), addPath, out);
        Labels labels;
        RouteDistinguisher rd = null;
        if (nlri instanceof VpnNlri v && withRd) {
            labels = v.labels();
            rd = v.rd();
        } else if (nlri instanceof LabeledNlri l && !withRd) {
            labels = l.labels();
        } else {
            throw new IllegalArgumentException(nlri + " cannot be encoded as " + family);
        }
        int bits = labels.bits() + (withRd ? 64 : 0) + nlri.prefix().length();
        if (bits > 255) {
            throw new IllegalArgumentException(nlri + " needs " + bits + " bits, more than a length byte holds");
        }
        out.put8(bits);
        labels.write(out);
        if (rd != null) {
            rd.write(out);
        }
        nlri.prefix().writeAddressBytes(out);
    }
}
