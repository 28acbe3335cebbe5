// BGP Role capability (code 9, RFC 9234 section 4.1): the role of the speaker on this session, one octet.
package org.bgpekko.wire.capability;

import java.util.List;
import org.bgpekko.wire.Bytes;

/** @param role a value of RFC 9234's table 1 ({@link #PROVIDER} .. {@link #PEER}); other values stay UnknownCapability */
public record BgpRole(int role) implements Capability {
    public static final int PROVIDER = 0;
    public static final int RS = 1;
    public static final int RS_CLIENT = 2;
    public static final int CUSTOMER = 3;
    public static final int PEER = 4;

    /** The names of table 1, as arouteserver (and OpenBGPD) write them, by value. */
    public static final List<String> NAMES = List.of("provider", "rs", "rs-client", "customer", "peer");

    public BgpRole {
        if (role < PROVIDER || role > PEER) {
            throw new IllegalArgumentException("BGP role " + role + " is not defined");
        }
    }

    /** RFC 9234 table 2: may a speaker with role {@code local} have a neighbour with role {@code remote}? */
    public static boolean allowedPair(int local, int remote) {
        return switch (local) {
            case PROVIDER -> remote == CUSTOMER;
            case CUSTOMER -> remote == PROVIDER;
            case RS -> remote == RS_CLIENT;
            case RS_CLIENT -> remote == RS;
            case PEER -> remote == PEER;
            default -> false;
        };
    }

    public String name() {
        return NAMES.get(role);
    }

    /** The same capability as an {@link UnknownCapability}: ExaBGP (d7f4a9293) does not know code 9. */
    public UnknownCapability asUnknown() {
        return new UnknownCapability(BGP_ROLE, Bytes.of((byte) role));
    }

    @Override
    public int code() {
        return BGP_ROLE;
    }
}
