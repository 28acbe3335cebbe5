// A neighbour's socket settings: TCP-MD5 (RFC 2385), GTSM (RFC 5082), the TTL of sent packets, md5-ip.
package org.bgpekko.config;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;
import org.bgpekko.wire.Bytes;
import org.bgpekko.wire.nlri.IpAddress;

/**
 * As ExaBGP reads them (configuration/neighbor, reactor/network/tcp.py at d7f4a9293).
 *
 * @param md5Password {@code md5-password} as written, or null: no TCP-MD5
 * @param md5Encoding {@code md5-base64}: how the password becomes the key
 * @param md5Ip {@code md5-ip}, or null: the address outgoing connections bind to (ExaBGP's protocol.py), when the
 *              neighbour has a local-address
 * @param outgoingTtl {@code outgoing-ttl}: IP_TTL / IPV6_UNICAST_HOPS of the session's packets; 0 = system default
 * @param incomingTtl {@code incoming-ttl}: IP_MINTTL / IPV6_MINHOPCOUNT, the lowest TTL accepted; 0 = any
 */
public record TcpOptions(String md5Password, Md5Encoding md5Encoding, IpAddress md5Ip, int outgoingTtl,
                         int incomingTtl) {
    /** The kernel's TCP_MD5SIG_MAXKEYLEN, and ExaBGP's MAX_MD5_PASSWORD_LENGTH. */
    public static final int MAX_KEY_LENGTH = 80;

    public static final TcpOptions NONE = new TcpOptions(null, Md5Encoding.TEXT, null, 0, 0);

    /** {@code md5-base64 false} (ExaBGP's default, and what a bare {@code md5-base64;} means), {@code true}, {@code auto}. */
    public enum Md5Encoding { TEXT, BASE64, AUTO }

    private static final Pattern AUTO_BASE64 = Pattern.compile("[a-f0-9]+");

    /** Whether the sockets of this neighbour need options only the native (epoll) transport can set. */
    public boolean needsNativeSocket() {
        return md5Password != null || outgoingTtl > 0 || incomingTtl > 0;
    }

    /**
     * The TCP-MD5 key, as ExaBGP gives it to the kernel: the password's bytes; with {@code md5-base64 true} its base64
     * decoding; with {@code auto} its base64 decoding when it is made of lower-case hex digits only (ExaBGP's rule).
     *
     * @throws IllegalArgumentException if the password does not decode, or the key is empty or over 80 bytes
     */
    public Optional<Bytes> md5Key() {
        if (md5Password == null) {
            return Optional.empty();
        }
        byte[] key;
        boolean decode = md5Encoding == Md5Encoding.BASE64
                || md5Encoding == Md5Encoding.AUTO && AUTO_BASE64.matcher(md5Password).matches();
        if (decode) {
            // Python's b64decode wants the padding (ExaBGP's auto mode adds it); Java's decoder does without
            if (md5Encoding == Md5Encoding.BASE64 && md5Password.length() % 4 != 0) {
                throw new IllegalArgumentException("invalid base64 encoding of the MD5 password (its length, "
                        + md5Password.length() + ", is not a multiple of 4)");
            }
            try {
                key = Base64.getDecoder().decode(md5Password);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("invalid base64 encoding of the MD5 password (" + e.getMessage()
                        + ")", e);
            }
        } else {
            key = md5Password.getBytes(StandardCharsets.UTF_8);
        }
        if (key.length == 0) {
            throw new IllegalArgumentException("the MD5 password decodes to no bytes");
        }
        if (key.length > MAX_KEY_LENGTH || md5Password.length() > MAX_KEY_LENGTH && !decode) {
            throw new IllegalArgumentException("MD5 password must be no larger than " + MAX_KEY_LENGTH
                    + " characters (" + key.length + " bytes)");
        }
        return Optional.of(Bytes.of(key));
    }
}
