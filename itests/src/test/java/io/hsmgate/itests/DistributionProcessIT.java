package io.hsmgate.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Runs the real bin/hsmgate as an operator would: from an unrelated working directory, on a free port,
 * with a fresh data dir; checks authentication, hot deployment through deploy/, and a clean SIGTERM stop.
 */
class DistributionProcessIT {

    private static final Duration STARTUP = Duration.ofSeconds(30);
    private static final Pattern GENERATED = Pattern.compile("generated administrator password for user 'admin': (\\S+)");
    private static final String SAMPLE_BSN = "org.apache.commons.lang3";

    private Path run;
    private Path home;
    private Path data;
    private Path output;
    private int port;
    private Process server;

    @BeforeEach
    void copyDistribution() throws IOException {
        Path runs = Files.createDirectories(Path.of(System.getProperty("hsmgate.itest.dir")));
        run = Files.createTempDirectory(runs, "process-");
        home = run.resolve("hsmgate");
        copyTree(DistributionLayout.fromSystemProperty().home(), home);
        data = run.resolve("data");
        output = run.resolve("server.out");
        port = freePort();
    }

    @AfterEach
    void stopServer() throws InterruptedException {
        if (server != null && server.isAlive()) {
            List<ProcessHandle> children = server.descendants().toList();
            server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            children.forEach(ProcessHandle::destroyForcibly);
        }
    }

    @Test
    void generatedPasswordGuardsTheConsoleDeployFolderWorksAndSigtermStopsCleanly() throws Exception {
        start(Map.of());
        String url = consoleUrl();
        Http.awaitResponse(url, null, null, STARTUP, r -> r.statusCode() == 401);

        String printed = awaitGeneratedPassword();
        Path initial = data.resolve("initial-admin-password");
        assertEquals(printed, Files.readString(initial).trim(), "printed password is the one written to the data dir");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(initial)));
        assertFalse(Files.readString(data.resolve("admin-password.hash")).contains(printed), "only a hash is stored");
        assertTrue(Files.isDirectory(data.resolve("felix-cache")), "the Felix cache lives in the data dir");

        assertEquals(401, Http.get(url, "admin", "admin").statusCode(), "admin/admin must never work");
        assertEquals(200, Http.get(url, "admin", printed).statusCode());

        Path dropped = home.resolve("deploy/sample-bundle.jar");
        Files.copy(Path.of(System.getProperty("hsmgate.sample.bundle")), dropped);
        Http.awaitResponse(bundlesJson(), "admin", printed, Duration.ofSeconds(20),
                r -> r.statusCode() == 200 && sampleState(r.body()).equals("Active"));
        Files.delete(dropped);
        Http.awaitResponse(bundlesJson(), "admin", printed, Duration.ofSeconds(20),
                r -> r.statusCode() == 200 && sampleState(r.body()).equals("absent"));

        assertCleanStopOnSigterm();
    }

    @Test
    void configuredPasswordIsUsedAndNothingIsPrinted() throws Exception {
        String configured = "operator-chosen password";
        start(Map.of("HSMGATE_ADMIN_PASSWORD", configured));
        String url = consoleUrl();
        Http.awaitResponse(url, "admin", configured, STARTUP, r -> r.statusCode() == 200);

        assertEquals(401, Http.get(url, "admin", "admin").statusCode());
        assertFalse(Files.exists(data.resolve("initial-admin-password")));
        String log = Files.readString(output);
        assertFalse(log.contains("generated administrator password"), log);
        assertFalse(log.contains(configured), "the configured password must not be logged");

        assertCleanStopOnSigterm();
    }

    private void start(Map<String, String> extraEnv) throws IOException {
        Path elsewhere = Files.createDirectories(run.resolve("cwd"));
        ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/hsmgate").toString())
                .directory(elsewhere.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        pb.environment().put("HSMGATE_HTTP_PORT", Integer.toString(port));
        pb.environment().put("HSMGATE_DATA_DIR", data.toString());
        pb.environment().remove("HSMGATE_ADMIN_PASSWORD");
        pb.environment().remove("HSMGATE_HTTP_HOST");
        pb.environment().putAll(extraEnv);
        server = pb.start();
    }

    private void assertCleanStopOnSigterm() throws Exception {
        List<ProcessHandle> jvm = server.descendants().toList();
        assertFalse(jvm.isEmpty(), "bin/hsmgate runs the JVM as its child");
        server.destroy(); // SIGTERM
        assertTrue(server.waitFor(10, TimeUnit.SECONDS), "bin/hsmgate did not stop within 10 s of SIGTERM");
        String log = readOutput();
        assertEquals(0, server.exitValue(), () -> "exit status after SIGTERM; output:\n" + log);
        for (ProcessHandle child : jvm) {
            child.onExit().get(5, TimeUnit.SECONDS);
        }
    }

    private String awaitGeneratedPassword() throws IOException, InterruptedException {
        long end = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < end) {
            Matcher m = GENERATED.matcher(readOutput());
            if (m.find()) {
                return m.group(1);
            }
            Thread.sleep(100); // poll interval; the loop checks the condition against a deadline
        }
        throw new AssertionError("no generated password printed; output:\n" + readOutput());
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

    private String readOutput() throws IOException {
        return Files.exists(output) ? Files.readString(output) : "";
    }

    private String consoleUrl() {
        return "http://127.0.0.1:" + port + "/system/console/hsm";
    }

    private String bundlesJson() {
        return "http://127.0.0.1:" + port + "/system/console/bundles.json";
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                if (source.startsWith(from.resolve("data"))) {
                    continue;
                }
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
