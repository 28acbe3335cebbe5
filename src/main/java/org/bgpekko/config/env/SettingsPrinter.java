// Prints settings as `exabgp env` does (Env.iter_ini and Env.iter_env): the ini file, or exabgp.section.option=value
// lines; optionally only what differs from the defaults; the debug section is never shown.
package org.bgpekko.config.env;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

public final class SettingsPrinter {
    private SettingsPrinter() {}

    /** Env.iter_ini: sections and options sorted by name, an empty line before each [exabgp.section] header. */
    public static List<String> ini(Settings settings, boolean diff) {
        List<String> lines = new ArrayList<>();
        for (String section : new TreeSet<>(SettingCatalog.sections())) {
            if (SettingCatalog.HIDDEN_SECTIONS.contains(section)) {
                continue;
            }
            boolean header = true;
            List<Setting> options = SettingCatalog.ALL.stream().filter(s -> s.section().equals(section))
                    .sorted(Comparator.comparing(Setting::option)).toList();
            for (Setting s : options) {
                if (diff && settings.isDefault(s.key())) {
                    continue;
                }
                if (header) {
                    lines.add("");
                    lines.add("[" + s.iniSection() + "]");
                    header = false;
                }
                lines.add(s.option() + " = " + s.write(settings.get(s.key())));
            }
        }
        return lines;
    }

    /** Env.iter_env: exabgp.section.option=value in ExaBGP's definition order; text values in single quotes. */
    public static List<String> env(Settings settings, boolean diff) {
        List<String> lines = new ArrayList<>();
        for (Setting s : SettingCatalog.ALL) {
            if (SettingCatalog.HIDDEN_SECTIONS.contains(s.section()) || diff && settings.isDefault(s.key())) {
                continue;
            }
            lines.add(s.dottedName() + "=" + s.write(settings.get(s.key())));
        }
        return lines;
    }
}
