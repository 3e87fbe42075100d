package io.hsmgate.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A generated corpus of malformed requests (well over 1,000) against the REST API and the console's forms:
 * wrong types, missing fields, two token identifiers, negative and huge numbers, 1 MB strings, invalid UTF-8,
 * path traversal in libraryPath, not JSON, wrong content types, unknown fields. Every one must be answered 4xx
 * (never 5xx, never a success), field problems must name the field, and the store must be unchanged.
 */
class BadInputIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String API = "/api/v1";
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static RunningServer server;
    private static RestClient api;
    private static String library;
    private static String existingId;
    private static long existingVersion;

    /** One malformed request, what it is, and the field its refusal must name (null: a whole-body problem). */
    private record Case(String what, String method, String path, String contentType, byte[] body, String field) {
    }

    @BeforeAll
    static void start() throws Exception {
        library = io.hsmgate.pkcs11.testing.SoftHsmFixture.shared().library().toString();
        server = RunningServer.start("bad-input");
        api = new RestClient(server.url(API), RunningServer.ADMIN, server.password());
        RestClient.Answer created = api.post("/hsm-connections", validConnection("existing"));
        assertEquals(201, created.status(), created.body());
        existingId = created.json().get("id").asText();
        existingVersion = created.json().get("version").asLong();
        assertEquals(200, api.post("/configuration/push", Map.of("restartAffected", false)).status());
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aThousandMalformedApiRequestsAreRefusedWith4xxNamingTheFieldAndChangeNothing() throws Exception {
        String before = storeSnapshot();
        List<Case> corpus = corpus();
        assertTrue(corpus.size() >= 1000, "corpus of " + corpus.size());
        List<String> wrong = new ArrayList<>();
        for (Case c : corpus) {
            RestClient.Answer answer = api.raw(c.method(), c.path(), c.contentType(), c.body());
            int status = answer.status();
            if (status < 400 || status >= 500) {
                wrong.add(status + " for " + c.what() + ": " + abbreviate(answer.body()));
                continue;
            }
            if (c.field() != null && status == 400 && !namesField(answer.json(), c.field())) {
                wrong.add("400 without naming " + c.field() + " for " + c.what() + ": " + abbreviate(answer.body()));
            }
        }
        assertEquals(List.of(), wrong.size() > 20 ? wrong.subList(0, 20) : wrong, wrong.size() + " of " + corpus.size() + " wrong");
        assertEquals(before, storeSnapshot(), "no refused request changed the store");
    }

    @Test
    void malformedConsoleFormPostsAreRefusedNamingTheFieldAndChangeNothing() throws Exception {
        String before = storeSnapshot();
        Map<String, String> valid = new LinkedHashMap<>();
        valid.put("action", "save");
        valid.put("name", "console-bad");
        valid.put("libraryPath", library);
        valid.put("tokenLabel", "hsmgate-a");
        valid.put("authenticate", "true");
        valid.put("pin", "1234");
        valid.put("userType", "USER");
        valid.put("maxSessions", "4");
        valid.put("connectionTimeoutSeconds", "30");
        Map<String, List<String>> mutations = new LinkedHashMap<>();
        mutations.put("name", List.of("", " ", "x".repeat(101)));
        mutations.put("maxSessions", List.of("abc", "-1", "0", "65536", "99999999999999999999", "1.5"));
        mutations.put("connectionTimeoutSeconds", List.of("-5", "86401", "ten", "1e9"));
        mutations.put("slotNumber", List.of("-1", "4294967296", "slot", "12"));
        mutations.put("libraryPath", List.of("", "/usr/lib/../../etc/passwd", "../libsofthsm2.so", "/usr/lib/x\nso"));
        mutations.put("tokenLabel", List.of("x".repeat(33), ""));
        mutations.put("userType", List.of("ADMIN", "root"));
        mutations.put("description", List.of("d".repeat(1001), "e".repeat(5000)));
        mutations.put("pin", List.of("", "p".repeat(300)));
        mutations.put("tokenSerialNumber", List.of("0123456789abcdef01", "s".repeat(40)));
        int posted = 0;
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, List<String>> m : mutations.entrySet()) {
            for (String value : m.getValue()) {
                Map<String, String> form = new LinkedHashMap<>(valid);
                form.put(m.getKey(), value);
                if (m.getKey().equals("tokenLabel") && value.isEmpty()) {
                    form.remove("tokenLabel"); // no token identifier at all
                }
                form.put("hsmgate-csrf", csrfToken());
                HttpResponse<String> answer = postForm("/system/console/hsm", form);
                posted++;
                // two token identifiers, or none, are one problem shown at the token identifier
                String field = m.getKey().equals("slotNumber") && value.equals("12") ? "token"
                        : m.getKey().equals("tokenLabel") && value.isEmpty() ? "token" : m.getKey();
                if (answer.statusCode() < 400 || answer.statusCode() >= 500) {
                    wrong.add(answer.statusCode() + " for " + m.getKey() + "=" + abbreviate(value));
                } else if (!answer.body().contains("id=\"error-" + field) && !answer.body().contains("id=\"form-errors\"")) {
                    wrong.add("no error shown at " + field + " for " + m.getKey() + "=" + abbreviate(value));
                }
            }
        }
        assertTrue(posted >= 30);
        assertEquals(List.of(), wrong);
        assertEquals(before, storeSnapshot(), "no refused form changed the store");
    }

    // ---- the corpus ----

    private static List<Case> corpus() throws Exception {
        List<Case> cases = new ArrayList<>();
        Map<String, Map<String, Object>> bases = new LinkedHashMap<>();
        bases.put("/hsm-connections", validConnection("corpus"));
        bases.put("/private-keys", Map.of("name", "k", "storeInHsm", true, "hsmConnectionId", existingId, "ckaId", "02"));
        bases.put("/tls-certificates", Map.of("name", "c", "storeInHsm", true, "hsmConnectionId", existingId, "ckaLabel", "ec256"));
        bases.put("/proxy-servers", Map.of("name", "p", "hsmConnectionId", existingId));
        List<Object> wrongValues = List.of(123, -1, 1.5, true, List.of(), Map.of(), "", " ", "x".repeat(5000),
                9223372036854775807L, new java.math.BigInteger("99999999999999999999999"), "\u0000", "<script>");
        for (Map.Entry<String, Map<String, Object>> base : bases.entrySet()) {
            String path = base.getKey();
            for (String field : base.getValue().keySet()) {
                for (Object value : wrongValues) {
                    Map<String, Object> body = new LinkedHashMap<>(base.getValue());
                    body.put(field, value);
                    // an invalid second field keeps every case refused, even where the value itself is acceptable
                    add(cases, "POST " + path + " " + field + "=" + describe(value), "POST", path, poisoned(path, body), null);
                }
                Map<String, Object> missing = new LinkedHashMap<>(base.getValue());
                missing.remove(field);
                if (required(path, field)) {
                    add(cases, "POST " + path + " without " + field, "POST", path, missing, field);
                }
            }
            for (String unknown : List.of("evil", "__proto__", "pinSet", "$where")) {
                Map<String, Object> body = new LinkedHashMap<>(base.getValue());
                body.put(unknown, "x");
                body.remove("name");
                add(cases, "POST " + path + " unknown field " + unknown + " and no name", "POST", path, body, "name");
            }
            addWholeBodyCases(cases, path);
        }
        connectionFieldCases(cases);
        for (int i = 0; cases.size() < 1000; i++) {
            Map<String, Object> body = new LinkedHashMap<>(validConnection("n" + i));
            body.put("maxSessions", -i - 1);
            add(cases, "POST connection maxSessions=" + (-i - 1), "POST", "/hsm-connections", body, "maxSessions");
        }
        return cases;
    }

    private static void connectionFieldCases(List<Case> cases) throws Exception {
        Map<String, List<Object>> bad = new LinkedHashMap<>();
        bad.put("maxSessions", List.of(0, -1, 65536, 2147483648L, "12", 1.5, true));
        bad.put("connectionTimeoutSeconds", List.of(-1, 86401, "30", false));
        bad.put("slotNumber", List.of(-1, 4294967296L, "5", 1.25));
        bad.put("libraryPath", List.of("", "../../../etc/passwd", "/usr/lib/../../etc/shadow", "/usr/lib/softhsm/\u0007lib.so", 7,
                "/" + "a".repeat(5000)));
        bad.put("userType", List.of("ADMIN", "user ", 1, ""));
        bad.put("authenticate", List.of("yes", 1, "true"));
        bad.put("name", List.of("", "   ", "n".repeat(101), 42));
        bad.put("description", List.of("d".repeat(1001), 3));
        bad.put("tokenSerialNumber", List.of("0123456789abcdef0", 17));
        bad.put("tokenLabel", List.of("l".repeat(33), "é".repeat(17)));
        bad.put("vendor", List.of(5, List.of("luna")));
        for (String target : List.of("POST /hsm-connections", "PUT /hsm-connections/" + existingId, "POST /hsm-connections/test")) {
            String method = target.substring(0, target.indexOf(' '));
            String path = target.substring(target.indexOf(' ') + 1);
            for (Map.Entry<String, List<Object>> field : bad.entrySet()) {
                for (Object value : field.getValue()) {
                    Map<String, Object> body = new LinkedHashMap<>(validConnection("fields"));
                    if (method.equals("PUT")) {
                        body.put("version", existingVersion);
                    }
                    body.put(field.getKey(), value);
                    if (field.getKey().equals("tokenSerialNumber") || field.getKey().equals("tokenLabel")) {
                        body.remove("tokenLabel");
                        body.put(field.getKey(), value);
                    }
                    add(cases, target + " " + field.getKey() + "=" + describe(value), method, path, body, field.getKey());
                }
            }
            Map<String, Object> twoTokens = new LinkedHashMap<>(validConnection("two"));
            twoTokens.put("slotNumber", 3);
            if (method.equals("PUT")) {
                twoTokens.put("version", existingVersion);
            }
            add(cases, target + " two token identifiers", method, path, twoTokens, "slotNumber");
        }
        Map<String, Object> stale = new LinkedHashMap<>(validConnection("existing"));
        stale.put("version", existingVersion + 7);
        add(cases, "PUT with a stale version", "PUT", "/hsm-connections/" + existingId, stale, null);
        add(cases, "GET tokens with a traversal", "GET", "/tokens?libraryPath=" + URLEncoder.encode("../../etc/passwd", StandardCharsets.UTF_8), null, null);
        add(cases, "GET tokens outside the allowed directories", "GET", "/tokens?libraryPath=/etc/passwd", null, null);
        add(cases, "GET audit limit=-1", "GET", "/audit?limit=-1", null, null);
        add(cases, "GET audit limit=abc", "GET", "/audit?limit=abc", null, null);
        add(cases, "push with a body that is not an object", "POST", "/configuration/push", List.of(1), null);
    }

    private static void addWholeBodyCases(List<Case> cases, String path) {
        byte[][] notJson = {"{".getBytes(), "[]".getBytes(), "null".getBytes(), "123".getBytes(), "\"s\"".getBytes(),
            "{\"name\":}".getBytes(), "{\"name\":\"a\"} trailing".getBytes(), "{\"name\":\"a\",\"name\":\"b\"}".getBytes(),
            "<xml/>".getBytes(), new byte[0]};
        for (byte[] body : notJson) {
            cases.add(new Case("POST " + path + " not JSON: " + abbreviate(new String(body, StandardCharsets.UTF_8)), "POST",
                    path, "application/json", body, null));
        }
        byte[][] invalidUtf8 = {{'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xC3, '"', '}'},
            {'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xC0, (byte) 0x80, '"', '}'},
            {'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}'},
            {(byte) 0xFF, (byte) 0xFE, '{', '}'}};
        for (byte[] body : invalidUtf8) {
            cases.add(new Case("POST " + path + " invalid UTF-8", "POST", path, "application/json", body, null));
        }
        byte[] valid = "{\"name\":\"ct\"}".getBytes(StandardCharsets.UTF_8);
        for (String type : new String[] {"text/plain", "application/xml", "application/x-www-form-urlencoded",
            "application/json; charset=ISO-8859-1", "multipart/form-data; boundary=x"}) {
            cases.add(new Case("POST " + path + " as " + type, "POST", path, type, valid, null));
        }
        cases.add(new Case("POST " + path + " without a content type", "POST", path, null, valid, null));
        byte[] huge = ("{\"name\":\"" + "m".repeat(1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        cases.add(new Case("POST " + path + " with a 1 MB string", "POST", path, "application/json", huge, null));
    }

    private static void add(List<Case> cases, String what, String method, String path, Object body, String field)
            throws Exception {
        byte[] bytes = body == null ? new byte[0] : JSON.writeValueAsBytes(body);
        cases.add(new Case(what, method, path, body == null ? null : "application/json", bytes, field));
    }

    /** A body that is refused whatever the mutated field holds: the connection loses its library path, items their name. */
    private static Map<String, Object> poisoned(String path, Map<String, Object> body) {
        Map<String, Object> copy = new LinkedHashMap<>(body);
        if (path.equals("/hsm-connections")) {
            copy.put("maxSessions", 0);
        } else {
            copy.put("name", "");
        }
        return copy;
    }

    private static boolean required(String path, String field) {
        return field.equals("name") || (path.equals("/hsm-connections") && field.equals("libraryPath"));
    }

    private static Map<String, Object> validConnection(String name) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("name", name);
        c.put("libraryPath", library);
        c.put("tokenLabel", "hsmgate-a");
        c.put("authenticate", true);
        c.put("pin", "1234");
        c.put("userType", "USER");
        c.put("maxSessions", 4);
        c.put("connectionTimeoutSeconds", 30);
        return c;
    }

    // ---- support ----

    private static boolean namesField(JsonNode error, String field) {
        if (error == null) {
            return false;
        }
        for (JsonNode fe : error.path("fieldErrors")) {
            if (fe.path("field").asText().contains(field)) {
                return true;
            }
        }
        return error.path("message").asText().contains(field);
    }

    /** Every collection, the configuration state and the audit log length: what a refused request must not change. */
    private static String storeSnapshot() throws Exception {
        StringBuilder s = new StringBuilder();
        for (String collection : List.of("/hsm-connections", "/private-keys", "/tls-certificates", "/proxy-servers",
                "/configuration", "/configuration/preview")) {
            s.append(collection).append('=').append(api.get(collection).body()).append('\n');
        }
        s.append("audit=").append(api.get("/audit?limit=1000").json().size());
        return s.toString();
    }

    private static String csrfToken() throws Exception {
        String page = Http.get(server.url("/system/console/hsm?add"), RunningServer.ADMIN, server.password()).body();
        Matcher m = Pattern.compile("name=\"hsmgate-csrf\" value=\"([^\"]+)\"").matcher(page);
        if (!m.find()) {
            fail("the add form carries no CSRF token");
        }
        return m.group(1);
    }

    private static HttpResponse<String> postForm(String path, Map<String, String> form) throws Exception {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        String basic = Base64.getEncoder().encodeToString((RunningServer.ADMIN + ":" + server.password()).getBytes(StandardCharsets.UTF_8));
        return CLIENT.send(HttpRequest.newBuilder(URI.create(server.url(path))).timeout(Duration.ofSeconds(20))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String describe(Object value) {
        return abbreviate(String.valueOf(value));
    }

    private static String abbreviate(String text) {
        return text == null ? "null" : text.length() > 60 ? text.substring(0, 60) + "…" : text;
    }
}
