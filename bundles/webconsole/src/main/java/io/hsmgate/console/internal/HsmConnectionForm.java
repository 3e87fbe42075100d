package io.hsmgate.console.internal;

import io.hsmgate.model.HsmConnection;
import io.hsmgate.model.HsmConnectionInput;
import io.hsmgate.model.UserType;
import java.util.List;
import java.util.function.Function;

/**
 * The "Add / Edit HSM Connection" form: every field of an HSM connection, turned into an {@link HsmConnectionInput}
 * and back. The console adds no rules of its own; it only reads the form: unticked "Authenticate" sends no PIN
 * and no user type (they do not apply), and a blank PIN means "not given", which on edit keeps the stored one.
 */
final class HsmConnectionForm {

    static final List<String> FIELDS = List.of("name", "description", "libraryPath", "tokenSerialNumber", "tokenLabel",
            "slotNumber", "authenticate", "pin", "userType", "maxSessions", "connectionTimeoutSeconds", "vendor");
    /** Vendor adapter ids shipped with hsmgate, offered as suggestions; blank lets the adapters claim the library. */
    private static final List<String> KNOWN_VENDORS = List.of("softhsm", "thales", "luna", "utimaco", "futurex");

    private HsmConnectionForm() {
    }

    /** @return a new connection's form with the model's defaults filled in */
    static FormState defaults() {
        return new FormState().put("authenticate", true).put("userType", UserType.USER).put("maxSessions", 1024)
                .put("connectionTimeoutSeconds", 30);
    }

    /** @return the form showing a stored connection (the PIN is never part of it) */
    static FormState of(HsmConnection c) {
        return new FormState().put("name", c.name()).put("description", c.description())
                .put("libraryPath", c.libraryPath()).put("tokenSerialNumber", c.tokenSerialNumber())
                .put("tokenLabel", c.tokenLabel()).put("slotNumber", c.slotNumber())
                .put("authenticate", c.authenticate()).put("userType", c.userType() == null ? UserType.USER : c.userType())
                .put("maxSessions", c.maxSessions()).put("connectionTimeoutSeconds", c.connectionTimeoutSeconds())
                .put("vendor", c.vendor());
    }

    /** @return what the browser sent, without the PIN (which is read by {@link #input} only) */
    static FormState read(Function<String, String> parameter) {
        FormState state = FormState.fromParameters(parameter, FIELDS.stream().filter(f -> !f.equals("pin")).toList());
        state.put("authenticate", state.asBoolean("authenticate"));
        return state;
    }

    /**
     * @param pin the PIN typed in, or null when left blank; the caller clears it after the call
     * @return the input for the model; fields the form could not read carry an error in {@code state} instead
     */
    static HsmConnectionInput input(FormState state, char[] pin) {
        boolean authenticate = state.asBoolean("authenticate");
        UserType userType = null;
        if (authenticate) {
            try {
                userType = state.has("userType") ? UserType.valueOf(state.asString("userType")) : null;
            } catch (IllegalArgumentException e) {
                state.error("userType", "choose a user type");
            }
        }
        return new HsmConnectionInput(state.asString("name"), state.asString("description"),
                state.asString("libraryPath"), state.asString("tokenSerialNumber"), state.asString("tokenLabel"),
                state.asLong("slotNumber"), authenticate, authenticate ? pin : null, userType,
                state.asInt("maxSessions"), state.asInt("connectionTimeoutSeconds"), state.asString("vendor"));
    }

    /** @return the PIN field's content as an array, or null when blank */
    static char[] pin(String typed) {
        return typed == null || typed.isEmpty() ? null : typed.toCharArray();
    }

    /** @return the form's rows, without the form tag and buttons */
    static String rows(FormState s, boolean editing, boolean pinStored) {
        String pinHint = editing && pinStored ? "Leave blank to keep the stored PIN." : null;
        StringBuilder vendors = new StringBuilder("<datalist id=\"hsmgate-vendors\">");
        KNOWN_VENDORS.forEach(v -> vendors.append("<option value=\"").append(Html.attr(v)).append("\">"));
        vendors.append("</datalist>");
        return FormHtml.generalErrors(s) + "<table class=\"nicetable hsmgate-form\"><tbody>"
                + FormHtml.row("Name", "name", FormHtml.input("text", "name", s, "required maxlength=\"200\""), s, null)
                + FormHtml.row("Description", "description", FormHtml.input("text", "description", s, "maxlength=\"1000\""), s, null)
                + FormHtml.row("PKCS#11 library path", "libraryPath", FormHtml.input("text", "libraryPath", s,
                        "required size=\"60\" placeholder=\"/usr/lib/softhsm/libsofthsm2.so\""), s,
                        "The vendor's PKCS#11 library; it must lie in an allowed library directory.")
                + "<tr><td></td><td><button type=\"submit\" name=\"action\" value=\"discover\" class=\"ui-button\""
                + " id=\"discover-tokens\" formnovalidate data-progress=\"Listing tokens\u2026\">Discover tokens</button>"
                + " <span class=\"hsmgate-hint\">lists the library's tokens; pick one to fill the token identifier</span></td></tr>"
                + "<tr><th colspan=\"2\" class=\"hsmgate-subhead\">Token: give exactly one of serial number, label, slot</th></tr>"
                + FormHtml.row("Token serial number", "tokenSerialNumber", FormHtml.input("text", "tokenSerialNumber", s, null), s, null)
                + FormHtml.row("Token label", "tokenLabel", FormHtml.input("text", "tokenLabel", s, null), s, null)
                + FormHtml.row("Slot number", "slotNumber", FormHtml.input("number", "slotNumber", s, "min=\"0\""), s, null)
                + "<tr><th colspan=\"2\" class=\"hsmgate-subhead\">Login</th></tr>"
                + FormHtml.row("Authenticate", "authenticate", FormHtml.checkbox("authenticate", s, null), s,
                        "Log in to the token with a PIN.")
                + FormHtml.row("PIN", "pin", FormHtml.secret("pin", s, pinHint == null ? "" : "unchanged"), s, pinHint)
                + FormHtml.row("User type", "userType", FormHtml.select("userType", s, "USER", "Normal user",
                        "SO", "Security officer"), s, null)
                + "<tr><th colspan=\"2\" class=\"hsmgate-subhead\">Sessions</th></tr>"
                + FormHtml.row("Max sessions", "maxSessions", FormHtml.input("number", "maxSessions", s, "min=\"1\""), s, null)
                + FormHtml.row("Connection timeout (seconds)", "connectionTimeoutSeconds",
                        FormHtml.input("number", "connectionTimeoutSeconds", s, "min=\"0\""), s,
                        "How long a caller waits for a free session; 0 waits without limit.")
                + FormHtml.row("Vendor", "vendor", FormHtml.input("text", "vendor", s,
                        "list=\"hsmgate-vendors\" placeholder=\"automatic\""), s,
                        "Blank: the vendor adapter that recognises the library is used.")
                + "</tbody></table>" + vendors;
    }
}
