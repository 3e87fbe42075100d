package io.hsmgate.console.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hsmgate.model.HsmConnectionInput;
import io.hsmgate.model.UserType;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HsmConnectionFormTest {

    @Test
    void aNewFormHasTheModelDefaults() {
        String rows = HsmConnectionForm.rows(HsmConnectionForm.defaults(), false, false);
        assertTrue(rows.contains("id=\"field-maxSessions\" value=\"1024\""), rows);
        assertTrue(rows.contains("id=\"field-connectionTimeoutSeconds\" value=\"30\""), rows);
        assertTrue(rows.contains("id=\"field-authenticate\" value=\"true\" checked"), rows);
        assertTrue(rows.contains("<option value=\"USER\" selected>Normal user</option>"), rows);
    }

    @Test
    void theFormBecomesTheModelInput() {
        Map<String, String> sent = new HashMap<>(Map.of("name", " hsm-a ", "libraryPath", "/usr/lib/x.so",
                "slotNumber", "2", "authenticate", "true", "userType", "SO", "maxSessions", "8",
                "connectionTimeoutSeconds", "0"));
        FormState state = HsmConnectionForm.read(sent::get);
        HsmConnectionInput input = HsmConnectionForm.input(state, "1234".toCharArray());
        assertFalse(state.hasErrors());
        assertEquals("hsm-a", input.name());
        assertEquals(2L, input.slotNumber());
        assertEquals(UserType.SO, input.userType());
        assertArrayEquals("1234".toCharArray(), input.pin());
        assertEquals(8, input.maxSessions());
        assertEquals(0, input.connectionTimeoutSeconds());
        assertNull(input.tokenLabel());
        assertFalse(state.has("pin"), "the PIN never enters the form state that is rendered back");
    }

    @Test
    void withoutAuthenticationNoPinOrUserTypeIsSent() {
        Map<String, String> sent = Map.of("name", "n", "userType", "USER");
        FormState state = HsmConnectionForm.read(sent::get);
        HsmConnectionInput input = HsmConnectionForm.input(state, "1234".toCharArray());
        assertEquals(Boolean.FALSE, input.authenticate());
        assertNull(input.pin());
        assertNull(input.userType());
    }

    @Test
    void aBlankPinIsNotGiven() {
        assertNull(HsmConnectionForm.pin(""));
        assertNull(HsmConnectionForm.pin(null));
    }
}
