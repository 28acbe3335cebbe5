// Each value type reads ExaBGP's spellings, rejects what ExaBGP would misread, and writes as `exabgp env` does.
package org.bgpekko.config.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ValueTypeTest {
    @ParameterizedTest
    @ValueSource(strings = {"1", "yes", "on", "enable", "true", "TRUE", "Yes", "ON", "Enable"})
    void booleanTrueSpellings(String text) {
        assertEquals(true, ValueType.BOOLEAN.read(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "no", "off", "disable", "false", "FALSE", "No", ""})
    void booleanFalseSpellings(String text) {
        assertEquals(false, ValueType.BOOLEAN.read(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"enabled", "disabled", "y", "n", "t", "2", "maybe", "truee"})
    void wordsExabgpWouldSilentlyReadAsFalseAreRefused(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ValueType.BOOLEAN.read(text));
        assertTrue(e.getMessage().startsWith("expected a boolean"), e.getMessage());
    }

    @Test
    void integersAsPythonIntReadsThem() {
        assertEquals(179, ValueType.PORT.read("179"));
        assertEquals(5, ValueType.INTEGER.read("+5"));
        assertEquals(1000, ValueType.INTEGER.read("1_000"));
        assertEquals(0, ValueType.PORT.read("0"));
        assertEquals(65535, ValueType.PORT.read("65535"));
        for (String bad : List.of("", "abc", "1.5", "0x10", "-1", "1e3", "65536", "99999999999")) {
            assertThrows(IllegalArgumentException.class, () -> ValueType.PORT.read(bad), bad);
        }
        assertThrows(IllegalArgumentException.class, () -> ValueType.INTEGER.read("-3"));
        assertThrows(IllegalArgumentException.class, () -> ValueType.INTEGER.read("1__0"));
    }

    @Test
    void realsAsPythonFloatReadsThem() {
        assertEquals(1.0, ValueType.REAL.read("1"));
        assertEquals(0.5, ValueType.REAL.read(".5"));
        assertEquals(2.0, ValueType.REAL.read("2."));
        assertEquals(1000.0, ValueType.REAL.read("1e3"));
        for (String bad : List.of("", "fast", "-1", "inf", "nan", "0x1p3", "1.5d", "1,5")) {
            assertThrows(IllegalArgumentException.class, () -> ValueType.REAL.read(bad), bad);
        }
    }

    @Test
    void realsWriteAsPythonRepr() {
        assertEquals("1.0", ValueType.REAL.write(1.0));
        assertEquals("0.25", ValueType.REAL.write(0.25));
        assertEquals("0.1", ValueType.REAL.write(0.1));
        assertEquals("0.0001", ValueType.REAL.write(0.0001));
        assertEquals("1e-05", ValueType.REAL.write(0.00001));
        assertEquals("1000000000000000.0", ValueType.REAL.write(1e15));
        assertEquals("1e+16", ValueType.REAL.write(1e16));
        assertEquals("1.5e+16", ValueType.REAL.write(1.5e16));
        assertEquals("123.456", ValueType.REAL.write(123.456));
        assertEquals("0.0", ValueType.REAL.write(0.0));
        assertEquals("0.30000000000000004", ValueType.REAL.write(0.1 + 0.2));
    }

    @Test
    void ipListsSplitOnBlanksAndNothingMeansNone() {
        assertEquals(List.of(), ValueType.IP_LIST.read(""));
        assertEquals(List.of("127.0.0.1"), ValueType.IP_LIST.read("127.0.0.1"));
        assertEquals(List.of("10.0.0.1", "::1", "2001:db8::1"), ValueType.IP_LIST.read("10.0.0.1  ::1 2001:db8::1"));
        assertEquals(List.of("::ffff:1.2.3.4"), ValueType.IP_LIST.read("::ffff:1.2.3.4"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ValueType.IP_LIST.read("127.0.0.1 localhost"));
        assertTrue(e.getMessage().startsWith("'localhost' is not an IP address"), e.getMessage());
        for (String bad : List.of("1.2.3", "1.2.3.256", "01.2.3.4", "1.2.3.4.5", "::1%lo", "1:2:3:4:5:6:7:8:9",
                "example.com", "10.0.0.1,10.0.0.2", ":::1", "::1.2.3")) {
            assertThrows(IllegalArgumentException.class, () -> ValueType.IP_LIST.read(bad), bad);
        }
        assertEquals("'10.0.0.1 ::1'", ValueType.IP_LIST.write(List.of("10.0.0.1", "::1")));
        assertEquals("''", ValueType.IP_LIST.write(List.of()));
    }

    @Test
    void umaskIsOctalAndWrittenAsPythonOct() {
        assertEquals(0137, ValueType.UMASK.read("0137"));
        assertEquals(0137, ValueType.UMASK.read("137"));
        assertEquals(0137, ValueType.UMASK.read("0o137"));
        assertEquals(022, ValueType.UMASK.read("022"));
        assertEquals("'0o137'", ValueType.UMASK.write(0137));
        assertEquals("'0o0'", ValueType.UMASK.write(0));
        for (String bad : List.of("", "8", "0x1f", "1000", "-1", "rwx")) {
            assertThrows(IllegalArgumentException.class, () -> ValueType.UMASK.read(bad), bad);
        }
    }

    @Test
    void logLevelsAndEncodersInAnyCase() {
        assertEquals(LogLevel.DEBUG, ValueType.LOG_LEVEL.read("debug"));
        assertEquals(LogLevel.WARNING, ValueType.LOG_LEVEL.read("Warning"));
        assertEquals(LogLevel.FATAL, ValueType.LOG_LEVEL.read("FATAL"));
        assertEquals("NOTSET", ValueType.LOG_LEVEL.write(LogLevel.NOTSET));
        assertThrows(IllegalArgumentException.class, () -> ValueType.LOG_LEVEL.read("WARN"));
        assertThrows(IllegalArgumentException.class, () -> ValueType.LOG_LEVEL.read("LOG_INFO"));
        assertEquals(ApiEncoder.TEXT, ValueType.ENCODER.read("TEXT"));
        assertEquals(ApiEncoder.JSON, ValueType.ENCODER.read("json"));
        assertEquals("text", ValueType.ENCODER.write(ApiEncoder.TEXT));
        assertThrows(IllegalArgumentException.class, () -> ValueType.ENCODER.read("xml"));
    }

    @Test
    void textIsQuotedWhenWritten() {
        assertEquals("'stdout'", ValueType.STRING.write("stdout"));
        assertEquals("''", ValueType.STRING.write(""));
        assertEquals("'nobody'", ValueType.USER.write("nobody"));
        assertThrows(IllegalArgumentException.class, () -> ValueType.USER.read(""));
        assertThrows(IllegalArgumentException.class, () -> ValueType.USER.read("no body"));
    }

    @Test
    void unquoteStripsBlanksThenQuotesAsExabgpDoes() {
        assertEquals("x", ValueType.unquote("  'x'  "));
        assertEquals("x", ValueType.unquote("\"'x'\""));
        assertEquals("", ValueType.unquote("''"));
        assertEquals("a 'b' c", ValueType.unquote("a 'b' c"));
    }

    @Property
    void portsRoundTrip(@ForAll @IntRange(min = 0, max = 65535) int port) {
        assertEquals(port, ValueType.PORT.read(ValueType.PORT.write(port)));
    }

    @Property
    void umasksRoundTrip(@ForAll @IntRange(min = 0, max = 0777) int umask) {
        assertEquals(umask, ValueType.UMASK.read(ValueType.unquote(ValueType.UMASK.write(umask))));
    }

    @Property
    void realsRoundTripThroughPythonRepr(@ForAll @net.jqwik.api.constraints.DoubleRange(min = 0, max = 1e20) double d) {
        assertEquals(d, (Double) ValueType.REAL.read(ValueType.REAL.write(d)));
    }

    @Property
    void ipv4AddressesAreIps(@ForAll @IntRange(min = 0, max = 255) int a, @ForAll @IntRange(min = 0, max = 255) int b) {
        assertTrue(IpLiteral.isValid(a + "." + b + ".0.1"));
        assertFalse(IpLiteral.isValid(a + "." + b + ".0"));
    }
}
