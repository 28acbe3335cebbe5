// The guardian on a reload of a route-server section: policy changes keep the sessions, session settings restart
// them, a malformed YAML file keeps the running configuration and is reported at file:line:column.
package org.bgpekko.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.LoggingTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.bgpekko.config.ConfigException;
import org.bgpekko.config.env.Settings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RsReloadTest {
    private static final ActorTestKit kit = ActorTestKit.create();
    private static final String GENERAL = """
            cfg:
              rs_as: 64500
              router_id: "127.0.0.1"
              filtering:
                irrdb: {enforce_origin_in_as_set: false, enforce_prefix_in_as_set: false, tag_as_set: false}
            """;
    private static final String CLIENTS = """
            clients:
              - {asn: 3333, ip: "127.0.0.11"}
              - {asn: 10745, ip: "127.0.0.12"}
            """;

    @TempDir
    Path dir;

    @AfterAll
    static void stop() {
        kit.shutdownTestKit();
    }

    private Path files(int hold, String general, String clients) throws IOException {
        Path conf = dir.resolve("rs.conf");
        Files.writeString(conf, "template { neighbor c { local-address 127.0.0.1; hold-time " + hold + "; family {"
                + " ipv4 unicast; } } }\nroute-server { general general.yml; clients clients.yml; template c; }\n");
        Files.writeString(dir.resolve("general.yml"), general);
        Files.writeString(dir.resolve("clients.yml"), clients);
        return conf;
    }

    private List<String> events(TestProbe<BgpSpeakerTest.Event> events, int n) {
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            BgpSpeakerTest.Event e = events.receiveMessage(Duration.ofSeconds(5));
            seen.add(e.what() + " " + e.id().peerAddress());
        }
        seen.sort(null);
        return seen;
    }

    @Test
    void aPolicyChangeKeepsTheSessionsASessionSettingRestartsThem() throws IOException {
        Path conf = files(90, GENERAL, CLIENTS);
        ConfigRotation rotation = new ConfigRotation(List.of(conf), false);
        TestProbe<BgpSpeakerTest.Event> events = kit.createTestProbe();
        ActorRef<BgpSpeaker.Command> speaker = kit.spawn(BgpSpeaker.create(rotation.load(), rotation::next,
                BgpSpeakerTest.fake(events), Settings.defaults().api()));
        assertEquals(List.of("start 127.0.0.11", "start 127.0.0.12"), events(events, 2));

        // general.yml (a global black list) and clients.yml (a client black list, prepend_rs_as): policy only
        files(90, GENERAL + "    global_black_list_pref: [{prefix: \"185.2.0.0\", length: 24}]\n",
                CLIENTS.replace("{asn: 3333, ip: \"127.0.0.11\"}", "{asn: 3333, ip: \"127.0.0.11\", cfg: "
                        + "{prepend_rs_as: true, filtering: {black_list_pref: [{prefix: \"185.3.0.0\", length: 24}]}}}"));
        assertTrue(rotation.next().neighbors().get(0).rsPolicy().prependRsAs(), "the files parse: the reload happens");
        speaker.tell(new BgpSpeaker.Reload());
        events.expectNoMessage(Duration.ofMillis(300));

        // max_prefix of one client: its session restarts (a client its limit shut down comes back), the other's not
        files(90, GENERAL, CLIENTS.replace("{asn: 10745, ip: \"127.0.0.12\"}", "{asn: 10745, ip: \"127.0.0.12\", "
                + "cfg: {filtering: {max_prefix: {action: shutdown, limit_ipv4: 10}}}}"));
        speaker.tell(new BgpSpeaker.Reload());
        assertEquals(List.of("shutdown 127.0.0.12", "start 127.0.0.12"), events(events, 2));
        events.expectNoMessage(Duration.ofMillis(300));

        // the template's hold time: a session setting, every client restarts (as before)
        files(60, GENERAL, CLIENTS);
        speaker.tell(new BgpSpeaker.Reload());
        assertEquals(List.of("shutdown 127.0.0.11", "shutdown 127.0.0.12", "start 127.0.0.11", "start 127.0.0.12"),
                events(events, 4));

        // a client added: nobody else is disturbed
        files(60, GENERAL, CLIENTS + "  - {asn: 20940, ip: \"127.0.0.13\"}\n");
        speaker.tell(new BgpSpeaker.Reload());
        assertEquals(List.of("start 127.0.0.13"), events(events, 1));
        events.expectNoMessage(Duration.ofMillis(300));
    }

    @Test
    void aMalformedYamlFileKeepsTheRunningPolicyAndSaysWhere() throws IOException {
        Path conf = files(90, GENERAL, CLIENTS);
        ConfigRotation rotation = new ConfigRotation(List.of(conf), false);
        TestProbe<BgpSpeakerTest.Event> events = kit.createTestProbe();
        ActorRef<BgpSpeaker.Command> speaker = kit.spawn(BgpSpeaker.create(rotation.load(), rotation::next,
                BgpSpeakerTest.fake(events), Settings.defaults().api()));
        events(events, 2);
        String broken = GENERAL + "    max_as_path_len: [\n"; // line 6: a flow sequence that never ends
        files(90, broken, CLIENTS);
        ConfigException e = assertThrows(ConfigException.class, rotation::next);
        assertTrue(e.describe().matches(".*general\\.yml:\\d+:\\d+: .*"), e.describe());
        LoggingTestKit.error("reload refused, the running configuration is kept: ").withMessageRegex(
                ".*general\\.yml:\\d+:\\d+: .*").expect(kit.system(), () -> {
                    speaker.tell(new BgpSpeaker.Reload());
                    return null;
                });
        events.expectNoMessage(Duration.ofMillis(300));
        // a schema violation as well: the line and column of the value
        files(90, GENERAL + "    max_as_path_len: many\n", CLIENTS);
        ConfigException schema = assertThrows(ConfigException.class, rotation::next);
        assertTrue(schema.describe().contains("general.yml:6:"), schema.describe());
    }
}
