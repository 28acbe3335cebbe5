// Python's float text, as ExaBGP's BGP-LS bandwidths show it; NaN and infinities as null (valid JSON).
package org.bgpekko.api.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonTextTest {
    @ParameterizedTest
    @CsvSource({"125000000.0, 125000000.0", "1250000000.0, 1250000000.0", "1.5, 1.5", "0.0001, 0.0001",
        "0.00001, 1e-05", "1e16, 1e+16", "1.2345678e20, 1.2345678e+20", "-2.5e-7, -2.5e-07", "0, 0.0", "-0.0, -0.0",
        "9999999999999998, 9999999999999998.0", "NaN, null", "Infinity, null"})
    void pythonFloatRepr(double value, String text) {
        assertEquals(text, JsonText.pythonFloat(value));
    }

    @ParameterizedTest
    @CsvSource({"1290693416, 125000000.0", "1325400064, 2.147483648E9"})
    void ieeeSinglePrecisionBandwidths(int bits, double expected) {
        assertEquals(expected, Double.parseDouble(JsonText.pythonFloat(Float.intBitsToFloat(bits))));
    }
}
