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

            @Override
            public void fail(String reason) {
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
        stop(gateway);
    }

    /** Stops the gateway and waits until its helpers are gone (they write into the test's temporary folder). */
    private static void stop(ActorRef<ApiGateway.Command> gateway) {
        TestProbe<ApiGateway.Stopped> stopped = kit.createTestProbe(ApiGateway.Stopped.class);
        gateway.tell(new ApiGateway.Stop(stopped.getRef()));
        stopped.expectMessageClass(ApiGateway.Stopped.class, Duration.ofSeconds(20));
    }

    /** Records what the gateway asks of the guardian. */
    private static final class Control implements ApiGateway.SpeakerControl {
        final java.util.concurrent.BlockingQueue<String> calls = new java.util.concurrent.LinkedBlockingQueue<>();

        @Override
        public void shutdown() {
            calls.add("shutdown");
        }

        @Override
        public void reload() {
            calls.add("reload");
        }

        @Override
        public void fail(String reason) {
            calls.add("fail: " + reason);
        }
    }

    private static ProcessConfig planHelper(Path dir, List<String> plan, boolean respawn) throws Exception {
        Path helper = dir.resolve("plan-helper.py");
        try (var in = ApiGatewayTest.class.getResourceAsStream("plan-helper.py")) {
            Files.copy(in, helper);
        }
        Files.write(dir.resolve("plan.txt"), plan);
        return new ProcessConfig("h", List.of("python3", helper.toString(), dir.resolve("plan.txt").toString(),
                dir.resolve("answers.txt").toString()), "text", respawn);
    }

    private static List<String> texts(Rib.ApiBatch b) {
        return b.inputs().stream().map(Rib.ApiInput::text).toList();
    }

    /**
     * Answers known without the Rib ("group started", a buffered command's done) wait behind an earlier batch still
     * at the Rib; the group reaches the Rib only at its end, as one batch.
     */
    @Test
    @Timeout(30)
    void answersKeepLineOrderAndAGroupReachesTheRibAtItsEnd(@TempDir Path dir) throws Exception {
        String a = "announce route 10.0.0.1/32 next-hop 1.1.1.1";
        String b = "announce route 10.0.0.2/32 next-hop 1.1.1.1";
        ProcessConfig h = planHelper(dir, List.of("w " + a, "sleep 0.05", "w group start", "sleep 0.05", "w " + b,
                "sleep 0.05", "w clear adj-rib out", "sleep 0.05", "w group end", "answers 5"), false);
        TestProbe<Rib.Command> rib = kit.createTestProbe();
        ActorRef<ApiGateway.Command> gateway = kit.spawn(ApiGateway.create(List.of(h), List.of(), dir,
                Settings.defaults().api(), rib.getRef(), new Control()));
        Rib.ApiBatch first = rib.expectMessageClass(Rib.ApiBatch.class, Duration.ofSeconds(10));
        assertEquals(List.of(a), texts(first));
        Rib.ApiBatch group = rib.expectMessageClass(Rib.ApiBatch.class, Duration.ofSeconds(10));
        assertEquals(List.of(b, "clear adj-rib out"), texts(group));
        Thread.sleep(200);
        assertEquals(List.of(), Files.readAllLines(dir.resolve("answers.txt")), "nothing before the first is applied");
        first.replyTo().tell(new Rib.ApiApplied("h", List.of(Rib.ApiOutcome.done())));
        group.replyTo().tell(new Rib.ApiApplied("h", List.of(Rib.ApiOutcome.done(),
                Rib.ApiOutcome.error("no neighbour matches the command"))));
        Path answers = dir.resolve("answers.txt");
        List<String> expected = List.of("done", "group started", "done", "done", "done",
                "group processed: 1 announced, 0 withdrawn, 1 errors", "done", "plan done");
        for (int i = 0; i < 100 && Files.readAllLines(answers).size() < expected.size(); i++) {
            Thread.sleep(50);
        }
        assertEquals(expected, Files.readAllLines(answers));
        stop(gateway);
    }

    /** Issue 9: a helper that ends inside an open group applies nothing of it. */
    @Test
    @Timeout(30)
    void aHelperThatEndsInsideAGroupAppliesNothingOfIt(@TempDir Path dir) throws Exception {
        ProcessConfig h = planHelper(dir, List.of("w group start", "w announce route 10.0.0.1/32 next-hop 1.1.1.1",
                "w clear adj-rib out", "sleep 0.2", "exit 3"), false);
        TestProbe<Rib.Command> rib = kit.createTestProbe();
        ActorRef<ApiGateway.Command> gateway = kit.spawn(ApiGateway.create(List.of(h), List.of(), dir,
                Settings.defaults().api(), rib.getRef(), new Control()));
        rib.expectNoMessage(Duration.ofSeconds(2));
        stop(gateway);
    }

    /** Issue 10: a helper dying more than 5 times within 64 s stopped the speaker with exit code 0. */
    @Test
    @Timeout(60)
    void aHelperDyingInALoopFailsTheSpeaker(@TempDir Path dir) throws Exception {
        Control control = new Control();
        ActorRef<ApiGateway.Command> gateway = kit.spawn(ApiGateway.create(List.of(new ProcessConfig("h",
                List.of("/bin/sh", "-c", "exit 3"), "text", true)), List.of(), dir, Settings.defaults().api(),
                kit.<Rib.Command>createTestProbe().getRef(), control));
        String call = control.calls.poll(40, java.util.concurrent.TimeUnit.SECONDS);
        assertEquals("fail: helper h died more than 5 times within 64 s", call);
        stop(gateway);
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
                Settings.defaults().api(), rib.getRef(), new Control()));
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
        stop(gateway);
    }
}
