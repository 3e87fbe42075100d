package io.hsmgate.console.internal;

import io.hsmgate.model.FieldError;
import io.hsmgate.model.ProxyServer;
import io.hsmgate.model.ProxyServerInput;
import io.hsmgate.model.SshListener;
import io.hsmgate.model.TlsListener;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The "Add / Edit Proxy Server" form: a proxy server's fields and its TLS and SSH listeners, turned into a
 * {@link ProxyServerInput} and back. Form fields carry the model's JSON paths as names ({@code tlsListener.port}),
 * so the model's errors land under the right input without a translation table. The console adds no rules of
 * its own: an unticked listener is sent as none, a blank bind host as "not given" (the model uses 127.0.0.1),
 * and the authorized keys are the text area's non-blank lines.
 */
final class ProxyServerForm {

    static final String TLS = "tlsListener";
    static final String TLS_BIND_HOST = "tlsListener.bindHost";
    static final String TLS_PORT = "tlsListener.port";
    static final String TLS_BACKEND_HOST = "tlsListener.backendHost";
    static final String TLS_BACKEND_PORT = "tlsListener.backendPort";
    /** Errors about the protocols as a whole; each protocol is its own checkbox, named by {@link #protocol}. */
    static final String TLS_PROTOCOLS = "tlsListener.protocols";
    static final String SSH = "sshListener";
    static final String SSH_BIND_HOST = "sshListener.bindHost";
    static final String SSH_PORT = "sshListener.port";
    static final String SSH_BACKEND_HOST = "sshListener.backendHost";
    static final String SSH_BACKEND_PORT = "sshListener.backendPort";
    static final String SSH_AUTHORIZED_KEYS = "sshListener.authorizedKeys";
    static final String DEFAULT_BIND_HOST = "127.0.0.1";
    static final List<String> PROTOCOLS = List.of(TlsListener.TLS_1_2, TlsListener.TLS_1_3);

    static final List<String> FIELDS = List.of("name", "description", "hsmConnectionId", "tlsCertificateId",
            "sshHostKeyId", TLS, TLS_BIND_HOST, TLS_PORT, TLS_BACKEND_HOST, TLS_BACKEND_PORT, TLS_PROTOCOLS,
            protocol(TlsListener.TLS_1_2), protocol(TlsListener.TLS_1_3), SSH, SSH_BIND_HOST, SSH_PORT,
            SSH_BACKEND_HOST, SSH_BACKEND_PORT, SSH_AUTHORIZED_KEYS);

    /** The model names one authorized key by its index in the list, e.g. sshListener.authorizedKeys[2]. */
    private static final Pattern KEY_ENTRY = Pattern.compile(Pattern.quote(SSH_AUTHORIZED_KEYS) + "\\[(\\d+)]");

    private ProxyServerForm() {
    }

    /** @return the checkbox field of one TLS protocol, e.g. tlsListener.protocols.TLSv1.3 */
    static String protocol(String name) {
        return TLS_PROTOCOLS + "." + name;
    }

    /** @return a new proxy server's form: no listener ticked, their fields showing the model's defaults */
    static FormState defaults() {
        FormState state = new FormState();
        listenerDefaults(state, true, true);
        return state;
    }

    /** @return the form showing a stored proxy server; an absent listener shows the defaults, unticked */
    static FormState of(ProxyServer p) {
        FormState state = new FormState().put("name", p.name()).put("description", p.description())
                .put("hsmConnectionId", p.hsmConnectionId()).put("tlsCertificateId", p.tlsCertificateId())
                .put("sshHostKeyId", p.sshHostKeyId());
        listenerDefaults(state, p.tlsListener() == null, p.sshListener() == null);
        TlsListener tls = p.tlsListener();
        if (tls != null) {
            state.put(TLS, true).put(TLS_BIND_HOST, tls.bindHost()).put(TLS_PORT, tls.port())
                    .put(TLS_BACKEND_HOST, tls.backendHost()).put(TLS_BACKEND_PORT, tls.backendPort());
            PROTOCOLS.forEach(name -> state.put(protocol(name), tls.protocols() != null && tls.protocols().contains(name)));
        }
        SshListener ssh = p.sshListener();
        if (ssh != null) {
            state.put(SSH, true).put(SSH_BIND_HOST, ssh.bindHost()).put(SSH_PORT, ssh.port())
                    .put(SSH_BACKEND_HOST, ssh.backendHost()).put(SSH_BACKEND_PORT, ssh.backendPort())
                    .put(SSH_AUTHORIZED_KEYS, ssh.authorizedKeys() == null ? null : String.join("\n", ssh.authorizedKeys()));
        }
        return state;
    }

    private static void listenerDefaults(FormState state, boolean tls, boolean ssh) {
        if (tls) {
            state.put(TLS, false).put(TLS_BIND_HOST, DEFAULT_BIND_HOST);
            PROTOCOLS.forEach(name -> state.put(protocol(name), true));
        }
        if (ssh) {
            state.put(SSH, false).put(SSH_BIND_HOST, DEFAULT_BIND_HOST);
        }
    }

    /** @return the input for the model; fields the form could not read carry an error in {@code state} instead */
    static ProxyServerInput input(FormState state) {
        return new ProxyServerInput(state.asString("name"), state.asString("description"),
                state.asUuid("hsmConnectionId"), state.asUuid("tlsCertificateId"), state.asUuid("sshHostKeyId"),
                tlsListener(state), sshListener(state));
    }

    private static TlsListener tlsListener(FormState state) {
        if (!state.asBoolean(TLS)) {
            return null;
        }
        List<String> protocols = PROTOCOLS.stream().filter(name -> state.asBoolean(protocol(name))).toList();
        return new TlsListener(state.asString(TLS_BIND_HOST), state.asInt(TLS_PORT), state.asString(TLS_BACKEND_HOST),
                state.asInt(TLS_BACKEND_PORT), protocols);
    }

    private static SshListener sshListener(FormState state) {
        if (!state.asBoolean(SSH)) {
            return null;
        }
        List<String> keys = lines(state.asString(SSH_AUTHORIZED_KEYS)).stream().filter(line -> !line.isBlank())
                .map(String::strip).toList();
        return new SshListener(state.asString(SSH_BIND_HOST), state.asInt(SSH_PORT), keys,
                state.asString(SSH_BACKEND_HOST), state.asInt(SSH_BACKEND_PORT));
    }

    /**
     * The model's errors placed on the form: an error about the i-th authorized key goes under the text area and
     * names the line the key is on (blank lines are skipped, so the index alone would mislead).
     */
    static List<FieldError> formErrors(FormState state, List<FieldError> errors) {
        List<Integer> keyLines = keyLines(lines(state.asString(SSH_AUTHORIZED_KEYS)));
        return errors.stream().map(e -> onTextArea(e, keyLines)).toList();
    }

    private static FieldError onTextArea(FieldError error, List<Integer> keyLines) {
        Matcher m = KEY_ENTRY.matcher(error.field());
        if (!m.matches()) {
            return error;
        }
        int index = Integer.parseInt(m.group(1));
        String where = index < keyLines.size() ? "line " + keyLines.get(index) : "key " + (index + 1);
        String modelWording = "the key at authorizedKeys[" + index + "]";
        String message = error.message().startsWith(modelWording)
                ? "the key on " + where + error.message().substring(modelWording.length())
                : where + ": " + error.message();
        return new FieldError(SSH_AUTHORIZED_KEYS, message);
    }

    private static List<String> lines(String text) {
        return text == null ? List.of() : List.of(text.split("\\R", -1));
    }

    /** @return the 1-based numbers of the non-blank lines: the lines that are keys */
    private static List<Integer> keyLines(List<String> lines) {
        List<Integer> numbers = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                numbers.add(i + 1);
            }
        }
        return numbers;
    }

    /** @return the two listener fieldsets as table rows; a listener's inputs hide while it is unticked */
    static String listenerRows(FormState s) {
        return fieldset("tls-listener", "TLS listener",
                FormHtml.row("Enable", TLS, FormHtml.checkbox(TLS, s, null), s,
                        "Terminates TLS with the TLS certificate chosen above, its key signing in the HSM, and relays"
                                + " the plain bytes to the backend.")
                + addressRows(s, TLS_BIND_HOST, TLS_PORT, TLS_BACKEND_HOST, TLS_BACKEND_PORT, "hsmgate-tls-listener")
                + FormHtml.row("Protocols", TLS_PROTOCOLS, protocolBoxes(s), s, null, "hsmgate-tls-listener"))
                + fieldset("ssh-listener", "SSH listener",
                FormHtml.row("Enable", SSH, FormHtml.checkbox(SSH, s, null), s,
                        "An SSH server whose host key is the SSH host key chosen above; clients may only forward to"
                                + " the backend (ssh -W, ssh -L).")
                + addressRows(s, SSH_BIND_HOST, SSH_PORT, SSH_BACKEND_HOST, SSH_BACKEND_PORT, "hsmgate-ssh-listener")
                + FormHtml.row("Authorized keys", SSH_AUTHORIZED_KEYS,
                        FormHtml.textArea(SSH_AUTHORIZED_KEYS, s, 5, "ssh-ed25519 AAAA... user@host"), s,
                        "The client public keys that may log in: one OpenSSH public key per line, as in"
                                + " authorized_keys.", "hsmgate-ssh-listener"));
    }

    private static String addressRows(FormState s, String bindHost, String port, String backendHost,
            String backendPort, String cssClass) {
        return FormHtml.row("Bind host", bindHost, FormHtml.input("text", bindHost, s,
                        "placeholder=\"" + DEFAULT_BIND_HOST + "\""), s,
                        "The local address to listen on; 0.0.0.0 listens on every IPv4 address.", cssClass)
                + FormHtml.row("Port", port, FormHtml.input("number", port, s, null), s, "1 to 65535", cssClass)
                + FormHtml.row("Backend host", backendHost, FormHtml.input("text", backendHost, s, null), s,
                        "Where connections are relayed to.", cssClass)
                + FormHtml.row("Backend port", backendPort, FormHtml.input("number", backendPort, s, null), s, null,
                        cssClass);
    }

    private static String protocolBoxes(FormState s) {
        StringBuilder html = new StringBuilder("<span id=\"" + Html.attr(FormHtml.id(TLS_PROTOCOLS)) + "\">");
        for (String name : PROTOCOLS) {
            html.append("<label class=\"hsmgate-choice\">").append(FormHtml.checkbox(protocol(name), s, null))
                    .append(" ").append(Html.text(name.replace("TLSv", "TLS "))).append("</label> ");
        }
        return html.append("</span>").toString();
    }

    private static String fieldset(String id, String legend, String rows) {
        return "<tr class=\"hsmgate-fieldset-row\"><td colspan=\"2\"><fieldset class=\"hsmgate-fieldset\" id=\""
                + Html.attr(id) + "\"><legend>" + Html.text(legend) + "</legend><table class=\"hsmgate-form\"><tbody>"
                + rows + "</tbody></table></fieldset></td></tr>";
    }
}
