package io.hsmgate.console.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hsmgate.model.FieldError;
import io.hsmgate.model.ProxyServer;
import io.hsmgate.model.ProxyServerInput;
import io.hsmgate.model.SshListener;
import io.hsmgate.model.TlsListener;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ProxyServerFormTest {

    private static final String KEY_A = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIDtEyjyjVDNu6E4XfLzuR5R7yFmYSMyz6pFMmFgWoFbJ a@host";
    private static final String KEY_B = "ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAI b@host";

    private static FormState sent(Map<String, String> parameters) {
        return FormState.fromParameters(parameters::get, ProxyServerForm.FIELDS);
    }

    @Test
    void aNewFormHasNoListenerTickedAndTheModelDefaultsFilledIn() {
        String rows = ProxyServerForm.listenerRows(ProxyServerForm.defaults());
        assertTrue(rows.contains("id=\"field-tlsListener\" value=\"true\">"), "TLS listener unticked: " + rows);
        assertTrue(rows.contains("id=\"field-sshListener\" value=\"true\">"), "SSH listener unticked: " + rows);
        assertTrue(rows.contains("id=\"field-tlsListener.bindHost\" value=\"127.0.0.1\""), rows);
        assertTrue(rows.contains("id=\"field-sshListener.bindHost\" value=\"127.0.0.1\""), rows);
        assertTrue(rows.contains("id=\"field-tlsListener.protocols.TLSv1.2\" value=\"true\" checked"), rows);
        assertTrue(rows.contains("id=\"field-tlsListener.protocols.TLSv1.3\" value=\"true\" checked"), rows);
        assertTrue(rows.contains("<fieldset class=\"hsmgate-fieldset\" id=\"tls-listener\"><legend>TLS listener</legend>"));
        assertTrue(rows.contains("<fieldset class=\"hsmgate-fieldset\" id=\"ssh-listener\"><legend>SSH listener</legend>"));
    }

    @Test
    void aTickedTlsListenerBecomesTheModelInputWithTheTickedProtocols() {
        UUID certificate = UUID.randomUUID();
        Map<String, String> parameters = new HashMap<>(Map.of("name", "web", "tlsCertificateId", certificate.toString(),
                "tlsListener", "true", "tlsListener.bindHost", " 0.0.0.0 ", "tlsListener.port", "8443",
                "tlsListener.backendHost", "app", "tlsListener.backendPort", "8080",
                "tlsListener.protocols.TLSv1.3", "true"));
        FormState state = sent(parameters);
        ProxyServerInput input = ProxyServerForm.input(state);
        assertFalse(state.hasErrors());
        assertEquals(certificate, input.tlsCertificateId());
        assertEquals(new TlsListener("0.0.0.0", 8443, "app", 8080, List.of("TLSv1.3")), input.tlsListener());
        assertNull(input.sshListener(), "an unticked listener is none");
    }

    @Test
    void noProtocolTickedIsSentAsNoneSoTheModelSaysOneIsNeeded() {
        FormState state = sent(Map.of("tlsListener", "true", "tlsListener.port", "8443"));
        assertEquals(List.of(), ProxyServerForm.input(state).tlsListener().protocols());
    }

    @Test
    void aBlankBindHostIsNotGivenSoTheModelDefaultApplies() {
        FormState state = sent(Map.of("tlsListener", "true", "tlsListener.bindHost", "  ", "tlsListener.port", "1"));
        assertNull(ProxyServerForm.input(state).tlsListener().bindHost());
    }

    @Test
    void anUntickedListenerSendsNothingEvenWhenItsFieldsAreFilled() {
        FormState state = sent(Map.of("tlsListener.port", "8443", "tlsListener.backendHost", "app",
                "sshListener.port", "2222", "sshListener.authorizedKeys", KEY_A));
        ProxyServerInput input = ProxyServerForm.input(state);
        assertNull(input.tlsListener());
        assertNull(input.sshListener());
        assertEquals("8443", state.value("tlsListener.port"), "the values stay in the form for the next render");
    }

    @Test
    void theAuthorizedKeysAreTheTextAreasNonBlankLines() {
        FormState state = sent(Map.of("sshListener", "true", "sshListener.port", "2222",
                "sshListener.backendHost", "db", "sshListener.backendPort", "5432",
                "sshListener.authorizedKeys", KEY_A + "\r\n\n   \n  " + KEY_B + "  \n"));
        SshListener ssh = ProxyServerForm.input(state).sshListener();
        assertFalse(state.hasErrors());
        assertEquals(new SshListener(null, 2222, List.of(KEY_A, KEY_B), "db", 5432), ssh);
    }

    @Test
    void aPortThatIsNotANumberIsAnErrorUnderThatInput() {
        FormState state = sent(Map.of("tlsListener", "true", "tlsListener.port", "eighty", "sshListener", "true",
                "sshListener.backendPort", "99999999999"));
        ProxyServerForm.input(state);
        assertEquals(List.of("enter a whole number; got \"eighty\""), state.errorsFor("tlsListener.port"));
        assertEquals(List.of("the number is too large: 99999999999"), state.errorsFor("sshListener.backendPort"));
    }

    @Test
    void aStoredProxyServerShowsItsListenersAndReadsBackToTheSameInput() {
        TlsListener tls = new TlsListener("127.0.0.1", 8443, "app", 8080, List.of("TLSv1.2"));
        SshListener ssh = new SshListener("::1", 2222, List.of(KEY_A, KEY_B), "db", 5432);
        ProxyServer stored = new ProxyServer(UUID.randomUUID(), "p", null, UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID(), tls, ssh, Instant.now(), Instant.now(), 3);
        FormState shown = ProxyServerForm.of(stored);
        String rows = ProxyServerForm.listenerRows(shown);
        assertTrue(rows.contains("id=\"field-tlsListener\" value=\"true\" checked"), rows);
        assertTrue(rows.contains("id=\"field-tlsListener.protocols.TLSv1.2\" value=\"true\" checked"), rows);
        assertTrue(rows.contains("id=\"field-tlsListener.protocols.TLSv1.3\" value=\"true\">"), rows);
        assertTrue(rows.contains(">" + KEY_A + "\n" + KEY_B + "</textarea>"), rows);

        Map<String, String> browser = new HashMap<>();
        ProxyServerForm.FIELDS.forEach(f -> {
            if (shown.value(f) != null && !"false".equals(shown.value(f))) {
                browser.put(f, shown.value(f));
            }
        });
        ProxyServerInput again = ProxyServerForm.input(sent(browser));
        assertEquals(tls, again.tlsListener());
        assertEquals(ssh, again.sshListener());
        assertEquals(stored.sshHostKeyId(), again.sshHostKeyId());
    }

    @Test
    void anAbsentListenerShowsTheDefaultsUnticked() {
        ProxyServer stored = new ProxyServer(UUID.randomUUID(), "p", null, UUID.randomUUID(), null, null, null, null,
                Instant.now(), Instant.now(), 1);
        FormState shown = ProxyServerForm.of(stored);
        assertFalse(shown.asBoolean("tlsListener"));
        assertEquals("127.0.0.1", shown.value("tlsListener.bindHost"));
        assertTrue(shown.asBoolean("tlsListener.protocols.TLSv1.3"));
        assertEquals("127.0.0.1", shown.value("sshListener.bindHost"));
    }

    @Test
    void theModelsListenerErrorsShowUnderTheirInputs() {
        FormState state = sent(Map.of("tlsListener", "true", "tlsListener.port", "70000"));
        List<FieldError> model = List.of(new FieldError("tlsListener.port", "port must be between 1 and 65535; got 70000"),
                new FieldError("tlsListener.protocols", "protocols needs at least one of TLSv1.2, TLSv1.3"),
                new FieldError("tlsListener", "a TLS listener needs tlsCertificateId: the certificate it presents"),
                new FieldError("sshListener.backendHost", "backendHost is required"));
        state.errors(ProxyServerForm.formErrors(state, model), ProxyServerForm.FIELDS);
        assertTrue(state.errorsFor(FormState.GENERAL).isEmpty(), "every error has its input: " + state.errorsFor(""));
        String rows = ProxyServerForm.listenerRows(state);
        assertTrue(rows.contains("id=\"field-tlsListener.port\" value=\"70000\" aria-invalid=\"true\""
                + " aria-describedby=\"error-tlsListener.port\""), rows);
        assertTrue(rows.contains("<ul class=\"hsmgate-field-error\" id=\"error-tlsListener.port\"><li>port must be"
                + " between 1 and 65535; got 70000</li></ul></td></tr>"), rows);
        assertTrue(rows.contains("id=\"error-tlsListener.protocols\""), rows);
        assertTrue(rows.contains("id=\"error-tlsListener\""), rows);
        assertTrue(rows.contains("id=\"error-sshListener.backendHost\""), rows);
    }

    @Test
    void anErrorAboutOneAuthorizedKeyNamesItsLineUnderTheTextArea() {
        FormState state = sent(Map.of("sshListener", "true",
                "sshListener.authorizedKeys", KEY_A + "\n\nnot-a-key AAAA\n" + KEY_A));
        List<FieldError> model = List.of(
                new FieldError("sshListener.authorizedKeys[1]", "the key at authorizedKeys[1] has type \"not-a-key\";"
                        + " expected one of ssh-rsa"),
                new FieldError("sshListener.authorizedKeys[2]", "the key at authorizedKeys[2] is given twice"),
                new FieldError("sshListener.authorizedKeys[7]", "something else"));
        state.errors(ProxyServerForm.formErrors(state, model), ProxyServerForm.FIELDS);
        assertEquals(List.of("the key on line 3 has type \"not-a-key\"; expected one of ssh-rsa",
                "the key on line 4 is given twice", "key 8: something else"), state.errorsFor("sshListener.authorizedKeys"));
        String rows = ProxyServerForm.listenerRows(state);
        assertTrue(rows.contains("</textarea><div class=\"hsmgate-hint\">"), rows);
        assertTrue(rows.contains("<ul class=\"hsmgate-field-error\" id=\"error-sshListener.authorizedKeys\"><li>the key"
                + " on line 3 has type &#34;not-a-key&#34;; expected one of ssh-rsa</li>"), rows);
    }

    @Test
    void everyValueIsEscaped() {
        FormState state = sent(Map.of("tlsListener", "true", "tlsListener.backendHost", "\"><script>alert(1)</script>",
                "sshListener.authorizedKeys", "</textarea><script>alert(2)</script>"));
        state.error("tlsListener.backendHost", "got <b>bad</b>");
        String rows = ProxyServerForm.listenerRows(state);
        assertFalse(rows.contains("<script>"), rows);
        assertFalse(rows.contains("<b>"), rows);
        assertTrue(rows.contains("value=\"&#34;>&lt;script>alert(1)&lt;/script>\""), rows); // quoted: ">" is harmless
        assertTrue(rows.contains("&lt;/textarea&gt;&lt;script&gt;alert(2)&lt;/script&gt;</textarea>"), rows);
    }
}
