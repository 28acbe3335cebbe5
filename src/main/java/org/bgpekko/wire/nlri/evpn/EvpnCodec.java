// EVPN NLRI (RFC 7432 section 7): [path id] route-type (1) length (1) value; types 1 to 5 are checked.
package org.bgpekko.wire.nlri.evpn;

import org.bgpekko.wire.Bytes;
import org.bgpekko.wire.WireWriter;
import org.bgpekko.wire.nlri.EvpnNlri;
import org.bgpekko.wire.nlri.Nlri;
import org.bgpekko.wire.nlri.TypedNlriCodec;

public final class EvpnCodec extends TypedNlriCodec {
    public EvpnCodec() {
        super(EvpnNlri.FAMILY);
    }

    @Override
    protected int headerLength() {
        return 2;
    }

    @Override
    protected int valueLength(byte[] b, int off) {
        return b[off + 1] & 0xFF;
    }

    @Override
    protected boolean valid(byte[] b, int off, int valueOff, int len) {
        return EvpnRoute.read(b[off] & 0xFF, b, valueOff, len) != null;
    }

    @Override
    protected Nlri build(long pathId, byte[] b, int off, int valueOff, int len) {
        return new EvpnNlri(family(), pathId, b[off] & 0xFF, Bytes.of(b, valueOff, len));
    }

    @Override
    protected void writeBody(Nlri nlri, WireWriter out) {
        EvpnNlri e = (EvpnNlri) nlri;
        out.put8(e.routeType()).put8(e.value().length()).putBytes(e.value());
    }
}
