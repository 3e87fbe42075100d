package io.hsmgate.console.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hsmgate.model.FieldError;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HtmlTest {

    private static final String SCRIPT = "<script>alert('x')</script>\"";

    @Test
    void textAndAttributesAreEscaped() {
        assertFalse(Html.text(SCRIPT).contains("<script"));
        assertFalse(Html.attr(SCRIPT).contains("\""), "a quote cannot close the attribute");
        assertEquals("", Html.text(null));
        assertEquals("", Html.attr(null));
        assertEquals("2026-03-10 12:00:05 UTC", Html.time(Instant.parse("2026-03-10T12:00:05Z")));
    }

    @Test
    void badgesNameTheirStateAsACssClassAndEscapeIt() {
        assertEquals("<span class=\"hsmgate-badge hsmgate-badge-waiting-for-adapter\">WAITING_FOR_ADAPTER</span>",
                Html.badge("WAITING_FOR_ADAPTER"));
        assertFalse(Html.badge(SCRIPT).contains("<script"));
    }

    @Test
    void formControlsEscapeValuesAndShowErrorsNextToTheirField() {
        FormState state = new FormState().put("name", SCRIPT);
        state.errors(List.of(new FieldError("ckaId,ckaLabel", "give a ckaId, a ckaLabel or both"),
                new FieldError("version", "changed meanwhile")), List.of("name", "ckaId", "ckaLabel"));
        assertEquals(List.of("give a ckaId, a ckaLabel or both"), state.errorsFor("ckaId"));
        assertEquals(List.of("give a ckaId, a ckaLabel or both"), state.errorsFor("ckaLabel"));
        assertEquals(List.of("changed meanwhile"), state.errorsFor(FormState.GENERAL), "a field not on the form");

        String row = FormHtml.row("Name", "name", FormHtml.input("text", "name", state, null), state, null);
        assertFalse(row.contains("<script"), row);
        String ckaId = FormHtml.row("CKA_ID", "ckaId", FormHtml.input("text", "ckaId", state, null), state, null);
        assertTrue(ckaId.contains("id=\"error-ckaId\"") && ckaId.contains("aria-invalid=\"true\""), ckaId);
        assertTrue(FormHtml.generalErrors(state).contains("changed meanwhile"));
    }

    @Test
    void aSecretFieldIsNeverFilledIn() {
        FormState state = new FormState().put("pin", "1234");
        String pin = FormHtml.secret("pin", state, "unchanged");
        assertTrue(pin.contains("value=\"\""), pin);
        assertFalse(pin.contains("1234"), pin);
    }

    @Test
    void numbersThatDoNotParseBecomeFieldErrors() {
        Map<String, String> sent = Map.of("maxSessions", "many", "slotNumber", "3", "hsmConnectionId", "x");
        FormState state = FormState.fromParameters(sent::get, List.of("maxSessions", "slotNumber", "hsmConnectionId", "name"));
        assertEquals(null, state.asInt("maxSessions"));
        assertEquals(3L, state.asLong("slotNumber"));
        assertEquals(null, state.asUuid("hsmConnectionId"));
        assertEquals(null, state.asString("name"));
        assertTrue(state.errorsFor("maxSessions").get(0).contains("whole number"));
        assertTrue(state.errorsFor("hsmConnectionId").get(0).contains("not an item id"));
    }
}
