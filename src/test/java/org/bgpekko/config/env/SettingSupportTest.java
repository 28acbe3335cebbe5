// Every environment setting is applied, refused when it asks for what bgpekko cannot do, or warned about when it
// only tunes ExaBGP's Python internals: none is read and ignored (issue 10).
package org.bgpekko.config.env;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bgpekko.qa.CaseRunner;
import org.junit.jupiter.api.Test;

class SettingSupportTest {
    private static SettingSupport.Findings check(Map<String, String> env, boolean root) {
        return SettingSupport.check(EnvironmentLoader.load(env, List.of(), Optional.empty()), root);
    }

    @Test
    void everySettingIsClassified() {
        for (Setting s : SettingCatalog.ALL) {
            SettingSupport.Entry e = SettingSupport.of(s.key());
            assertEquals(s.key(), e.key());
            assertEquals(false, e.unsupported().test(s.defaultValue()),
                    s.key() + ": its default must be what bgpekko does");
        }
    }

    @Test
    void theDefaultsAndTheConformanceEnvironmentAreRunAsTheyAre() {
        assertEquals(new SettingSupport.Findings(List.of(), List.of()), check(Map.of(), false));
        assertEquals(new SettingSupport.Findings(List.of(), List.of()), check(CaseRunner.environment(1790, 1), false));
        assertEquals(new SettingSupport.Findings(List.of(), List.of()),
                check(Map.of("exabgp_log_destination", "stderr", "exabgp_api_cli", "false", "exabgp_daemon_drop",
                        "false", "exabgp_log_all", "true", "exabgp_tcp_once", "true"), true));
    }

    @Test
    void whatBgpekkoCannotDoIsRefusedWithTheSettingAndItsValue() {
        SettingSupport.Findings f = check(Map.of("exabgp_daemon_daemonize", "true", "exabgp.log.destination",
                "syslog", "exabgp_tcp_delay", "5", "exabgp_api_compact", "true", "exabgp_daemon_pid",
                "/run/exabgp.pid"), false);
        assertEquals(List.of(
                "exabgp.daemon.pid='/run/exabgp.pid' is not supported by bgpekko yet (bgpekko writes no pid file yet; "
                        + "run it under a service manager (systemd) that sets the user, umask and pid file)",
                "exabgp.daemon.daemonize=true is not supported by bgpekko yet (bgpekko runs in the foreground; run it "
                        + "under a service manager (systemd) that sets the user, umask and pid file)",
                "exabgp.log.destination='syslog' is not supported by bgpekko yet (bgpekko logs to stderr, as ExaBGP 5 "
                        + "does for stdout and stderr; redirect it, or give a logback.xml with "
                        + "-Dlogback.configurationFile=FILE for syslog or a file)",
                "exabgp.tcp.delay=5 is not supported by bgpekko yet (bgpekko connects to its neighbors at once; remove "
                        + "the setting)",
                "exabgp.api.compact=true is not supported by bgpekko yet (the compact JSON form of unicast NLRI is not "
                        + "implemented; remove the setting)"), f.refused());
        assertEquals(List.of(), f.warnings());
    }

    @Test
    void pythonKnobsAndRootAreWarnings() {
        SettingSupport.Findings f = check(Map.of("exabgp_reactor_speed", "0.5", "exabgp_log_packets", "true"), true);
        assertEquals(List.of(), f.refused());
        assertEquals(List.of(
                "exabgp.log.packets=true has no effect in bgpekko (bgpekko logs per component, not per ExaBGP topic; "
                        + "choose what to log with exabgp.log.level, -d or a logback.xml)",
                "exabgp.reactor.speed=0.5 has no effect in bgpekko (the loop time of ExaBGP's Python reactor)",
                "running as root: bgpekko does not drop its privileges to exabgp.daemon.user (run it under a service "
                        + "manager (systemd) that sets the user, umask and pid file)"), f.warnings());
    }
}
