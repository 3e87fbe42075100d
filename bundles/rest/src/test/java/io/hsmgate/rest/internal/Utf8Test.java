package io.hsmgate.rest.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Utf8Test {

    @Test
    void acceptsWellFormedText() {
        assertTrue(valid("plain ascii".getBytes(StandardCharsets.UTF_8)));
        assertTrue(valid("Grüße, 日本, 🔐".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void refusesMalformedSequences() {
        assertFalse(valid(new byte[] {(byte) 0xC0, (byte) 0xAF}), "overlong '/'");
        assertFalse(valid(new byte[] {(byte) 0xE0, (byte) 0x80, (byte) 0xAF}), "overlong 3-byte");
        assertFalse(valid(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}), "UTF-16 surrogate");
        assertFalse(valid(new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}), "past U+10FFFF");
        assertFalse(valid(new byte[] {(byte) 0x80}), "lone continuation byte");
        assertFalse(valid(new byte[] {'a', (byte) 0xE2, (byte) 0x82}), "truncated at the end");
        assertFalse(valid(new byte[] {(byte) 0xFF}), "never valid");
    }

    private static boolean valid(byte[] bytes) {
        return Utf8.isValid(bytes, bytes.length);
    }
}
