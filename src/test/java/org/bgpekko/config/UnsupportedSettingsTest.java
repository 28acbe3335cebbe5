// Settings bgpekko reads but cannot apply are refused at their keyword, never accepted and ignored (issue 10:
// rate-limit, source-interface, listen, adj-rib-out were accepted and did nothing); the values that ask for nothing
// more than bgpekko does stay accepted. TCP-MD5 and the TTLs are applied now: TcpSettingsTest.
package org.bgpekko.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UnsupportedSettingsTest {
    private static final Path F = Path.of("s.conf");

    /** A valid neighbor with {@code setting} on its line 6, in the neighbor or (capability) in its capability block. */
    private static String neighbor(String setting) {
        return "neighbor 10.0.0.2 {\n    router-id 10.0.0.1;\n    local-address 10.0.0.1;\n    local-as 65001;\n"
                + "    peer-as 65002;\n" + setting + "\n}\n";
    }

    private static List<String> errors(String text) {
        return ConfigParser.check(F, text).errors().stream().map(ConfigException::describe).toList();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', ignoreLeadingAndTrailingWhitespace = false, value = {
        "    rate-limit 100;|5|rate-limit is not supported by bgpekko yet (bgpekko does not pace the messages of a "
            + "neighbor; remove the line or write rate-limit disable)",
        "    source-interface eth0;|5|source-interface is not supported by bgpekko yet (binding a session to an "
            + "interface needs SO_BINDTODEVICE, a socket option the JVM cannot set, and ExaBGP 5 ignores the "
            + "setting; give the interface's address as local-address)",
        "    listen 1179;|5|listen is not supported by bgpekko yet (bgpekko accepts the sessions of every neighbor "
            + "on the addresses of exabgp.tcp.bind and the port exabgp.tcp.port; remove the line and set those)",
        "    adj-rib-out false;|5|adj-rib-out false is not supported by bgpekko yet (bgpekko keeps the routes it "
            + "announces and sends them again on every new session and route refresh; remove the line)",
        "    adj-rib-out;|5|adj-rib-out false is not supported by bgpekko yet (bgpekko keeps the routes it announces "
            + "and sends them again on every new session and route refresh; remove the line)",
        "    auto-flush false;|5|auto-flush false is not supported by bgpekko yet (bgpekko sends each change as soon "
            + "as it is applied, as ExaBGP does whatever this setting says; remove the line or write auto-flush true)",
        "    capability { aigp disable; }|18|aigp disable is not supported by bgpekko yet (bgpekko sends and accepts "
            + "AIGP on every session, as aigp enable does; remove the line)",
        "    capability { extended-message; }|18|extended-message is not supported by bgpekko yet (like ExaBGP 5, "
            + "bgpekko does not announce the capability, so messages stay within 4096 bytes; remove the line or "
            + "write extended-message disable)",
        "    capability { extended-message enable; }|18|extended-message is not supported by bgpekko yet (like "
            + "ExaBGP 5, bgpekko does not announce the capability, so messages stay within 4096 bytes; remove the "
            + "line or write extended-message disable)",
        "    api { receive { negotiated; } }|21|unknown receive option 'negotiated' (expected one of [consolidate, "
            + "keepalive, notification, open, operational, packets, parsed, refresh, update])",
    })
    void refusedAtTheKeyword(String setting, int column, String message) {
        assertEquals(List.of("s.conf:6:" + column + ": " + message), errors(neighbor(setting)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', ignoreLeadingAndTrailingWhitespace = false, value = {
        "    rate-limit disable;", "    rate-limit 0;", "    md5-base64 false;", "    adj-rib-out true;",
        "    auto-flush true;", "    auto-flush;",
        "    adj-rib-in false;", "    capability { aigp enable; }", "    capability { aigp; }",
        "    capability { extended-message disable; }",
    })
    void valuesThatAskForNothingMoreStayAccepted(String setting) {
        assertEquals(List.of(), errors(neighbor(setting)));
    }

    @Test
    void aBadValueKeepsItsOwnErrorAndATemplateIsCheckedToo() {
        assertEquals(List.of("s.conf:6:16: rate limit -1 out of range (expected 0..2147483647)"),
                errors(neighbor("    rate-limit -1;")));
        assertEquals(List.of("s.conf:3:9: listen is not supported by bgpekko yet (bgpekko accepts the sessions of "
                + "every neighbor on the addresses of exabgp.tcp.bind and the port exabgp.tcp.port; remove the line "
                + "and set those)"),
                errors("template {\n    neighbor t {\n        listen 1179;\n    }\n}\n" + neighbor("")));
    }

    @Test
    void everyExaBgpSuiteFileParsesOrIsRefusedForWhatItAsks() throws Exception {
        // parse-md5.conf and parse-ttl.conf were refused before TCP-MD5 and the TTLs were applied
        assertTrue(ConfigConformanceTest.configs().allMatch(p -> ConfigParser.check(p).errors().stream()
                .allMatch(e -> e.getMessage().endsWith("is not supported yet")
                        || e.getMessage().contains("is not supported by bgpekko yet ("))));
    }
}
