// md5-password, md5-base64, md5-ip, outgoing-ttl and incoming-ttl as ExaBGP reads them, applied (issue 10); bad values
// refused at their position.
package org.bgpekko.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.bgpekko.config.TcpOptions.Md5Encoding;
import org.bgpekko.wire.nlri.IpAddress;
import org.junit.jupiter.api.Test;

class TcpSettingsTest {
    private static final Path F = Path.of("t.conf");

    /** A valid neighbor with {@code settings} from its line 6. */
    private static String neighbor(String settings) {
        return "neighbor 10.0.0.2 {\n    router-id 10.0.0.1;\n    local-address 10.0.0.1;\n    local-as 65001;\n"
                + "    peer-as 65002;\n" + settings + "\n}\n";
    }

    private static List<String> errors(String text) {
        return ConfigParser.check(F, text).errors().stream().map(ConfigException::describe).toList();
    }

    private static TcpOptions tcp(String settings) {
        ConfigParser.Result r = ConfigParser.check(F, neighbor(settings));
        assertEquals(List.of(), r.errors().stream().map(ConfigException::describe).toList());
        return r.configuration().neighbors().get(0).tcp();
    }

    private static byte[] key(String settings) {
        return tcp(settings).md5Key().orElseThrow().toArray();
    }

    @Test
    void withoutSettingsTheNeighborKeepsTheJdkTransport() {
        assertEquals(TcpOptions.NONE, tcp(""));
        assertEquals(false, tcp("").needsNativeSocket());
        assertEquals(false, tcp("    md5-base64 true;\n    outgoing-ttl disable;\n    incoming-ttl 0;")
                .needsNativeSocket());
    }

    @Test
    void theMd5PasswordIsTheKeyAsWritten() {
        assertArrayEquals("abc123".getBytes(StandardCharsets.US_ASCII), key("    md5-password abc123;"));
        assertArrayEquals("my md5 of the day".getBytes(StandardCharsets.US_ASCII),
                key("    md5-password \"my md5 of the day\";"));
        assertArrayEquals("x".repeat(80).getBytes(StandardCharsets.US_ASCII),
                key("    md5-password " + "x".repeat(80) + ";"));
        assertTrue(tcp("    md5-password abc123;").needsNativeSocket());
    }

    @Test
    void base64PasswordsAreDecodedAndAutoDecodesLowerCaseHexOnly() {
        assertArrayEquals("secret".getBytes(StandardCharsets.US_ASCII),
                key("    md5-password c2VjcmV0;\n    md5-base64 true;"));
        assertEquals(Md5Encoding.AUTO, tcp("    md5-password abc123;\n    md5-base64 auto;").md5Encoding());
        // ExaBGP's auto: a password of [a-f0-9] only is base64 (padding added); others are the key as written
        assertArrayEquals(new byte[] {105, (byte) 183, 53, (byte) 219, 119, 125},
                key("    md5-password abc123d9;\n    md5-base64 auto;"));
        assertArrayEquals(new byte[] {105, (byte) 183, 53, (byte) 219},
                key("    md5-password abc123;\n    md5-base64 auto;"));
        assertArrayEquals("Secret1".getBytes(StandardCharsets.US_ASCII),
                key("    md5-password Secret1;\n    md5-base64 auto;"));
        assertArrayEquals("abc123".getBytes(StandardCharsets.US_ASCII),
                key("    md5-password abc123;\n    md5-base64 false;"));
    }

    @Test
    void badPasswordsAreRefusedAtThePassword() {
        assertEquals(List.of("t.conf:6:18: invalid base64 encoding of the MD5 password (its length, 7, is not a "
                + "multiple of 4)"), errors(neighbor("    md5-password c2VjcmV;\n    md5-base64 true;")));
        assertEquals(List.of("t.conf:6:18: invalid base64 encoding of the MD5 password (Illegal base64 character "
                + "21)"), errors(neighbor("    md5-password c2Vj!mV0;\n    md5-base64 true;")));
        assertEquals(List.of("t.conf:6:18: MD5 password must be no larger than 80 characters (81 bytes)"),
                errors(neighbor("    md5-password " + "x".repeat(81) + ";")));
        assertEquals(List.of("t.conf:6:18: md5-password needs the password (quoted or unquoted)"),
                errors(neighbor("    md5-password \"\";")));
    }

    @Test
    void md5IpIsWhereOutgoingConnectionsStart() {
        NeighborConfig n = ConfigParser.parse(F, neighbor("    md5-password abc123;\n    md5-ip 10.0.0.9;"))
                .neighbors().get(0);
        assertEquals(IpAddress.parse("10.0.0.9"), n.tcp().md5Ip());
        assertEquals(IpAddress.parse("10.0.0.9"), n.connectFrom());
        assertEquals(IpAddress.parse("10.0.0.1"), ConfigParser.parse(F, neighbor("")).neighbors().get(0)
                .connectFrom());
        assertEquals(List.of("t.conf:6:12: md5-ip 2001:db8::1 and peer address 10.0.0.2 must be of the same "
                + "family"), errors(neighbor("    md5-ip 2001:db8::1;")));
    }

    @Test
    void ttlsAreZeroTo255OrDisabled() {
        assertEquals(new TcpOptions(null, Md5Encoding.TEXT, null, 255, 254),
                tcp("    outgoing-ttl 255;\n    incoming-ttl 254;"));
        assertEquals(0, tcp("    outgoing-ttl 1;\n    outgoing-ttl false;").outgoingTtl());
        assertEquals(List.of("t.conf:6:18: outgoing-ttl 300 out of range (expected 0..255)"),
                errors(neighbor("    outgoing-ttl 300;")));
        assertEquals(List.of("t.conf:6:18: incoming-ttl -1 out of range (expected 0..255)"),
                errors(neighbor("    incoming-ttl -1;")));
    }

    @Test
    void aTemplateCarriesTheSettings() {
        ConfigParser.Result r = ConfigParser.check(F, "template {\n    neighbor t {\n        md5-password secret;\n"
                + "        incoming-ttl 255;\n    }\n}\n" + neighbor("    inherit t;"));
        assertEquals(List.of(), r.errors().stream().map(ConfigException::describe).toList());
        assertEquals(new TcpOptions("secret", Md5Encoding.TEXT, null, 0, 255),
                r.configuration().neighbors().get(0).tcp());
    }
}
