// Malformed messages a simulated member can send, built byte by byte (the codec refuses to encode them).
package org.bgpekko.sim;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import org.bgpekko.wire.SessionOptions;

final class Malformed {
    private Malformed() {}

    /**
     * An UPDATE for 198.18.0.0/24 whose ORIGIN is 9 (RFC 7606 section 7.1: treat-as-withdraw), with a valid AS_PATH
     * of the member's AS and NEXT_HOP of its address.
     */
    static byte[] badOrigin(long asn, InetAddress nextHop, SessionOptions options) {
        ByteArrayOutputStream attrs = new ByteArrayOutputStream();
        attrs.writeBytes(new byte[] {0x40, 1, 1, 9});
        int asLen = options.asn4() ? 4 : 2;
        attrs.writeBytes(new byte[] {0x40, 2, (byte) (2 + asLen), 2, 1});
        for (int i = asLen - 1; i >= 0; i--) {
            attrs.write((int) (asn >>> (8 * i)) & 0xFF);
        }
        attrs.writeBytes(new byte[] {0x40, 3, 4});
        attrs.writeBytes(nextHop.getAddress());
        byte[] a = attrs.toByteArray();
        byte[] nlri = {24, (byte) 198, 18, 0};
        int length = 19 + 2 + 2 + a.length + nlri.length;
        ByteArrayOutputStream m = new ByteArrayOutputStream();
        for (int i = 0; i < 16; i++) {
            m.write(0xFF);
        }
        m.write(length >> 8);
        m.write(length);
        m.write(2);
        m.writeBytes(new byte[] {0, 0, (byte) (a.length >> 8), (byte) a.length});
        m.writeBytes(a);
        m.writeBytes(nlri);
        return m.toByteArray();
    }
}
