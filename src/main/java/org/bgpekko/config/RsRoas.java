// ROAs for RPKI origin validation: from the JSON export arouteserver reads (rpki_roas.ripe_rpki_validator_url), given
// as a local file (bgpekko does not download), or over RTR from the route-server section's rtr-cache.
package org.bgpekko.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.bgpekko.wire.nlri.IpPrefix;

final class RsRoas {
    static final List<String> DEFAULT_TRUST_ANCHORS = List.of("APNIC RPKI Root", "AfriNIC RPKI Root",
            "LACNIC RPKI Root", "RIPE NCC RPKI Root", "apnic", "afrinic", "lacnic", "ripe");

    private final RsLoader l;
    private boolean rtr;

    RsRoas(RsLoader l) {
        this.l = l;
    }

    /** rpki_roas.source is rtr: the ROAs come from the RTR cache ({@link #load} returned null without an error). */
    boolean rtr() {
        return rtr;
    }

    /**
     * The ROAs of the first local file among ripe_rpki_validator_url; null (with an error) when there is none, and
     * null for {@code source: rtr}, which needs the route-server section's {@code cache}.
     */
    PrefixTable<RsPolicy.Roa> load(RsPolicy.RtrCache cache) {
        Yaml.Node source = l.general("rpki_roas", "source");
        String src = l.option(source, "cfg.rpki_roas.source", "ripe-rpki-validator-cache",
                "ripe-rpki-validator-cache", "rtr");
        if (src.equals("rtr")) {
            rtr = true;
            if (cache == null) {
                l.error(source.error("cfg.rpki_roas.source: rtr needs the RPKI cache to connect to: add "
                        + "'rtr-cache ADDRESS [PORT];' to the route-server section (arouteserver leaves it to the "
                        + "daemon's rpki_rtr_config.local)"));
            }
            return null;
        }
        Yaml.Node urls = l.general("rpki_roas", "ripe_rpki_validator_url");
        Set<String> anchors = new HashSet<>(l.guard(() -> RsValues.texts(l.general("rpki_roas",
                "allowed_trust_anchors"), "cfg.rpki_roas.allowed_trust_anchors"), List.of()));
        if (l.general("rpki_roas", "allowed_trust_anchors") == null) {
            anchors.addAll(DEFAULT_TRUST_ANCHORS);
        }
        Yaml.Node at = urls != null ? urls : l.general("filtering", "rpki_bgp_origin_validation", "enabled");
        List<Yaml.Node> list = urls == null ? List.of() : l.guard(() -> RsValues.list(urls,
                "cfg.rpki_roas.ripe_rpki_validator_url", true), List.<Yaml.Node>of());
        for (Yaml.Node u : list) {
            String text = l.guard(() -> RsValues.text(u, "cfg.rpki_roas.ripe_rpki_validator_url"), null);
            if (text == null) {
                continue;
            }
            String lower = text.toLowerCase(Locale.ROOT);
            if (lower.startsWith("http://") || lower.startsWith("https://") || lower.startsWith("ftp://")) {
                continue;
            }
            Path file = u.file().toAbsolutePath().getParent().resolve(lower.startsWith("file://")
                    ? text.substring(7) : text);
            if (!Files.isRegularFile(file)) {
                l.error(u.error("cfg.rpki_roas.ripe_rpki_validator_url: no such file " + file));
                return null;
            }
            return l.guard(() -> read(file, anchors, u), null);
        }
        l.error(at.error("RPKI origin validation is enabled but cfg.rpki_roas.ripe_rpki_validator_url names no local "
                + "file (bgpekko does not download: give the path of a JSON export of ROAs, relative to general.yml)"));
        return null;
    }

    private static PrefixTable<RsPolicy.Roa> read(Path file, Set<String> anchors, Yaml.Node at) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(ConfigFile.read(file));
        } catch (ConfigException e) {
            throw e;
        } catch (Exception e) {
            throw at.error("cannot read the ROAs of " + file + ": " + e.getMessage().lines().findFirst().orElse(""));
        }
        JsonNode roas = root == null ? null : root.get("roas");
        if (roas == null || !roas.isArray()) {
            throw at.error(file + " has no \"roas\" list (expected the JSON export of an RPKI validator)");
        }
        PrefixTable<RsPolicy.Roa> out = new PrefixTable<>();
        int i = 0;
        for (JsonNode r : roas) {
            i++;
            JsonNode ta = r.get("ta");
            if (ta != null && !anchors.contains(ta.asText())) {
                continue;
            }
            try {
                String asn = r.get("asn").asText().strip();
                long as = Long.parseLong(asn.toUpperCase(Locale.ROOT).startsWith("AS") ? asn.substring(2) : asn);
                IpPrefix p = IpPrefix.parse(r.get("prefix").asText());
                JsonNode ml = r.get("maxLength");
                int max = ml == null ? p.length() : ml.asInt();
                if (as < 0 || as > 0xFFFFFFFFL || max < p.length() || max > IpPrefix.maxLength(p.afi())) {
                    throw new IllegalArgumentException("AS or maxLength out of range");
                }
                out.add(p, new RsPolicy.Roa(as, max));
            } catch (RuntimeException e) {
                throw at.error(file + ": ROA number " + i + " is invalid (" + e.getMessage() + "; expected asn, "
                        + "prefix, maxLength)");
            }
        }
        return out;
    }
}
