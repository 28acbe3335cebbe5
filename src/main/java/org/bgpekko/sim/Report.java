// The HTML report of a scenario run: one self-contained page, the summary table and an inline SVG plot.
package org.bgpekko.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The plot shows the routes each member held over virtual time: a grey line per member (up to
 * {@link #MAX_LINES}), the members that events acted on in colour with a legend, and the total held over all members
 * as a dashed line on its own scale (right axis). No script, no external resource.
 */
public final class Report {
    private Report() {}

    static final int MAX_LINES = 200;
    private static final String[] COLOURS = {"#d62728", "#1f77b4", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b",
        "#e377c2", "#17becf"};
    private static final int W = 900;
    private static final int H = 380;
    private static final int L = 70;
    private static final int R = 80;
    private static final int T = 20;
    private static final int B = 40;

    public static String html(ScenarioRun.Result r) {
        StringBuilder h = new StringBuilder(64 * 1024);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(esc(r.name())).append(" — bgpekko simulate</title>\n<style>")
                .append("body{font-family:sans-serif;margin:1.5em;color:#222}")
                .append("table{border-collapse:collapse;font-size:13px}td,th{padding:2px 8px;text-align:right;")
                .append("border-bottom:1px solid #ddd}td:first-child,th:first-child{text-align:left}")
                .append(".pass{color:#2a7d2a}.fail{color:#c0392b;font-weight:bold}")
                .append("</style></head><body>\n");
        h.append("<h1>").append(esc(r.name())).append("</h1>\n<p>seed ").append(r.seed()).append(", ")
                .append(Durations.seconds(r.until().toNanos())).append(" s of virtual time, ")
                .append(r.rows().size()).append(" members, ").append(r.events()).append(" events (log sha256 ")
                .append(r.digest(), 0, 16).append("…), ")
                .append(String.format(Locale.ROOT, "%.1f", r.wallMillis() / 1000.0))
                .append(" s of wall-clock time.</p>\n");
        h.append("<h2>Assertions</h2>\n<ul>\n");
        for (ScenarioRun.Outcome o : r.outcomes()) {
            h.append("<li class=\"").append(o.ok() ? "pass" : "fail").append("\">").append(o.ok() ? "PASS " : "FAIL ")
                    .append(esc(o.text())).append(o.ok() ? "" : ": " + esc(o.detail())).append("</li>\n");
        }
        if (r.outcomes().isEmpty()) {
            h.append("<li>none</li>\n");
        }
        h.append("</ul>\n<h2>Routes held over virtual time</h2>\n");
        plot(r, h);
        h.append("<h2>Members</h2>\n<table><tr><th>member</th><th>ASN</th><th>state</th><th>routes</th>")
                .append("<th>UPDATEs</th><th>sessions up</th><th>dropped</th><th>last change (s)</th></tr>\n");
        for (ScenarioRun.Row row : r.rows()) {
            h.append("<tr><td>").append(esc(row.name())).append("</td><td>").append(row.asn()).append("</td><td>")
                    .append(row.state()).append("</td><td>").append(row.routes()).append("</td><td>")
                    .append(row.updates()).append("</td><td>").append(row.sessionsUp()).append("</td><td>")
                    .append(row.dropped()).append("</td><td>")
                    .append(row.lastChangeNanos() < 0 ? "-" : Durations.seconds(row.lastChangeNanos()))
                    .append("</td></tr>\n");
        }
        h.append("</table>\n</body></html>\n");
        return h.toString();
    }

    private static void plot(ScenarioRun.Result r, StringBuilder h) {
        long[] t = r.sampleNanos();
        long tMax = Math.max(1, t[t.length - 1]);
        int yMax = 1;
        long[] total = new long[t.length];
        for (int[] s : r.samples().values()) {
            for (int k = 0; k < s.length; k++) {
                yMax = Math.max(yMax, s[k]);
                total[k] += s[k];
            }
        }
        long totalMax = 1;
        for (long v : total) {
            totalMax = Math.max(totalMax, v);
        }
        h.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(W).append("\" height=\"").append(H)
                .append("\" viewBox=\"0 0 ").append(W).append(' ').append(H).append("\" font-size=\"11\">\n")
                .append("<rect x=\"").append(L).append("\" y=\"").append(T).append("\" width=\"").append(W - L - R)
                .append("\" height=\"").append(H - T - B).append("\" fill=\"#fafafa\" stroke=\"#999\"/>\n");
        for (int i = 0; i <= 4; i++) {
            double y = T + (H - T - B) * (1 - i / 4.0);
            double x = L + (W - L - R) * i / 4.0;
            h.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%d</text>%n",
                    L - 6, y + 4, Math.round(yMax * i / 4.0)));
            h.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" fill=\"#555\">%d</text>%n",
                    W - R + 6, y + 4, Math.round(totalMax * i / 4.0)));
            h.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%ss</text>%n",
                    x, H - B + 16, Durations.seconds(Math.round(tMax * i / 4.0))));
        }
        h.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">routes held by a member</text>%n", L, T - 6));
        h.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\" fill=\"#555\">"
                + "all members (dashed)</text>%n", W - 4, T - 6));
        List<String> coloured = new ArrayList<>();
        int drawn = 0;
        for (Map.Entry<String, int[]> e : r.samples().entrySet()) {
            boolean highlight = r.eventMembers().contains(e.getKey()) && coloured.size() < COLOURS.length;
            if (!highlight && drawn >= MAX_LINES) {
                continue;
            }
            drawn++;
            String colour = highlight ? COLOURS[coloured.size()] : "#bbb";
            if (highlight) {
                coloured.add(e.getKey());
            }
            polyline(h, t, tMax, e.getValue(), yMax, colour, highlight ? 2 : 1);
        }
        polylineScaled(h, t, tMax, total, totalMax, yMax);
        for (int i = 0; i < coloured.size(); i++) {
            h.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" fill=\"%s\">%s</text>%n", L + 8,
                    T + 16 + 14 * i, COLOURS[i], esc(coloured.get(i))));
        }
        h.append("</svg>\n");
    }

    private static void polyline(StringBuilder h, long[] t, long tMax, int[] v, int yMax, String colour, int width) {
        h.append("<polyline fill=\"none\" stroke=\"").append(colour).append("\" stroke-width=\"").append(width)
                .append("\" points=\"");
        for (int k = 0; k < v.length; k++) {
            h.append(String.format(Locale.ROOT, "%.1f,%.1f ", x(t[k], tMax), y(v[k], yMax)));
        }
        h.append("\"/>\n");
    }

    private static void polylineScaled(StringBuilder h, long[] t, long tMax, long[] v, long vMax, int yMax) {
        h.append("<polyline fill=\"none\" stroke=\"#333\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\" points=\"");
        for (int k = 0; k < v.length; k++) {
            h.append(String.format(Locale.ROOT, "%.1f,%.1f ", x(t[k], tMax), y((double) v[k] / vMax * yMax, yMax)));
        }
        h.append("\"/>\n");
    }

    private static double x(long t, long tMax) {
        return L + (W - L - R) * (double) t / tMax;
    }

    private static double y(double v, int yMax) {
        return T + (H - T - B) * (1 - v / yMax);
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
