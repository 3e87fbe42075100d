package io.hsmgate.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.hsmgate.model.AuditEntry;
import io.hsmgate.model.spi.ConnectionDocument;
import io.hsmgate.model.spi.DesiredStateDocument;
import io.hsmgate.model.spi.DocumentType;

/**
 * Kills a writing child JVM with SIGKILL at random moments, again and again, and checks after every kill that
 * the store opens and holds every acknowledged write. The one operation in flight at the kill may or may not
 * have happened, but only as a whole.
 */
class CrashTest {

    private static final int KILLS = 200; // issue 8: at least 200 SIGKILLs
    private static final String EOF = "\u0000eof";

    @TempDir
    Path data;

    @TempDir
    Path logs;

    @Test
    void everyAcknowledgedWriteSurvivesSigkill() throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        Map<String, String> expected = new HashMap<>();
        Set<Long> acknowledged = new HashSet<>();
        long next = 0;
        int killedWhileWriting = 0;
        for (int round = 0; round < KILLS; round++) {
            int acksBeforeKill = random.nextInt(40);
            Path errors = logs.resolve("child-" + round + ".err");
            Process child = new ProcessBuilder(ChildJvm.command(CrashWriter.class, data.toString(),
                    Long.toString(next))).redirectError(errors.toFile()).start();
            BlockingQueue<String> lines = readLines(child);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            long lastAck = next - 1;
            int acks = 0;
            while (acks < acksBeforeKill) {
                String line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (line == null || line.equals(EOF)) {
                    fail("child stopped acknowledging (seed " + seed + "): " + Files.readString(errors));
                }
                lastAck = acknowledge(line, lastAck, expected, acknowledged);
                acks++;
            }
            // SIGKILL through the ProcessHandle: Process.destroyForcibly() would also close our end of the pipe
            // and throw away acknowledgements the child wrote just before it died
            child.toHandle().destroyForcibly();
            assertTrue(child.waitFor(60, TimeUnit.SECONDS), "child did not die");
            // acknowledgements already in the pipe at the kill count too
            for (String line = lines.poll(60, TimeUnit.SECONDS); !EOF.equals(line);
                    line = lines.poll(60, TimeUnit.SECONDS)) {
                if (line == null) {
                    fail("no end of output from a dead child");
                }
                lastAck = acknowledge(line, lastAck, expected, acknowledged);
            }
            long inFlight = lastAck + 1;
            Map<String, String> actual = load(acknowledged, seed);
            Map<String, String> withInFlight = new HashMap<>(expected);
            CrashWriter.effects(inFlight).forEach(e -> {
                if (e.value() == null) {
                    withInFlight.remove(e.key());
                } else {
                    withInFlight.put(e.key(), e.value());
                }
            });
            if (!actual.equals(expected)) {
                assertEquals(withInFlight, actual, "after kill " + round + " (seed " + seed + ", last ack " + lastAck
                        + "): the store must hold every acknowledged write, plus at most the whole in-flight one");
                killedWhileWriting++;
            }
            expected.clear();
            expected.putAll(actual);
            next = inFlight + 1;
        }
        assertTrue(next > KILLS, "the children wrote something");
        System.out.println("crash test: " + KILLS + " kills, " + next + " operations, in-flight write found complete"
                + " after " + killedWhileWriting + " kills (seed " + seed + ")");
    }

    private static long acknowledge(String line, long lastAck, Map<String, String> expected, Set<Long> acknowledged) {
        if (!line.startsWith("ACK ")) {
            fail("unexpected child output: " + line);
        }
        long n = Long.parseLong(line.substring(4));
        assertEquals(lastAck + 1, n, "acknowledgements come in order");
        for (CrashWriter.Effect effect : CrashWriter.effects(n)) {
            if (effect.value() == null) {
                expected.remove(effect.key());
            } else {
                expected.put(effect.key(), effect.value());
            }
        }
        acknowledged.add(n);
        return n;
    }

    /** Opens the store as the next process would and returns what it holds; checks the audit log too. */
    private Map<String, String> load(Set<Long> acknowledged, long seed) throws Exception {
        Map<String, String> state = new HashMap<>();
        try (FileConfigurationStore store = new FileConfigurationStore(StoreSettings.of(data))) {
            for (Map.Entry<String, ConnectionDocument> entry
                    : store.snapshot().documents(DocumentType.HSM_CONNECTIONS).entrySet()) {
                state.put(DocumentType.HSM_CONNECTIONS.name() + "/" + entry.getKey(),
                        entry.getValue().connection().description());
            }
            for (Map.Entry<String, DesiredStateDocument> entry
                    : store.snapshot().documents(DocumentType.DESIRED_STATES).entrySet()) {
                state.put(DocumentType.DESIRED_STATES.name() + "/" + entry.getKey(),
                        entry.getValue().changedBy().name());
            }
            Set<Long> audited = new HashSet<>();
            for (AuditEntry entry : store.readAudit(Integer.MAX_VALUE)) {
                audited.add(Long.parseLong(entry.detail().substring(3)));
            }
            assertTrue(audited.containsAll(acknowledged), "every acknowledged operation is audited (seed " + seed
                    + ")");
        }
        return state;
    }

    private static BlockingQueue<String> readLines(Process child) {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                }
            } catch (IOException e) {
                // the pipe closes when the child is killed; what was read is what counts
            } finally {
                lines.add(EOF);
            }
        }, "crash-test-child-output");
        reader.setDaemon(true);
        reader.start();
        return lines;
    }
}
