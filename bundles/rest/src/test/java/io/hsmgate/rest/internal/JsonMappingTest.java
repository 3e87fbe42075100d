package io.hsmgate.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hsmgate.model.Actor;
import io.hsmgate.model.AuditEntry;
import io.hsmgate.model.HsmConnection;
import io.hsmgate.model.HsmConnectionInput;
import io.hsmgate.model.ItemRef;
import io.hsmgate.model.ItemType;
import io.hsmgate.model.UserType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class JsonMappingTest {

    private final ObjectMapper mapper = ApiJson.mapper();

    @Test
    void bindsTheModelInputWithThePinAsCharArray() throws Exception {
        HsmConnectionInput input = bind("{\"name\":\"a\",\"slotNumber\":3,\"authenticate\":true,\"pin\":\"1234\","
                + "\"userType\":\"USER\",\"maxSessions\":8,\"id\":\"ignored\",\"createdAt\":\"2020-01-01T00:00:00Z\"}");
        assertEquals(3L, input.slotNumber());
        assertEquals(UserType.USER, input.userType());
        assertTrue(input.authenticate());
        assertEquals(8, input.maxSessions());
        assertEquals("1234", new String(input.pin()));
        assertEquals(null, bind("{\"name\":\"a\"}").pin(), "an omitted PIN stays null: unchanged on update");
    }

    @Test
    void wrongTypesAreRefusedNamingTheFieldWithoutEchoingTheValue() {
        assertField("{\"name\": 5}", "name", "must be a string");
        assertField("{\"maxSessions\": \"12\"}", "maxSessions", "must be an integer");
        assertField("{\"maxSessions\": 1.5}", "maxSessions", "must be an integer");
        assertField("{\"authenticate\": 1}", "authenticate", "must be true or false");
        assertField("{\"userType\": \"ROOT\"}", "userType", "must be one of USER, SO");
        assertField("{\"userType\": 0}", "userType", "must be one of USER, SO");
        ApiException pin = assertField("{\"pin\": 98765}", "pin", "must be a string");
        assertFalse(pin.getMessage().contains("98765"));
    }

    @Test
    void malformedJsonIsA400WithAPositionButNoInput() {
        ApiException e = assertThrows(ApiException.class, () -> bind("{\"pin\": \"1234\" x"));
        assertEquals(400, e.status());
        assertEquals(ErrorBody.MALFORMED_JSON, e.error());
        assertTrue(e.getMessage().contains("line 1"), e.getMessage());
        assertFalse(e.getMessage().contains("1234"));
        assertEquals(ErrorBody.MALFORMED_JSON, assertThrows(ApiException.class, () -> bind("[]")).error());
        assertEquals(ErrorBody.MALFORMED_JSON, assertThrows(ApiException.class, () -> bind("{} {}")).error());
        assertEquals(ErrorBody.MALFORMED_JSON, assertThrows(ApiException.class, () -> bind("{\"name\":\"a\",\"name\":\"b\"}")).error());
        assertEquals("the request needs a JSON body", assertThrows(ApiException.class, () -> bind("")).getMessage());
    }

    @Test
    void putNeedsAnIntegerVersion() throws Exception {
        assertEquals(4L, body("{\"version\":4,\"name\":\"a\"}").version());
        assertEquals("version", assertThrows(ApiException.class, () -> body("{\"name\":\"a\"}").version())
                .fieldErrors().get(0).field());
        assertEquals("version", assertThrows(ApiException.class, () -> body("{\"version\":\"4\"}").version())
                .fieldErrors().get(0).field());
    }

    @Test
    void writesModelRecordsWithTheirPublicNamesAndIsoInstants() throws Exception {
        UUID id = UUID.fromString("00000000-0000-0000-0000-000000000001");
        Instant at = Instant.parse("2026-01-02T03:04:05Z");
        String json = mapper.writeValueAsString(new HsmConnection(id, "a", null, "/usr/lib/x.so", null, "tok", null, true,
                UserType.USER, true, 8, 30, null, at, at, 3));
        assertTrue(json.contains("\"createdAt\":\"2026-01-02T03:04:05Z\""), json);
        assertTrue(json.contains("\"pinSet\":true"), json);
        assertFalse(json.contains("\"pin\""), json);
        assertFalse(json.contains("description"), "absent values are left out: " + json);

        String audit = mapper.writeValueAsString(new AuditEntry(at, Actor.of("admin"), "update", ItemType.HSM_CONNECTION,
                id, "a", Map.of("pin", "1234"), null, null));
        assertTrue(audit.contains("\"actor\":\"admin\"") && audit.contains("\"itemType\":\"HSM connection\""), audit);
        assertFalse(audit.contains("1234"), audit);
    }

    @Test
    void errorBodiesHaveTheDocumentedShape() throws Exception {
        String json = mapper.writeValueAsString(new ErrorBody(ErrorBody.REFERENCED, "in use", List.of(),
                List.of(new ItemRef(ItemType.PROXY_SERVER, UUID.fromString("00000000-0000-0000-0000-000000000002"), "p"))));
        assertEquals("{\"error\":\"referenced\",\"message\":\"in use\",\"fieldErrors\":[],\"referencedBy\":[{\"type\":"
                + "\"proxy server\",\"id\":\"00000000-0000-0000-0000-000000000002\",\"name\":\"p\"}]}", json);
    }

    private HsmConnectionInput bind(String json) throws ApiException {
        return body(json).as(HsmConnectionInput.class);
    }

    private JsonBody body(String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        return new JsonBody(mapper, bytes, bytes.length);
    }

    private ApiException assertField(String json, String field, String message) {
        ApiException e = assertThrows(ApiException.class, () -> bind(json), json);
        assertEquals(400, e.status());
        assertEquals(field, e.fieldErrors().get(0).field(), json);
        assertEquals(message, e.fieldErrors().get(0).message(), json);
        return e;
    }
}
