package io.hsmgate.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.hsmgate.itests.RestClient.Answer;
import io.hsmgate.pkcs11.testing.SoftHsmFixture;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The REST API of issue 6 against the real distribution (bin/hsmgate) and a real SoftHSM token: every route
 * and status code, in the order an integrator would use them: define a connection and its credentials, test
 * it, push, start, validate, restart, stop. Refused requests must leave the store unchanged, and no answer
 * may ever contain a PIN.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RestApiIT {

    private static final String API = "/api/v1";
    private static final String CONNECTIONS = "/hsm-connections";
    private static final String WRONG_PIN = "wrong-pin-5d1c9";
    private static final Duration STATE_CHANGE = Duration.ofSeconds(30);

    private RunningServer server;
    private RestClient api;
    private RestClient anonymous;
    private String library;
    private String connectionId;
    private String keyId;
    private String certificateId;
    private String proxyId;

    @BeforeAll
    void startServer() throws Exception {
        library = SoftHsmFixture.shared().library().toString(); // tokens exist before the server starts
        server = RunningServer.start("rest");
        api = new RestClient(server.url(API), RunningServer.ADMIN, server.password());
        anonymous = new RestClient(server.url(API), null, null);
        api.await("/configuration", Duration.ofSeconds(60), a -> a.status() == 200);
    }

    @AfterAll
    void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    @Order(1)
    void healthIsOpenEverythingElseNeedsTheAdministrator() throws Exception {
        Answer health = anonymous.get("/health");
        assertEquals(200, health.status());
        assertEquals("{\"status\":\"UP\"}", health.body());

        assertEquals(401, anonymous.get(CONNECTIONS).status());
        assertEquals(401, anonymous.post(CONNECTIONS, Map.of("name", "x")).status());
        assertEquals(401, new RestClient(server.url(API), RunningServer.ADMIN, "not the password").get(CONNECTIONS).status());
        assertEquals(401, anonymous.get("/no-such-route").status(), "unknown routes reveal nothing without credentials");

        assertNull(api.get(CONNECTIONS).header("Connection"), "requests without a body keep the connection alive");
        Answer unknown = api.get("/no-such-route");
        assertEquals(404, unknown.status());
        assertEquals("not-found", unknown.json().get("error").asText());
        assertTrue(unknown.json().get("fieldErrors").isArray());

        Answer patch = api.raw("PATCH", CONNECTIONS, "application/json", "{}".getBytes(StandardCharsets.UTF_8));
        assertEquals(405, patch.status());
        assertEquals("GET, POST", patch.header("Allow"));
        assertEquals(405, api.raw("DELETE", CONNECTIONS, null, new byte[0]).status());
    }

    @Test
    @Order(2)
    void invalidConnectionsAreRefusedWithFieldErrorsAndNothingIsStored() throws Exception {
        Map<String, Object> twoSelectors = connection("hsm-a", "hsmgate-a");
        twoSelectors.put("slotNumber", 0);
        Answer refused = api.post(CONNECTIONS, twoSelectors);
        assertEquals(400, refused.status(), refused.body());
        assertEquals("validation-failed", refused.json().get("error").asText());
        String fields = refused.json().get("fieldErrors").toString();
        assertTrue(fields.contains("tokenLabel") && fields.contains("slotNumber"), fields);

        assertBadRequest(api.post(CONNECTIONS, "{\"name\": \"broken\""), null);
        assertBadRequest(api.post(CONNECTIONS, "{\"name\": 5}"), "name");
        assertBadRequest(api.post(CONNECTIONS, "{\"maxSessions\": \"many\"}"), "maxSessions");
        assertBadRequest(api.post(CONNECTIONS, "{\"userType\": \"ADMIN\"}"), "userType");
        assertBadRequest(api.post(CONNECTIONS, "[]"), null);
        assertBadRequest(api.post(CONNECTIONS, ""), null);
        byte[] overlong = {'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xC0, (byte) 0xAF, '"', '}'};
        assertBadRequest(api.raw("POST", CONNECTIONS, "application/json", overlong), null);

        Answer plain = api.raw("POST", CONNECTIONS, "text/plain", "{}".getBytes(StandardCharsets.UTF_8));
        assertEquals(415, plain.status());
        assertEquals("unsupported-media-type", plain.json().get("error").asText());
        assertEquals(415, api.raw("POST", CONNECTIONS, null, "{}".getBytes(StandardCharsets.UTF_8)).status());

        byte[] huge = new byte[1024 * 1024 + 10];
        Arrays.fill(huge, (byte) ' ');
        huge[0] = '{';
        huge[huge.length - 1] = '}';
        String announced = api.announceOnly("POST", CONNECTIONS, 10L * 1024 * 1024);
        assertTrue(announced.startsWith("HTTP/1.1 413 "), announced);
        assertTrue(announced.contains("\"error\":\"payload-too-large\""), announced);
        Answer chunked = api.chunked("POST", CONNECTIONS, huge);
        assertEquals(413, chunked.status(), "the limit holds without Content-Length");
        assertEquals("payload-too-large", chunked.json().get("error").asText());

        assertEquals("[]", api.get(CONNECTIONS).json().toString(), "refused requests stored nothing");
    }

    @Test
    @Order(3)
    void connectionLifecycleCreateReadUpdateConflictsAndNotFound() throws Exception {
        Answer created = api.post(CONNECTIONS, connection("hsm-a", SoftHsmFixture.TOKEN_A));
        assertEquals(201, created.status(), created.body());
        connectionId = created.json().get("id").asText();
        assertEquals(API + CONNECTIONS + "/" + connectionId, created.header("Location"));
        assertFalse(created.json().has("pin"));
        assertTrue(created.json().get("pinSet").asBoolean());
        long version = created.json().get("version").asLong();

        Answer read = api.get(CONNECTIONS + "/" + connectionId);
        assertEquals(200, read.status());
        assertEquals("hsm-a", read.json().get("name").asText());
        assertEquals(SoftHsmFixture.TOKEN_A, read.json().get("tokenLabel").asText());
        assertEquals(1, api.get(CONNECTIONS).json().size());

        Answer taken = api.post(CONNECTIONS, connection("HSM-A", SoftHsmFixture.TOKEN_B));
        assertEquals(409, taken.status());
        assertEquals("name", taken.json().get("fieldErrors").get(0).get("field").asText());

        Map<String, Object> edit = connection("hsm-a", SoftHsmFixture.TOKEN_A);
        edit.remove("pin"); // omitted: the stored PIN stays
        edit.put("description", "edited over REST");
        edit.put("version", version);
        Answer updated = api.put(CONNECTIONS + "/" + connectionId, edit);
        assertEquals(200, updated.status(), updated.body());
        assertTrue(updated.json().get("pinSet").asBoolean());
        assertTrue(updated.json().get("version").asLong() > version);

        edit.put("description", "based on a stale version");
        Answer stale = api.put(CONNECTIONS + "/" + connectionId, edit);
        assertEquals(409, stale.status());
        assertEquals("version", stale.json().get("fieldErrors").get(0).get("field").asText());
        edit.remove("version");
        assertBadRequest(api.put(CONNECTIONS + "/" + connectionId, edit), "version");
        assertEquals("edited over REST", api.get(CONNECTIONS + "/" + connectionId).json().get("description").asText());

        Answer other = api.post(CONNECTIONS, connection("hsm-b", SoftHsmFixture.TOKEN_B));
        assertEquals(201, other.status());
        Map<String, Object> rename = connection("hsm-a", SoftHsmFixture.TOKEN_B);
        rename.put("version", other.json().get("version").asLong());
        assertEquals(409, api.put(CONNECTIONS + "/" + other.json().get("id").asText(), rename).status());
        assertEquals(204, api.delete(CONNECTIONS + "/" + other.json().get("id").asText()).status());

        String unknown = CONNECTIONS + "/" + UUID.randomUUID();
        assertEquals(404, api.get(unknown).status());
        assertEquals(404, api.get(CONNECTIONS + "/not-a-uuid").status());
        Map<String, Object> anything = connection("x", SoftHsmFixture.TOKEN_A);
        anything.put("version", 1);
        assertEquals(404, api.put(unknown, anything).status());
        assertEquals(404, api.delete(unknown).status());
        assertEquals(404, api.post(unknown + "/test", Map.of()).status());
        assertEquals(404, api.get(unknown + "/status").status());
    }

    @Test
    @Order(4)
    void testingSavedAndUnsavedValuesReportsSteps() throws Exception {
        Answer unsaved = api.post(CONNECTIONS + "/test", connection("unsaved", SoftHsmFixture.TOKEN_A));
        assertEquals(200, unsaved.status(), unsaved.body());
        assertTrue(unsaved.json().get("ok").asBoolean(), unsaved.body());
        JsonNode step = unsaved.json().get("steps").get(0);
        assertTrue(step.has("name") && step.has("ok") && step.has("millis") && step.has("detail"), step.toString());

        Map<String, Object> wrongPin = connection("unsaved", SoftHsmFixture.TOKEN_A);
        wrongPin.put("pin", WRONG_PIN);
        Answer failing = api.post(CONNECTIONS + "/test", wrongPin);
        assertEquals(200, failing.status());
        assertFalse(failing.json().get("ok").asBoolean(), failing.body());
        JsonNode steps = failing.json().get("steps");
        assertFalse(steps.get(steps.size() - 1).get("ok").asBoolean());

        Answer saved = api.post(CONNECTIONS + "/" + connectionId + "/test", null);
        assertEquals(200, saved.status(), saved.body());
        assertTrue(saved.json().get("ok").asBoolean(), saved.body());
        assertEquals(0, api.get(CONNECTIONS).json().size() - 1, "testing stores nothing");
    }

    @Test
    @Order(5)
    void credentialsAndProxyServersHaveTheSameCrudShape() throws Exception {
        keyId = crud("/private-keys", Map.of("name", "ssh-host-key", "storeInHsm", true,
                "hsmConnectionId", connectionId, "ckaId", "02", "ckaLabel", SoftHsmFixture.EC_256), "storeInHsm");
        certificateId = crud("/tls-certificates", Map.of("name", "tls-cert", "storeInHsm", true,
                "hsmConnectionId", connectionId, "ckaId", "01", "ckaLabel", SoftHsmFixture.RSA_2048), "storeInHsm");
        proxyId = crud("/proxy-servers", Map.of("name", "edge-proxy", "hsmConnectionId", connectionId,
                "tlsCertificateId", certificateId, "sshHostKeyId", keyId), "tlsCertificateId");

        Answer missingReference = api.post("/private-keys", Map.of("name", "orphan", "storeInHsm", true,
                "hsmConnectionId", UUID.randomUUID().toString(), "ckaId", "02"));
        assertBadRequest(missingReference, "hsmConnectionId");

        Answer referenced = api.delete(CONNECTIONS + "/" + connectionId);
        assertEquals(409, referenced.status(), referenced.body());
        assertEquals("referenced", referenced.json().get("error").asText());
        List<String> referrers = new ArrayList<>();
        for (JsonNode ref : referenced.json().get("referencedBy")) {
            assertTrue(ref.has("type") && ref.has("name"), ref.toString());
            referrers.add(ref.get("id").asText());
        }
        assertTrue(referrers.containsAll(List.of(keyId, certificateId, proxyId)), referrers.toString());
        assertEquals(200, api.get(CONNECTIONS + "/" + connectionId).status(), "a refused delete deletes nothing");
    }

    @Test
    @Order(6)
    void previewShowsTheCandidateAndPushMakesItRunning() throws Exception {
        Answer notPushed = api.post(CONNECTIONS + "/" + connectionId + "/start", null);
        assertEquals(409, notPushed.status());
        assertEquals("not-pushed", notPushed.json().get("error").asText());
        Answer unpushedStatus = api.get(CONNECTIONS + "/" + connectionId + "/status");
        assertEquals(200, unpushedStatus.status());
        assertFalse(unpushedStatus.json().get("pushed").asBoolean());

        Answer state = api.get("/configuration");
        assertEquals(0, state.json().get("runningRevision").asLong());
        assertTrue(state.json().get("candidatePending").asBoolean());

        Answer preview = api.get("/configuration/preview");
        assertEquals(200, preview.status());
        JsonNode change = find(preview.json().get("changes"), connectionId);
        assertEquals("HSM connection", change.get("type").asText());
        assertEquals("ADDED", change.get("change").asText());
        assertTrue(change.has("name") && change.has("fields"));
        assertTrue(preview.json().has("affectedConnections"));

        assertEquals(415, api.raw("POST", "/configuration/push", "text/plain", "x".getBytes(StandardCharsets.UTF_8)).status());
        assertBadRequest(api.post("/configuration/push", "{\"restartAffected\": \"yes\"}"), "restartAffected");
        assertEquals(0, api.get("/configuration").json().get("runningRevision").asLong(), "a refused push pushes nothing");

        Answer pushed = api.post("/configuration/push", Map.of("restartAffected", false));
        assertEquals(200, pushed.status(), pushed.body());
        assertEquals(1, pushed.json().get("runningRevision").asLong());
        assertEquals(RunningServer.ADMIN, pushed.json().get("pushedBy").asText());
        assertFalse(api.get("/configuration").json().get("candidatePending").asBoolean());
    }

    @Test
    @Order(7)
    void startValidateRestartStop() throws Exception {
        String connection = CONNECTIONS + "/" + connectionId;
        Answer start = api.post(connection + "/start", null);
        assertEquals(202, start.status(), start.body());
        assertTrue(start.json().has("state"));
        Answer running = awaitState(connection, "RUNNING");
        assertTrue(running.json().has("since") && running.json().has("pool") && running.json().has("metrics"), running.body());
        assertEquals("STARTED", running.json().get("desiredState").asText());

        Answer validation = api.post(connection + "/validate", null);
        assertEquals(200, validation.status(), validation.body());
        assertTrue(validation.json().get("ok").asBoolean(), validation.body());
        assertEquals(keyId, find(validation.json().get("credentials"), keyId).get("id").asText());
        assertTrue(find(validation.json().get("credentials"), certificateId).get("ok").asBoolean(), validation.body());

        Answer restart = api.post(connection + "/restart", null);
        assertEquals(202, restart.status(), restart.body());
        awaitState(connection, "RUNNING");

        Answer stop = api.post(connection + "/stop", null);
        assertEquals(202, stop.status(), stop.body());
        Answer stopped = awaitState(connection, "STOPPED");
        assertEquals("STOPPED", stopped.json().get("desiredState").asText());
        assertEquals(404, api.post(CONNECTIONS + "/" + UUID.randomUUID() + "/stop", null).status());
    }

    @Test
    @Order(8)
    void tokenDiscoveryAndAudit() throws Exception {
        Answer tokens = api.get("/tokens?libraryPath=" + java.net.URLEncoder.encode(library, StandardCharsets.UTF_8));
        assertEquals(200, tokens.status(), tokens.body());
        JsonNode tokenA = null;
        for (JsonNode slot : tokens.json()) {
            if (SoftHsmFixture.TOKEN_A.equals(slot.path("label").asText())) {
                tokenA = slot;
            }
        }
        assertNotNull(tokenA, tokens.body());
        assertTrue(tokenA.has("slot") && tokenA.has("serial") && tokenA.has("model") && tokenA.has("manufacturer"));
        assertTrue(tokenA.get("flags").toString().contains("CKF_TOKEN_INITIALIZED"), tokenA.toString());
        assertBadRequest(api.get("/tokens"), "libraryPath");
        assertBadRequest(api.get("/tokens?libraryPath=%2Fetc%2Fpasswd"), "libraryPath");

        Answer audit = api.get("/audit?limit=3");
        assertEquals(200, audit.status());
        assertEquals(3, audit.json().size());
        for (JsonNode entry : audit.json()) {
            assertEquals(RunningServer.ADMIN, entry.get("actor").asText());
            assertTrue(entry.has("time") && entry.has("action"));
        }
        assertTrue(api.get("/audit").json().size() > 3);
        assertBadRequest(api.get("/audit?limit=lots"), "limit");
        assertBadRequest(api.get("/audit?limit=0"), "limit");
    }

    @Test
    @Order(9)
    void deletingInDependencyOrderAndNoPinInAnyAnswer() throws Exception {
        assertEquals(204, api.delete("/proxy-servers/" + proxyId).status());
        assertEquals(204, api.delete("/private-keys/" + keyId).status());
        assertEquals(204, api.delete("/tls-certificates/" + certificateId).status());
        assertEquals(409, api.delete(CONNECTIONS + "/" + connectionId + "?version=0").status(), "stale version");
        assertEquals(204, api.delete(CONNECTIONS + "/" + connectionId).status());
        assertEquals(404, api.get(CONNECTIONS + "/" + connectionId).status());

        Pattern pinValue = Pattern.compile("\"pin\"\\s*:\\s*\"(?!\\(redacted\\)\")");
        for (String body : api.bodies()) {
            assertFalse(pinValue.matcher(body).find(), body); // the audit log shows "pin":"(redacted)" only
            assertFalse(body.contains("\"" + SoftHsmFixture.USER_PIN + "\""), body);
            assertFalse(body.contains(WRONG_PIN), body);
        }
        assertFalse(server.output().contains(WRONG_PIN), "the server log must not show a PIN");
    }

    /** Creates, lists, reads, updates and deletes a scratch item, then creates the one kept; returns its id. */
    private String crud(String path, Map<String, Object> body, String property) throws Exception {
        Map<String, Object> scratch = new HashMap<>(body);
        scratch.put("name", "scratch");
        Answer created = api.post(path, scratch);
        assertEquals(201, created.status(), created.body());
        String id = created.json().get("id").asText();
        assertEquals(API + path + "/" + id, created.header("Location"));
        assertTrue(created.json().has(property), created.body());
        assertEquals(409, api.post(path, scratch).status(), "name taken");
        assertEquals(200, api.get(path + "/" + id).status());
        assertNotNull(find(api.get(path).json(), id));

        Map<String, Object> edit = new HashMap<>(scratch);
        edit.put("description", "edited");
        edit.put("version", created.json().get("version").asLong());
        Answer updated = api.put(path + "/" + id, edit);
        assertEquals(200, updated.status(), updated.body());
        assertEquals("edited", updated.json().get("description").asText());
        assertEquals(409, api.put(path + "/" + id, edit).status(), "stale version");
        assertEquals(404, api.get(path + "/" + UUID.randomUUID()).status());

        assertEquals(204, api.delete(path + "/" + id).status());
        assertEquals(404, api.get(path + "/" + id).status());
        assertEquals(404, api.delete(path + "/" + id).status());

        Answer kept = api.post(path, body);
        assertEquals(201, kept.status(), kept.body());
        return kept.json().get("id").asText();
    }

    private Answer awaitState(String connection, String state) throws Exception {
        return api.await(connection + "/status", STATE_CHANGE,
                a -> a.status() == 200 && state.equals(a.json().get("state").asText()));
    }

    private Map<String, Object> connection(String name, String tokenLabel) {
        Map<String, Object> connection = new HashMap<>();
        connection.put("name", name);
        connection.put("libraryPath", library);
        connection.put("tokenLabel", tokenLabel);
        connection.put("authenticate", true);
        connection.put("userType", "USER");
        connection.put("pin", SoftHsmFixture.USER_PIN);
        connection.put("maxSessions", 4);
        connection.put("connectionTimeoutSeconds", 10);
        return connection;
    }

    private static JsonNode find(JsonNode array, String id) {
        for (JsonNode item : array) {
            if (id.equals(item.path("id").asText())) {
                return item;
            }
        }
        throw new AssertionError("no item with id " + id + " in " + array);
    }

    private static void assertBadRequest(Answer answer, String field) {
        assertEquals(400, answer.status(), answer.body());
        assertNotNull(answer.json(), "errors are JSON");
        assertTrue(answer.json().has("error") && answer.json().has("message"), answer.body());
        if (field != null) {
            assertTrue(answer.json().get("fieldErrors").toString().contains("\"" + field), answer.body());
        }
        assertNotEquals(500, answer.status());
    }
}
