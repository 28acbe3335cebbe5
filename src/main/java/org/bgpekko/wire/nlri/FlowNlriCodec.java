// FlowSpec NLRI (RFC 8955 section 4, RFC 8956): [path id] length(1 or 2 bytes) [RD] components.
package org.bgpekko.wire.nlri;

import org.bgpekko.wire.Family;
import org.bgpekko.wire.Wire;
import org.bgpekko.wire.WireWriter;

/**
 * {@link #scan} delimits an NLRI by its length alone; {@link #malformed} then checks its components, so that a
 * malformed NLRI is dropped and its UPDATE treated as withdrawn instead of disabling the family. ExaBGP does not
 * use ADD-PATH with FlowSpec; the path identifier is read and written when a session negotiates it all the same.
 */
public final class FlowNlriCodec implements NlriCodec {
    /** The largest component length the 2-byte form of the length field holds (0xfnnn). */
    public static final int MAX_LENGTH = 0xFFF;
    /** Lengths from this value on take the 2-byte form. */
    private static final int TWO_BYTE_FROM = 0xF0;

    private final Family family;
    private final boolean vpn;

    public FlowNlriCodec(Family family) {
        if (family.safi() != Family.SAFI_FLOW && family.safi() != Family.SAFI_FLOW_VPN) {
            throw new IllegalArgumentException(family + " is not a FlowSpec family");
        }
        this.family = family;
        this.vpn = family.safi() == Family.SAFI_FLOW_VPN;
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
        int len = b[p] & 0xFF;
        if (len >= TWO_BYTE_FROM) {
            if (p + 2 > end) {
                return TRUNCATED;
            }
            len = (len & 0x0F) << 8 | b[p + 1] & 0xFF;
            p += 2;
        } else {
            p++;
        }
        int next = p + len;
        return next <= end ? next : TRUNCATED;
    }

    /** Where the route distinguisher or the first component starts. */
    private static int body(byte[] b, int off, boolean addPath) {
        int p = addPath ? off + 4 : off;
        return (b[p] & 0xFF) >= TWO_BYTE_FROM ? p + 2 : p + 1;
    }

    @Override
    public String malformed(byte[] b, int off, int next, boolean addPath) {
        int p = body(b, off, addPath);
        if (vpn) {
            if (p + 8 > next) {
                return "flow-vpn NLRI shorter than its route distinguisher";
            }
            p += 8;
        }
        return FlowNlriReader.check(family.afi(), b, p, next);
    }

    @Override
    public Nlri decode(byte[] b, int off, boolean addPath) {
        long pathId = addPath ? Wire.u32(b, off) : Nlri.NO_PATH_ID;
        int next = scan(b, off, b.length, addPath);
        int p = body(b, off, addPath);
        RouteDistinguisher rd = null;
        if (vpn) {
            rd = RouteDistinguisher.read(b, p);
            p += 8;
        }
        return new FlowNlri(family, pathId, rd, FlowNlriReader.read(family.afi(), b, p, next));
    }

    @Override
    public void encode(Nlri nlri, boolean addPath, WireWriter out) {
        if (!(nlri instanceof FlowNlri f) || !f.family().equals(family)) {
            throw new IllegalArgumentException(nlri + " cannot be encoded as " + family);
        }
        NlriCodec.writePathId(nlri.pathId(), addPath, out);
        WireWriter body = body(f);
        int len = body.position();
        if (len < TWO_BYTE_FROM) {
            out.put8(len);
        } else if (len <= MAX_LENGTH) {
            out.put16(0xF000 | len);
        } else {
            throw new IllegalArgumentException("a FlowSpec NLRI of " + len + " bytes is longer than the "
                    + MAX_LENGTH + " its length field holds");
        }
        out.putBytes(body.toArray(), 0, len);
    }

    /** What the length field of {@code nlri} counts: its RD and components, in bytes (at most {@link #MAX_LENGTH}). */
    public static int bodyLength(FlowNlri nlri) {
        return body(nlri).position();
    }

    private static WireWriter body(FlowNlri f) {
        WireWriter body = new WireWriter(64);
        if (f.rd() != null) {
            f.rd().write(body);
        }
        for (FlowComponent c : f.components()) {
            write(f.family().afi(), c, body);
        }
        return body;
    }

    /** One component; IPv6 prefixes carry the whole prefix after the offset, as ExaBGP writes them. */
    private static void write(int afi, FlowComponent c, WireWriter out) {
        out.put8(c.type());
        if (c instanceof FlowPrefix p) {
            out.put8(p.prefix().length());
            if (afi == Family.AFI_IPV6) {
                out.put8(p.offset());
            }
            p.prefix().writeAddressBytes(out);
            return;
        }
        java.util.List<FlowOp> ops = ((FlowMatch) c).ops();
        for (int i = 0; i < ops.size(); i++) {
            FlowOp op = ops.get(i);
            out.put8(op.operatorByte(i == ops.size() - 1));
            for (int k = op.length() - 1; k >= 0; k--) {
                out.put8((int) (op.value() >>> (8 * k)));
            }
        }
    }
}
