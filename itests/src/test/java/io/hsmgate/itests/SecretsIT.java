package io.hsmgate.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * After a full scenario (create, edit, test, validate, push, start, sign, stop and error paths) the PIN appears
 * nowhere: not in the logs, the audit log or any file of the data dir, not in an API response, console page,
 * metrics, nor in a thread dump of the running server.
 */
class SecretsIT {

    /** Distinctive, so that finding it anywhere can only mean a leak. */
    private static final String PIN = "Zq8-hsmgate-PIN-4711";
    private static final String TOKEN = "secrets-token";

    @Test
    void thePinAppearsNowhere() throws Exception {
        io.hsmgate.pkcs11.testing.SoftHsmFixture fixture = io.hsmgate.pkcs11.testing.SoftHsmFixture.shared();
        String library = fixture.library().toString();
        createToken(library);
        List<String> seen = new ArrayList<>();
        try (RunningServer server = RunningServer.start("secrets")) {
            RestClient api = new RestClient(server.url("/api/v1"), RunningServer.ADMIN, server.password());
            RestClient.Answer created = api.post("/hsm-connections", connection(library, PIN));
            assertEquals(201, created.status(), created.body());
            String id = created.json().get("id").asText();
            Map<String, Object> edit = connection(library, PIN);
            edit.put("description", "edited");
            edit.put("version", created.json().get("version").asLong());
            assertEquals(200, api.put("/hsm-connections/" + id, edit).status());
            assertTrue(api.post("/hsm-connections/" + id + "/test", Map.of()).json().get("ok").asBoolean());
            assertTrue(api.post("/hsm-connections/test", connection(library, PIN)).json().get("ok").asBoolean());
            assertEquals(201, api.post("/private-keys", Map.of("name", "secret key", "storeInHsm", true,
                    "hsmConnectionId", id, "ckaLabel", "secret-ec")).status());
            assertEquals(200, api.post("/configuration/push", Map.of("restartAffected", true)).status());
            api.post("/hsm-connections/" + id + "/start", Map.of());
            api.await("/hsm-connections/" + id + "/status", Duration.ofSeconds(60),
                    a -> a.status() == 200 && "RUNNING".equals(a.json().path("state").asText()));
            RestClient.Answer validation = api.post("/hsm-connections/" + id + "/validate", Map.of());
            assertTrue(validation.json().get("ok").asBoolean(), validation.body()); // a test signature made in the HSM

            // error paths: bad values carrying the PIN, a duplicate name, and (once stopped) a wrong PIN
            Map<String, Object> twoTokens = connection(library, PIN);
            twoTokens.put("slotNumber", 1);
            assertEquals(400, api.post("/hsm-connections", twoTokens).status());
            assertEquals(409, api.post("/hsm-connections", connection(library, PIN)).status());
            api.post("/hsm-connections/" + id + "/stop", Map.of());
            api.await("/hsm-connections/" + id + "/status", Duration.ofSeconds(60),
                    a -> "STOPPED".equals(a.json().path("state").asText()));
            // the token is logged out now (PKCS#11 shares one login per process while a connection runs)
            assertFalse(api.post("/hsm-connections/test", connection(library, "Wrong-0000")).json().get("ok").asBoolean());
            api.get("/hsm-connections");
            api.get("/hsm-connections/" + id);
            api.get("/configuration/preview");
            api.get("/audit?limit=1000");
            seen.addAll(api.bodies());

            for (String page : List.of("/system/console/hsm", "/system/console/hsm?id=" + id, "/system/console/hsm?edit=" + id,
                    "/system/console/hsm-status", "/system/console/hsm-private-keys", "/metrics")) {
                seen.add(Http.get(server.url(page), RunningServer.ADMIN, server.password()).body());
            }
            seen.add(threadDump(server));

            assertAbsent("API responses, console pages, metrics and the thread dump", String.join("\n", seen));
            assertAbsent("the server's output (logs)", server.output());
            assertEquals(0, server.stop());
            assertAbsent("the server's output after stop", server.output());
            for (Path file : files(server.data())) {
                byte[] content = Files.readAllBytes(file);
                assertAbsent("file " + server.data().relativize(file), new String(content, StandardCharsets.ISO_8859_1));
            }
        }
    }

    private static void assertAbsent(String where, String text) {
        for (String form : List.of(PIN, Base64.getEncoder().encodeToString(PIN.getBytes(StandardCharsets.UTF_8)),
                new String(PIN.getBytes(StandardCharsets.UTF_16LE), StandardCharsets.ISO_8859_1))) {
            assertFalse(text.contains(form), "the PIN (as " + (form.equals(PIN) ? "text" : "encoded") + ") leaked into " + where);
        }
    }

    private static Map<String, Object> connection(String library, String pin) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("name", "secrets");
        c.put("libraryPath", library);
        c.put("tokenLabel", TOKEN);
        c.put("authenticate", true);
        c.put("pin", pin);
        c.put("userType", "USER");
        c.put("maxSessions", 2);
        c.put("connectionTimeoutSeconds", 10);
        return c;
    }

    /** A token of its own with the distinctive PIN and an EC key (softhsm2-util and pkcs11-tool, as an operator would). */
    private static void createToken(String library) throws Exception {
        String slots = run("softhsm2-util", "--show-slots");
        if (!slots.contains(TOKEN)) {
            run("softhsm2-util", "--init-token", "--free", "--label", TOKEN, "--pin", PIN, "--so-pin", "so-" + PIN);
            run("pkcs11-tool", "--module", library, "--token-label", TOKEN, "--login", "--pin", PIN, "--keypairgen",
                    "--key-type", "EC:prime256v1", "--label", "secret-ec", "--id", "0a", "--usage-sign");
        }
    }

    private static String threadDump(RunningServer server) throws Exception {
        ProcessHandle jvm = server.process().descendants().filter(p -> p.info().command().orElse("").endsWith("java"))
                .findFirst().orElseThrow(() -> new AssertionError("no JVM under bin/hsmgate"));
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        String dump = run(jcmd, Long.toString(jvm.pid()), "Thread.print");
        assertTrue(dump.contains("hsmgate-runtime-scheduler"), "a real thread dump of the server");
        return dump;
    }

    private static String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new AssertionError(String.join(" ", command[0]) + " failed: " + out.replace(PIN, "(pin)"));
        }
        return out;
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).toList();
        }
    }
}
