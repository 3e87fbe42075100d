package io.hsmgate.console.internal;

import io.hsmgate.model.HsmConnection;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The "Store in HSM" part of the private key and TLS certificate forms: the toggle, the HSM connection and the
 * object's CKA_ID (hex) and CKA_LABEL. Rows carry {@code hsmgate-hsm-only} or {@code hsmgate-pem-only} so the
 * page's script shows only what applies; without the script all rows show and the toggle decides what is sent.
 */
final class HsmCredentialFields {

    static final List<String> FIELDS = List.of("storeInHsm", "hsmConnectionId", "ckaId", "ckaLabel");
    static final String HSM_ONLY = "hsmgate-hsm-only";
    static final String PEM_ONLY = "hsmgate-pem-only";

    /** Where the credential lives as the form says; the HSM fields are null when it is not in an HSM. */
    record Location(boolean storeInHsm, UUID hsmConnectionId, String ckaId, String ckaLabel) {
    }

    private HsmCredentialFields() {
    }

    static Location read(FormState state) {
        boolean inHsm = state.asBoolean("storeInHsm");
        UUID connection = state.asUuid("hsmConnectionId");
        return inHsm ? new Location(true, connection, state.asString("ckaId"), state.asString("ckaLabel"))
                : new Location(false, null, null, null);
    }

    static String rows(FormState s, List<HsmConnection> connections) {
        List<String> options = new ArrayList<>(List.of("", "(choose)"));
        connections.forEach(c -> {
            options.add(c.id().toString());
            options.add(c.name());
        });
        return FormHtml.row("Store in HSM", "storeInHsm", FormHtml.checkbox("storeInHsm", s, null), s,
                "The private key stays in the HSM; hsmgate finds it by CKA_ID and/or CKA_LABEL.")
                + FormHtml.row("HSM Connection", "hsmConnectionId",
                        FormHtml.select("hsmConnectionId", s, options.toArray(String[]::new)), s, null, HSM_ONLY)
                + FormHtml.row("CKA_ID (hex)", "ckaId", FormHtml.input("text", "ckaId", s,
                        "pattern=\"([0-9A-Fa-f]{2})*\" placeholder=\"e.g. 02\""), s, null, HSM_ONLY)
                + FormHtml.row("CKA_LABEL", "ckaLabel", FormHtml.input("text", "ckaLabel", s, null), s, null, HSM_ONLY);
    }

    /** @return a PEM text area row with a file picker that reads a file into it (script only) */
    static String pemRow(String label, String field, FormState s, boolean secret, String hint, String cssClass) {
        String area = secret
                ? "<textarea name=\"" + Html.attr(field) + "\" id=\"" + Html.attr(FormHtml.id(field)) + "\" rows=\"6\""
                        + " cols=\"72\" spellcheck=\"false\" autocomplete=\"off\" placeholder=\"-----BEGIN PRIVATE KEY-----\"></textarea>"
                : FormHtml.textArea(field, s, 8, "-----BEGIN CERTIFICATE-----");
        String picker = "<div><input type=\"file\" accept=\".pem,.crt,.cer,.key,.txt\" data-pem-target=\""
                + Html.attr(FormHtml.id(field)) + "\" aria-label=\"" + Html.attr(label + " file") + "\"></div>";
        return FormHtml.row(label, field, area + picker, s, hint, cssClass);
    }

    /** @return the PEM text, or null when blank */
    static char[] pem(String value) {
        return value == null || value.isBlank() ? null : value.strip().toCharArray();
    }
}
