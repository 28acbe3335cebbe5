// Virtual durations as scenario files write them: 250ms, 30s, 2m, 1h, or a number of seconds.
package org.bgpekko.sim;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

final class Durations {
    private Durations() {}

    private static final Pattern FORM = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h)?");

    static Duration parse(String text) {
        Matcher m = FORM.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration (like 250ms, 30s, 2m, 1h)");
        }
        double v = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        double nanos = v * switch (unit) {
            case "ms" -> 1e6;
            case "m" -> 60e9;
            case "h" -> 3600e9;
            default -> 1e9;
        };
        return Duration.ofNanos(Math.round(nanos));
    }

    /** As the summary and report print it: seconds with three decimals. */
    static String seconds(long nanos) {
        return String.format(java.util.Locale.ROOT, "%.3f", nanos / 1e9);
    }
}
