// The settings an ini file holds: [exabgp.<section>] sections whose options are known settings (Env.setup's ini.get).
package org.bgpekko.config.env;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

final class IniSettings {
    private IniSettings() {}

    /** Every section and option must be a known setting (ExaBGP ignores the others; bgpekko refuses them). */
    static void check(IniFile ini) {
        for (IniFile.Section section : ini.sections().values()) {
            String name = section.name();
            String prefix = SettingCatalog.APPLICATION + ".";
            List<String> options = name.startsWith(prefix) ? SettingCatalog.options(name.substring(prefix.length()))
                    : List.of();
            if (options.isEmpty()) {
                throw new EnvironmentException(Source.file(ini.name(), section.line()), "unknown section [" + name
                        + "] (the sections are " + SettingCatalog.sections().stream()
                                .map(s -> "[" + prefix + s + "]").collect(Collectors.joining(", ")) + ")");
            }
            for (IniFile.Entry entry : section.options().values()) {
                if (!options.contains(entry.option())) {
                    throw new EnvironmentException(Source.file(ini.name(), entry.line()), "unknown option '"
                            + entry.option() + "' in [" + name + "]" + hint(name, entry.option(), options));
                }
            }
        }
        for (IniFile.Entry entry : ini.defaults().values()) {
            if (SettingCatalog.ALL.stream().noneMatch(s -> s.option().equals(entry.option()))) {
                throw new EnvironmentException(Source.file(ini.name(), entry.line()), "unknown option '"
                        + entry.option() + "' in [" + IniFile.DEFAULT_SECTION + "]: no section has it");
            }
        }
    }

    private static String hint(String section, String option, List<String> options) {
        if (section.equals("exabgp.tcp") && option.equals("connections")) {
            return " (ExaBGP reads tcp.connections from the environment only; write attempts = N)";
        }
        return " (it has " + String.join(", ", options) + ")";
    }

    /** The typed value the file gives a setting, when its section is present and it (or [DEFAULT]) sets it. */
    static Optional<Object> value(IniFile ini, Setting s) {
        return ini.find(s.iniSection(), s.option()).map(entry -> {
            String text = ini.value(s.iniSection(), entry);
            return EnvironmentLoader.read(s, text, Source.file(ini.name(), entry.line()));
        });
    }
}
