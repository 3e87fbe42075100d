package io.hsmgate.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hsmgate.model.HsmConnectionInput;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class BodyReaderTest {

    private static final int LIMIT = 64;
    private final BodyReader reader = new BodyReader(ApiJson.mapper(), LIMIT);

    @Test
    void readsAJsonBodyWithinTheLimit() throws Exception {
        try (JsonBody body = read("application/json; charset=UTF-8", "{\"name\":\"a\",\"pin\":\"1234\"}")) {
            HsmConnectionInput input = body.as(HsmConnectionInput.class);
            assertEquals("a", input.name());
            assertEquals("1234", new String(input.pin()));
        }
    }

    @Test
    void refusesOtherMediaTypesAndCharsets() {
        assertEquals(415, assertThrows(ApiException.class, () -> read(null, "{}")).status());
        assertEquals(415, assertThrows(ApiException.class, () -> read("text/plain", "{}")).status());
        assertEquals(415, assertThrows(ApiException.class, () -> read("application/x-www-form-urlencoded", "a=b")).status());
        assertEquals(415, assertThrows(ApiException.class, () -> read("application/json; charset=ISO-8859-1", "{}")).status());
    }

    @Test
    void declaredOversizeIsRefusedWithoutOpeningTheBody() {
        AtomicBoolean opened = new AtomicBoolean();
        ApiException e = assertThrows(ApiException.class, () -> reader.read("application/json", LIMIT + 1, () -> {
            opened.set(true);
            return InputStream.nullInputStream();
        }));
        assertEquals(413, e.status());
        assertEquals(false, opened.get(), "opening the body would invite a 100-continue upload");
    }

    @Test
    void theLimitIsEnforcedWhileReadingWhateverTheDeclaredLength() throws Exception {
        String big = "{\"name\":\"" + "x".repeat(LIMIT) + "\"}";
        ApiException unknownLength = assertThrows(ApiException.class,
                () -> reader.read("application/json", -1, () -> stream(big)));
        assertEquals(413, unknownLength.status());
        ApiException lying = assertThrows(ApiException.class, () -> reader.read("application/json", 10, () -> stream(big)));
        assertEquals(413, lying.status());
        String exact = "{\"name\":\"" + "x".repeat(LIMIT - 11) + "\"}";
        assertEquals(LIMIT, exact.length());
        try (JsonBody body = reader.read("application/json", -1, () -> stream(exact))) {
            assertEquals(LIMIT - 11, body.as(HsmConnectionInput.class).name().length());
        }
    }

    @Test
    void invalidUtf8IsA400() {
        byte[] overlongSlash = {'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xC0, (byte) 0xAF, '"', '}'};
        ApiException e = assertThrows(ApiException.class,
                () -> reader.read("application/json", overlongSlash.length, () -> new ByteArrayInputStream(overlongSlash)));
        assertEquals(400, e.status());
        assertTrue(e.getMessage().contains("UTF-8"));
    }

    @Test
    void closingOverwritesTheBytes() throws Exception {
        byte[] bytes = "{\"pin\":\"1234\"}".getBytes(StandardCharsets.UTF_8);
        JsonBody body = new JsonBody(ApiJson.mapper(), bytes, bytes.length);
        body.close();
        for (byte b : bytes) {
            assertEquals(0, b);
        }
    }

    private JsonBody read(String type, String text) throws Exception {
        return reader.read(type, text.length(), () -> stream(text));
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
