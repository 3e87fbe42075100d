package io.hsmgate.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Runs the real bin/hsmgate as an operator would: from an unrelated working directory, on a free port,
 * with a fresh data dir; checks authentication, hot deployment through deploy/, and a clean SIGTERM stop.
 */
class DistributionProcessIT {

    private static final Duration STARTUP = Duration.ofSeconds(30);
    private static final Pattern GENERATED = Pattern.compile("generated administrator password for user 'admin': (\\S+)");
    private static final String SAMPLE_BSN = "org.apache.commons.lang3";

    private RunningServer server;

    @AfterEach
    void stopServer() throws InterruptedException {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void generatedPasswordGuardsTheConsoleDeployFolderWorksAndSigtermStopsCleanly() throws Exception {
        server = RunningServer.prepare("process", null);
        server.start(Map.of());
        String url = server.url("/system/console/hsm");
        Http.awaitResponse(url, null, null, STARTUP, r -> r.statusCode() == 401);

        String printed = awaitGeneratedPassword();
        Path initial = server.data().resolve("initial-admin-password");
        assertEquals(printed, Files.readString(initial).trim(), "printed password is the one written to the data dir");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(initial)));
        assertFalse(Files.readString(server.data().resolve("admin-password.hash")).contains(printed), "only a hash is stored");
        assertTrue(Files.isDirectory(server.data().resolve("felix-cache")), "the Felix cache lives in the data dir");

        assertEquals(401, Http.get(url, "admin", "admin").statusCode(), "admin/admin must never work");
        assertEquals(200, Http.get(url, "admin", printed).statusCode());

        Path dropped = server.home().resolve("deploy/sample-bundle.jar");
        Files.copy(Path.of(System.getProperty("hsmgate.sample.bundle")), dropped);
        Http.awaitResponse(server.url("/system/console/bundles.json"), "admin", printed, Duration.ofSeconds(20),
                r -> r.statusCode() == 200 && sampleState(r.body()).equals("Active"));
        Files.delete(dropped);
        Http.awaitResponse(server.url("/system/console/bundles.json"), "admin", printed, Duration.ofSeconds(20),
                r -> r.statusCode() == 200 && sampleState(r.body()).equals("absent"));

        assertCleanStopOnSigterm();
    }

    @Test
    void configuredPasswordIsUsedAndNothingIsPrinted() throws Exception {
        String configured = "operator-chosen password";
        server = RunningServer.prepare("process", configured);
        server.start(Map.of());
        String url = server.url("/system/console/hsm");
        Http.awaitResponse(url, "admin", configured, STARTUP, r -> r.statusCode() == 200);

        assertEquals(401, Http.get(url, "admin", "admin").statusCode());
        assertFalse(Files.exists(server.data().resolve("initial-admin-password")));
        String log = server.output();
        assertFalse(log.contains("generated administrator password"), log);
        assertFalse(log.contains(configured), "the configured password must not be logged");

        assertCleanStopOnSigterm();
    }

    private void assertCleanStopOnSigterm() throws Exception {
        List<ProcessHandle> jvm = server.process().descendants().toList();
        assertFalse(jvm.isEmpty(), "bin/hsmgate runs the JVM as its child");
        int status = server.stop(); // SIGTERM
        String log = server.output();
        assertEquals(0, status, () -> "exit status after SIGTERM; output:\n" + log);
        for (ProcessHandle child : jvm) {
            child.onExit().get(5, TimeUnit.SECONDS);
        }
    }

    private String awaitGeneratedPassword() throws Exception {
        long end = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < end) {
            Matcher m = GENERATED.matcher(server.output());
            if (m.find()) {
                return m.group(1);
            }
            Thread.sleep(100); // poll interval; the loop checks the condition against a deadline
        }
        throw new AssertionError("no generated password printed; output:\n" + server.output());
    }

    /** "Active", another state name, or "absent" for the sample bundle in the console's bundles.json. */
    private static String sampleState(String bundlesJson) {
        Matcher m = Pattern.compile("\"symbolicName\":\"" + Pattern.quote(SAMPLE_BSN) + "\"[^}]*?\"state\":\"(\\w+)\"")
                .matcher(bundlesJson);
        if (m.find()) {
            return m.group(1);
        }
        Matcher reversed = Pattern.compile("\"state\":\"(\\w+)\"[^}]*?\"symbolicName\":\"" + Pattern.quote(SAMPLE_BSN) + "\"")
                .matcher(bundlesJson);
        return reversed.find() ? reversed.group(1) : "absent";
    }
}
