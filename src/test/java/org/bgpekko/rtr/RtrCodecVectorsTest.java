// Hex vectors of RTR PDUs (RFC 8210 section 5 layouts) and every malformed PDU with the error code it must report.
package org.bgpekko.rtr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import org.bgpekko.wire.Bytes;
import org.bgpekko.wire.Hex;
import org.bgpekko.wire.nlri.IpPrefix;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class RtrCodecVectorsTest {
    private static RtrPdu decode(String hex) {
        byte[] b = Hex.decode(hex);
        RtrCodec.Decoded d = RtrCodec.decode(b, 0, b.length);
        return assertInstanceOf(RtrCodec.Pdu.class, d, d::toString).pdu();
    }

    private static void vector(int version, RtrPdu pdu, String hex) {
        assertEquals(hex, Hex.encode(RtrCodec.encode(version, pdu)).toLowerCase());
        assertEquals(pdu, decode(hex));
    }

    @Test
    void layouts() {
        vector(1, new RtrPdu.ResetQuery(), "0102000000000008");
        vector(1, new RtrPdu.SerialQuery(0x1234, 7), "01011234" + "0000000c" + "00000007");
        vector(1, new RtrPdu.CacheResponse(0xabcd), "0103abcd00000008");
        vector(1, new RtrPdu.Prefix(true, new RtrPdu.Vrp(IpPrefix.parse("192.0.2.0/24"), 25, 64511)),
                "0104000000000014" + "01181900" + "c0000200" + "0000fbff");
        vector(1, new RtrPdu.Prefix(false, new RtrPdu.Vrp(IpPrefix.parse("2001:db8::/32"), 48, 4200000000L)),
                "0106000000000020" + "00203000" + "20010db8000000000000000000000000" + "fa56ea00");
        vector(1, new RtrPdu.EndOfData(5, 9, 3600, 600, 7200),
                "010700050000001800000009" + "00000e10" + "00000258" + "00001c20");
        vector(1, new RtrPdu.CacheReset(), "0108000000000008");
        vector(1, new RtrPdu.ErrorReport(2, Bytes.EMPTY, "no"), "010a00020000001200000000000000026e6f");
        vector(1, new RtrPdu.SerialNotify(1, 0xFFFFFFFFL), "010000010000000cffffffff");
    }

    @Test
    void version0EndOfDataHasNoIntervals() {
        assertEquals("000700050000000c00000009",
                Hex.encode(RtrCodec.encode(0, new RtrPdu.EndOfData(5, 9, 3600, 600, 7200))).toLowerCase());
        assertEquals(new RtrPdu.EndOfData(5, 9, -1, -1, -1), decode("000700050000000c00000009"));
    }

    @Test
    void hostBitsOfAPrefixAreCleared() {
        RtrPdu.Prefix p = (RtrPdu.Prefix) decode("0104000000000014" + "01181900" + "c00002ff" + "0000fbff");
        assertEquals(IpPrefix.parse("192.0.2.0/24"), p.vrp().prefix());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "length below the header,        0102000000000007, 0",
        "length above the limit,         0102000000010001, 0",
        "version 2,                      0202000000000008, 4",
        "unknown type 5,                 0105000000000008, 5",
        "unknown type 255,               01ff000000000008, 5",
        "Router Key in version 0,        0009000000000020" + "0000000000000000000000000000000000000000" + "00000001, 5",
        "Reset Query too long,           010200000000000c00000000, 0",
        "Serial Notify too short,        0100000100000008, 0",
        "End of Data v1 of 12 octets,    010700050000000c00000009, 0",
        "End of Data v0 of 24 octets,    000700050000001800000009" + "00000e10" + "00000258" + "00001c20, 0",
        "refresh 0,                      010700050000001800000009" + "00000000" + "00000258" + "00001c20, 0",
        "expire below 600,               010700050000001800000009" + "00000e10" + "00000258" + "00000257, 0",
        "IPv4 max length below length,   0104000000000014" + "01181700" + "c0000200" + "0000fbff, 0",
        "IPv4 length 33,                 0104000000000014" + "01212100" + "c0000200" + "0000fbff, 0",
        "IPv6 max length 129,            0106000000000020" + "00208100" + "20010db8000000000000000000000000"
                + "fa56ea00, 0",
        "unknown prefix flag,            0104000000000014" + "03181900" + "c0000200" + "0000fbff, 0",
        "IPv4 prefix of IPv6 size,       0104000000000020" + "00203000" + "20010db8000000000000000000000000"
                + "fa56ea00, 0",
        "Error Report PDU length beyond, 010a00020000001200000099000000026e6f, 0",
        "Error Report text length wrong, 010a00020000001200000000000000056e6f, 0",
        "Error Report with no fields,    010a000200000008, 0",
    })
    void malformed(String what, String hex, int code) {
        byte[] b = Hex.decode(hex);
        RtrCodec.Decoded d = RtrCodec.decode(b, 0, b.length);
        RtrCodec.Malformed m = assertInstanceOf(RtrCodec.Malformed.class, d, () -> what + ": " + d);
        assertEquals(code, m.code(), what);
    }

    @Test
    void aTruncatedPduAsksForMore() {
        byte[] b = Hex.decode("0104000000000014" + "01181900");
        assertInstanceOf(RtrCodec.NeedMore.class, RtrCodec.decode(b, 0, b.length));
    }
}
