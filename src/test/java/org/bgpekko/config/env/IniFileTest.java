// The environment file read as Python's configparser reads it, with file:line in every error.
package org.bgpekko.config.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IniFileTest {
    private static String value(IniFile ini, String section, String option) {
        return ini.value(section, ini.find(section, option).orElseThrow());
    }

    private static String error(String text) {
        return assertThrows(EnvironmentException.class, () -> {
            IniFile ini = IniFile.parse("x.env", text);
            EnvironmentLoader.loadParsed(Map.of(), List.of(), Optional.of(ini));
        }).getMessage();
    }

    @Test
    void sectionsOptionsAndBothDelimiters() {
        IniFile ini = IniFile.parse("x.env", "[exabgp.tcp]\nport = 179\nbind: 127.0.0.1\nonce=true  \n");
        assertEquals("179", value(ini, "exabgp.tcp", "port"));
        assertEquals("127.0.0.1", value(ini, "exabgp.tcp", "bind"));
        assertEquals("true", value(ini, "exabgp.tcp", "once"));
        // as in configparser, an indented line continues the previous value even when it looks like an option
        IniFile indented = IniFile.parse("x.env", "[exabgp.tcp]\nbind: 127.0.0.1\n  once=true\n");
        assertEquals("127.0.0.1\nonce=true", value(indented, "exabgp.tcp", "bind"));
        assertEquals(Optional.empty(), indented.find("exabgp.tcp", "once"));
        assertEquals(2, ini.find("exabgp.tcp", "port").orElseThrow().line());
        assertEquals(Optional.empty(), ini.find("exabgp.api", "ack"));
        assertEquals(Optional.empty(), ini.find("exabgp.tcp", "delay"));
    }

    @Test
    void theFirstDelimiterSplitsSoIpv6ValuesWork() {
        IniFile ini = IniFile.parse("x.env", "[exabgp.tcp]\nbind = ::1 fe80::1\nport: 1:2\n");
        assertEquals("::1 fe80::1", value(ini, "exabgp.tcp", "bind"));
        assertEquals("1:2", value(ini, "exabgp.tcp", "port"));
    }

    @Test
    void optionNamesAreLowerCasedSectionNamesAreNot() {
        IniFile ini = IniFile.parse("x.env", "[exabgp.tcp]\nPORT = 1\n");
        assertEquals("1", value(ini, "exabgp.tcp", "port"));
        assertTrue(error("[EXABGP.TCP]\nport = 1\n").startsWith("x.env:1: unknown section [EXABGP.TCP]"));
    }

    @Test
    void commentsAreWholeLinesOnly() {
        IniFile ini = IniFile.parse("x.env", "# hello\n; there\n[exabgp.tcp]\n  # indented comment\nport = 1 # not a comment\n");
        assertEquals("1 # not a comment", value(ini, "exabgp.tcp", "port"));
        assertEquals("x.env:5: invalid value '1 # not a comment' for tcp.port: expected a TCP port, 0 to 65535",
                error("# hello\n; there\n[exabgp.tcp]\n  # indented comment\nport = 1 # not a comment\n"));
    }

    @Test
    void indentedLinesContinueTheValue() {
        IniFile ini = IniFile.parse("x.env", "[exabgp.log]\ndestination = a\n  b\n\n  c\n\nlevel = INFO\n");
        assertEquals("a\nb\n\nc", value(ini, "exabgp.log", "destination"));
        assertEquals("INFO", value(ini, "exabgp.log", "level"));
    }

    @Test
    void emptyValuesAreEmpty() {
        IniFile ini = IniFile.parse("x.env", "[exabgp.tcp]\nbind =\n");
        assertEquals("", value(ini, "exabgp.tcp", "bind"));
    }

    @Test
    void defaultsApplyToPresentSectionsOnly() {
        IniFile ini = IniFile.parse("x.env", "[DEFAULT]\nenable = false\n[exabgp.log]\n[exabgp.profile]\nenable = true\n");
        Settings s = EnvironmentLoader.loadParsed(Map.of(), List.of(), Optional.of(ini));
        assertEquals(false, s.log().enable());
        assertEquals(true, s.profile().enable());
        assertEquals(false, s.pdb().enable());
    }

    @Test
    void percentInterpolation() {
        IniFile ini = IniFile.parse("x.env", "[DEFAULT]\nbase = /var/log\n[exabgp.log]\n"
                + "level = debug\ndestination = %(base)s/%(LEVEL)s-100%%.log\n");
        assertEquals("/var/log/debug-100%.log", value(ini, "exabgp.log", "destination"));
        assertEquals("x.env:2: '%' must be followed by '%' or '(' in %.log (write %% for a literal %)",
                error("[exabgp.log]\ndestination = 100%.log\n"));
        assertEquals("x.env:2: interpolation refers to 'nope', which is not set in [exabgp.log]",
                error("[exabgp.log]\ndestination = %(nope)s\n"));
        assertTrue(error("[exabgp.log]\ndestination = %(level)s\nlevel = %(destination)s\n")
                .contains("nested too deeply"));
        assertTrue(error("[exabgp.log]\ndestination = %(level)\n").contains("bad interpolation reference"));
    }

    @Test
    void malformedFilesGiveFileAndLine() {
        assertEquals("x.env:2: expected a section header such as [exabgp.tcp] before 'port = 1'",
                error("# nothing yet\nport = 1\n"));
        assertEquals("x.env:3: expected 'name = value', got 'port'", error("[exabgp.tcp]\n\nport\n"));
        assertEquals("x.env:2: expected 'name = value', got '= 1'", error("[exabgp.tcp]\n= 1\n"));
        assertEquals("x.env:3: option 'port' already set in [exabgp.tcp] at line 2",
                error("[exabgp.tcp]\nport = 1\nPort = 2\n"));
        assertEquals("x.env:3: section [exabgp.tcp] already appears at line 1",
                error("[exabgp.tcp]\nport = 1\n[exabgp.tcp]\n"));
    }

    @Test
    void windowsLineEndings() {
        IniFile ini = IniFile.parse("x.env", "[exabgp.tcp]\r\nport = 2\r\n");
        assertEquals("2", value(ini, "exabgp.tcp", "port"));
    }

    @Test
    void readsFilesAndNamesThemInErrors(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("exabgp.env");
        Files.writeString(file, "[exabgp.tcp]\nport = 1790\nbind = nope\n");
        EnvironmentException e = assertThrows(EnvironmentException.class,
                () -> EnvironmentLoader.load(Map.of(), List.of(), Optional.of(file)));
        assertEquals(file + ":3: invalid value 'nope' for tcp.bind: 'nope' is not an IP address; expected IPv4 or"
                + " IPv6 addresses separated by spaces, or nothing for none", e.getMessage());
        assertEquals(Source.file(file.toString(), 3), e.source());
        Files.writeString(file, "[exabgp.tcp]\nport = 1790\n");
        assertEquals(1790, EnvironmentLoader.load(Map.of(), List.of(), Optional.of(file)).tcp().port());
        Path missing = dir.resolve("missing.env");
        String message = assertThrows(EnvironmentException.class,
                () -> EnvironmentLoader.load(Map.of(), List.of(), Optional.of(missing))).getMessage();
        assertTrue(message.startsWith(missing + ": cannot read the environment file"), message);
    }

    @Test
    void exabgpsOwnOutputReadsBackToTheSameSettings() {
        Settings s = Settings.defaults().with("tcp.port", 1790).with("tcp.bind", List.of("127.0.0.1", "::1"))
                .with("log.level", LogLevel.DEBUG).with("reactor.speed", 0.1).with("daemon.umask", 022)
                .with("log.destination", "/var/log/exabgp.log");
        String text = String.join("\n", SettingsPrinter.ini(s, false));
        assertEquals(s, EnvironmentLoader.loadParsed(Map.of(), List.of(), Optional.of(IniFile.parse("x", text))));
    }
}
