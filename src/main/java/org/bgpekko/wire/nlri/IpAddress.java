// An IPv4 or IPv6 address as two longs, printed as glibc's inet_ntop does (what ExaBGP shows).
package org.bgpekko.wire.nlri;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.bgpekko.wire.Bytes;
import org.bgpekko.wire.Family;
import org.bgpekko.wire.Wire;
import org.bgpekko.wire.WireWriter;

public record IpAddress(int afi, long hi, long lo) {

    public IpAddress {
        if (afi != Family.AFI_IPV4 && afi != Family.AFI_IPV6) {
            throw new IllegalArgumentException("AFI must be 1 or 2: " + afi);
        }
    }

    public static IpAddress ipv4(long v) {
        return new IpAddress(Family.AFI_IPV4, 0, v & 0xFFFFFFFFL);
    }

    public int bits() {
        return afi == Family.AFI_IPV4 ? 32 : 128;
    }

    public int byteLength() {
        return bits() / 8;
    }

    public boolean isIpv4() {
        return afi == Family.AFI_IPV4;
    }

    /** Reads a 4- or 16-byte address. */
    public static IpAddress read(byte[] b, int off, int len) {
        if (len == 4) {
            return ipv4(Wire.u32(b, off));
        }
        if (len == 16) {
            return new IpAddress(Family.AFI_IPV6, Wire.u64(b, off), Wire.u64(b, off + 8));
        }
        throw new IllegalArgumentException("an address is 4 or 16 bytes, not " + len);
    }

    public static IpAddress read(Bytes b) {
        return read(b.toArray(), 0, b.length());
    }

    public void write(WireWriter out) {
        if (isIpv4()) {
            out.put32(lo);
        } else {
            out.put64(hi).put64(lo);
        }
    }

    public Bytes toBytes() {
        WireWriter w = new WireWriter(16);
        write(w);
        return w.toBytes(0, w.position());
    }

    /** Parses a literal IPv4 or IPv6 address (no host names). */
    public static IpAddress parse(String text) {
        String s = text.strip();
        if (s.isEmpty() || !(s.indexOf(':') >= 0 || s.chars().allMatch(c -> c == '.' || (c >= '0' && c <= '9')))) {
            throw new IllegalArgumentException("'" + text + "' is not an IP address");
        }
        if (s.indexOf(':') < 0) {
            String[] parts = s.split("\\.", -1);
            if (parts.length != 4) {
                throw new IllegalArgumentException("'" + text + "' is not an IPv4 address");
            }
            long v = 0;
            for (String p : parts) {
                if (p.isEmpty() || p.length() > 3) {
                    throw new IllegalArgumentException("'" + text + "' is not an IPv4 address");
                }
                int octet = Integer.parseInt(p);
                if (octet > 255) {
                    throw new IllegalArgumentException("'" + text + "' is not an IPv4 address (octet " + octet + ")");
                }
                v = v << 8 | octet;
            }
            return ipv4(v);
        }
        if (!s.chars().allMatch(c -> c == ':' || c == '.' || Character.digit(c, 16) >= 0)) {
            throw new IllegalArgumentException("'" + text + "' is not an IPv6 address");
        }
        try {
            byte[] raw = InetAddress.getByName(s).getAddress();
            if (raw.length == 4) {
                // Java folds ::ffff:a.b.c.d to IPv4; keep it IPv6
                return new IpAddress(Family.AFI_IPV6, 0, 0xFFFF00000000L | Wire.u32(raw, 0));
            }
            return read(raw, 0, 16);
        } catch (UnknownHostException | IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "' is not an IPv6 address");
        }
    }

    public InetAddress toInetAddress() {
        try {
            return InetAddress.getByAddress(toBytes().toArray());
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    public static IpAddress of(InetAddress a) {
        byte[] raw = a.getAddress();
        return a instanceof Inet4Address ? ipv4(Wire.u32(raw, 0)) : read(raw, 0, 16);
    }

    @Override
    public String toString() {
        if (isIpv4()) {
            return Wire.ipv4(lo);
        }
        int[] w = new int[8];
        for (int i = 0; i < 8; i++) {
            long word = i < 4 ? hi : lo;
            w[i] = (int) (word >>> (48 - 16 * (i & 3))) & 0xFFFF;
        }
        // longest run of zero words (length >= 2), first one wins, as glibc does
        int bestBase = -1;
        int bestLen = 0;
        for (int i = 0; i < 8; ) {
            if (w[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && w[j] == 0) {
                j++;
            }
            if (j - i > bestLen) {
                bestBase = i;
                bestLen = j - i;
            }
            i = j;
        }
        if (bestLen < 2) {
            bestBase = -1;
        }
        StringBuilder sb = new StringBuilder(40);
        for (int i = 0; i < 8; i++) {
            if (bestBase >= 0 && i >= bestBase && i < bestBase + bestLen) {
                if (i == bestBase) {
                    sb.append(':');
                }
                continue;
            }
            if (i != 0) {
                sb.append(':');
            }
            if (i == 6 && bestBase == 0 && (bestLen == 6 || (bestLen == 5 && w[5] == 0xFFFF))) {
                sb.append(Wire.ipv4(lo & 0xFFFFFFFFL));
                return sb.toString();
            }
            sb.append(Integer.toHexString(w[i]));
        }
        if (bestBase >= 0 && bestBase + bestLen == 8) {
            sb.append(':');
        }
        return sb.toString();
    }
}
