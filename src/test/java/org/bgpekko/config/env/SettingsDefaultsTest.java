// ExaBGP 5's defaults: every setting present with its type, the typed section views, and `exabgp env` output unchanged.
package org.bgpekko.config.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SettingsDefaultsTest {
    private final Settings defaults = Settings.defaults();

    @Test
    void everySettingOfExabgpFiveIsKnown() {
        assertEquals(53 + SettingCatalog.EXTENSIONS.size(), SettingCatalog.ALL.size()); // ExaBGP 5 has 53
        assertEquals(List.of("profile", "pdb", "daemon", "log", "tcp", "bgp", "cache", "api", "reactor", "debug"),
                List.copyOf(SettingCatalog.sections()));
        assertEquals(List.of("once", "attempts", "delay", "bind", "port", "acl"), SettingCatalog.options("tcp"));
        assertEquals(SettingCatalog.ALL.size(), defaults.values().size());
    }

    @Test
    void theSettingsTheProjectReliesOn() {
        Settings.Tcp tcp = defaults.tcp();
        assertEquals(179, tcp.port());
        assertEquals(List.of(), tcp.bind());
        assertFalse(tcp.listen(), "ExaBGP does not listen unless tcp.bind names an address");
        assertEquals(0, tcp.attempts());
        assertFalse(tcp.once());
        assertEquals(0, tcp.delay());
        assertFalse(tcp.acl());

        Settings.Api api = defaults.api();
        assertTrue(api.ack());
        assertTrue(api.respawn());
        assertFalse(api.terminate());
        assertEquals(ApiEncoder.JSON, api.encoder());
        assertTrue(api.cli());
        assertEquals(1, api.chunk());
        assertFalse(api.compact());
        assertEquals("exabgp", api.pipename());
        assertEquals("exabgp", api.socketname());

        assertFalse(defaults.bgp().passive());
        assertEquals(60, defaults.bgp().openwait());
        assertFalse(defaults.debug().rotate());
        assertFalse(defaults.debug().configuration());
        assertEquals("", defaults.debug().route());
        assertTrue(defaults.log().enable());
        assertEquals(LogLevel.INFO, defaults.log().level());
        assertEquals("stdout", defaults.log().destination());
        assertTrue(defaults.log().shortFormat());
        assertTrue(defaults.log().statistics());
        assertFalse(defaults.log().packets());
        assertEquals(1.0, defaults.reactor().speed());
        assertFalse(defaults.reactor().asyncio());
        assertTrue(defaults.cache().attributes());
        assertTrue(defaults.cache().nexthops());
        assertEquals(new Settings.Daemon("", "nobody", false, true, 0137), defaults.daemon());
        assertEquals(new Settings.Profile(false, ""), defaults.profile());
        assertFalse(defaults.pdb().enable());
        assertEquals(Optional.empty(), defaults.version());
    }

    @Test
    void theGenericViewNamesEverySettingInExabgpOrder() {
        assertEquals("profile.enable", defaults.values().keySet().iterator().next());
        assertEquals(179, defaults.get("tcp.port"));
        assertEquals(List.of(), defaults.get("tcp.bind"));
        assertTrue(SettingCatalog.ALL.stream().allMatch(s -> defaults.isDefault(s.key())));
        assertThrows(IllegalArgumentException.class, () -> defaults.get("tcp.prot"));
    }

    @Test
    void withChangesOneSettingAndChecksItsType() {
        Settings passive = defaults.with("bgp.passive", true);
        assertTrue(passive.bgp().passive());
        assertFalse(passive.isDefault("bgp.passive"));
        assertFalse(defaults.bgp().passive());
        assertThrows(IllegalArgumentException.class, () -> defaults.with("tcp.port", "179"));
        assertThrows(IllegalArgumentException.class, () -> defaults.with("tcp.port", 70000));
        assertThrows(IllegalArgumentException.class, () -> defaults.with("tcp.bind", List.of("not-an-ip")));
        assertThrows(IllegalArgumentException.class, () -> defaults.with("nope.nope", 1));
    }

    @Test
    void settingsAreImmutable() {
        assertThrows(UnsupportedOperationException.class, () -> defaults.values().put("tcp.port", 1));
        Settings bound = defaults.with("tcp.bind", new java.util.ArrayList<>(List.of("127.0.0.1")));
        assertThrows(UnsupportedOperationException.class, () -> bound.tcp().bind().add("::1"));
        assertThrows(IllegalArgumentException.class, () -> new Settings(Map.of("tcp.port", 179), Optional.empty()));
    }

    @Test
    void defaultsPrintExactlyAsExabgpEnvDoes() {
        assertEquals(Fixtures.lines("exabgp-env-defaults.ini.txt"), Fixtures.withoutExtensions(SettingsPrinter.ini(defaults, false)));
        assertEquals(Fixtures.lines("exabgp-env-defaults.env.txt"), Fixtures.withoutExtensions(SettingsPrinter.env(defaults, false)));
        assertTrue(SettingsPrinter.env(defaults, false).containsAll(List.of("exabgp.api.batch_window=2.0",
                "exabgp.api.batch_latency=20.0")), "bgpekko's own settings are printed too");
        assertEquals(List.of(), SettingsPrinter.ini(defaults, true));
        assertEquals(List.of(), SettingsPrinter.env(defaults, true));
    }
}
