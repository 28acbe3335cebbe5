// Four-octet AS number capability (code 65, RFC 6793): the speaker's real AS.
package org.bgpekko.wire.capability;

public record FourOctetAs(long asn) implements Capability {
    public FourOctetAs {
        if (asn < 0 || asn > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("AS number out of range: " + asn);
        }
    }

    @Override
    public int code() {
        return FOUR_OCTET_AS;
    }
}
