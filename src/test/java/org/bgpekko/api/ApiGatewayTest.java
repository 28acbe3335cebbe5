// The ApiGateway: answers reach the helper that wrote the command, also across a respawn.
package org.bgpekko.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.bgpekko.config.ProcessConfig;
import org.bgpekko.config.env.Settings;
import org.bgpekko.rib.Rib;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class ApiGatewayTest {
    private static final ActorTestKit kit = ActorTestKit.create();

    @AfterAll
    static void stop() {
        kit.shutdownTestKit();
    }

    /** A batch still at the Rib when its helper died was answered to the respawned helper instead. */
    @Test
    @Timeout(30)
    void theOutcomeOfADeadHelpersBatchIsNotAnsweredToItsSuccessor(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("helper.sh");
        Files.writeString(script, "#!/bin/sh\nn=$(cat " + dir + "/count 2>/dev/null || echo 0); n=$((n+1)); echo $n > "
                + dir + "/count\nif [ $n -eq 1 ]; then echo 'announce route 10.0.0.1/32 next-hop 1.1.1.1'; exit 0; fi\n"
                + "echo 'announce route 10.0.0.2/32 next-hop 1.1.1.1'\nread answer\necho \"$answer\" > " + dir
                + "/answer\nsleep 20\n");
        script.toFile().setExecutable(true);
        TestProbe<Rib.Command> rib = kit.createTestProbe();
        ApiGateway.SpeakerControl none = new ApiGateway.SpeakerControl() {
            @Override
            public void shutdown() {
            }

            @Override
            public void reload() {
            }
        };
        ActorRef<ApiGateway.Command> gateway = kit.spawn(ApiGateway.create(
                List.of(new ProcessConfig("h", List.of(script.toString()), "text", true)), List.of(), dir,
                Settings.defaults().api(), rib.getRef(), none));
        Rib.ApiBatch first = rib.expectMessageClass(Rib.ApiBatch.class, Duration.ofSeconds(10));
        Rib.ApiBatch second = rib.expectMessageClass(Rib.ApiBatch.class, Duration.ofSeconds(10)); // respawned
        first.replyTo().tell(new Rib.ApiApplied("h", List.of(Rib.ApiOutcome.error("for the dead helper"))));
        second.replyTo().tell(new Rib.ApiApplied("h", List.of(Rib.ApiOutcome.done())));
        Path answer = dir.resolve("answer");
        for (int i = 0; i < 100 && !Files.exists(answer); i++) {
            Thread.sleep(50);
        }
        Thread.sleep(100);
        assertEquals("done", Files.readString(answer).strip());
        gateway.tell(new ApiGateway.Stop(kit.createTestProbe(ApiGateway.Stopped.class).getRef()));
    }

    /** A long answer comes in parts: each is written, then the Rib is asked for the next; done only at the end. */
    @Test
    @Timeout(30)
    void aLongAnswerIsWrittenInPartsAndTheNextIsAskedFor(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("helper.sh");
        Files.writeString(script, "#!/bin/sh\necho 'show adj-rib out'\nwhile read line; do echo \"$line\" >> " + dir
                + "/answer; done\n");
        script.toFile().setExecutable(true);
        TestProbe<Rib.Command> rib = kit.createTestProbe();
        ActorRef<ApiGateway.Command> gateway = kit.spawn(ApiGateway.create(
                List.of(new ProcessConfig("h", List.of(script.toString()), "text", true)), List.of(), dir,
                Settings.defaults().api(), rib.getRef(), NO_CONTROL));
        Rib.ApiBatch batch = rib.expectMessageClass(Rib.ApiBatch.class, Duration.ofSeconds(10));
        batch.replyTo().tell(new Rib.ApiApplied("h", List.of(Rib.ApiOutcome.more(List.of("a", "b"))), false));
        assertEquals(new Rib.ApiMore("h"), rib.expectMessageClass(Rib.ApiMore.class, Duration.ofSeconds(10)));
        batch.replyTo().tell(new Rib.ApiApplied("h", List.of(Rib.ApiOutcome.output(List.of("c"))), true));
        rib.expectNoMessage(Duration.ofMillis(200));
        Path answer = dir.resolve("answer");
        for (int i = 0; i < 100 && (!Files.exists(answer) || Files.readAllLines(answer).size() < 4); i++) {
            Thread.sleep(50);
        }
        assertEquals(List.of("a", "b", "c", "done"), Files.readAllLines(answer));
        gateway.tell(new ApiGateway.Stop(kit.createTestProbe(ApiGateway.Stopped.class).getRef()));
    }

    private static final ApiGateway.SpeakerControl NO_CONTROL = new ApiGateway.SpeakerControl() {
        @Override
        public void shutdown() {
        }

        @Override
        public void reload() {
        }
    };
}
