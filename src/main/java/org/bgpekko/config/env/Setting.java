// One ExaBGP environment setting: section, option, value type, default (as ExaBGP's text) and help.
package org.bgpekko.config.env;

public record Setting(String section, String option, ValueType type, String defaultText, String help) {
    /** The name used by bgpekko and in error messages: "tcp.port". */
    public String key() {
        return section + "." + option;
    }

    /** The environment variable with dots: "exabgp.tcp.port". */
    public String dottedName() {
        return SettingCatalog.APPLICATION + "." + key();
    }

    /** The environment variable with underscores: "exabgp_tcp_port". */
    public String underscoreName() {
        return dottedName().replace('.', '_');
    }

    /** The ini file section holding it: "exabgp.tcp". */
    public String iniSection() {
        return SettingCatalog.APPLICATION + "." + section;
    }

    /** The typed default. */
    public Object defaultValue() {
        return type.read(defaultText);
    }

    /** The value as `exabgp env` prints it. */
    public String write(Object value) {
        return type.write(value);
    }
}
