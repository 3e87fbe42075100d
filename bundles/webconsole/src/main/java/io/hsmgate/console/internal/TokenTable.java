package io.hsmgate.console.internal;

import io.hsmgate.pkcs11.SlotDescription;
import io.hsmgate.pkcs11.TokenDescription;
import java.util.ArrayList;
import java.util.List;

/**
 * The tokens a library offers, found by "Discover tokens". Each row's "Use" button fills the token serial number
 * in the form: with JavaScript in place, without a round trip; without it, as a submit that renders the form again.
 */
final class TokenTable {

    /** The action prefix of a "Use" button without JavaScript: {@code use-token:<serial>}. */
    static final String USE_TOKEN = "use-token:";

    private TokenTable() {
    }

    static String render(String libraryPath, List<SlotDescription> slots) {
        StringBuilder html = new StringBuilder("<div id=\"token-discovery\"><h3>Tokens of ")
                .append(Html.text(libraryPath)).append("</h3>");
        if (slots.isEmpty()) {
            return html.append("<p>The library reports no slots.</p></div>").toString();
        }
        html.append("<table class=\"nicetable\" id=\"token-table\"><thead><tr><th>Slot</th><th>Serial</th><th>Label</th>")
                .append("<th>Model</th><th>Manufacturer</th><th>Flags</th><th>Sessions</th><th></th></tr></thead><tbody>");
        for (SlotDescription slot : slots) {
            TokenDescription t = slot.token();
            html.append("<tr><td>").append(slot.slotId()).append("</td>");
            if (t == null) {
                html.append("<td colspan=\"6\">no token present (").append(Html.text(slot.description()))
                        .append(")</td><td></td></tr>");
                continue;
            }
            html.append("<td class=\"token-serial\">").append(Html.text(t.serial())).append("</td><td class=\"token-label\">")
                    .append(Html.text(t.label())).append("</td><td>").append(Html.text(t.model())).append("</td><td>")
                    .append(Html.text(t.manufacturer())).append("</td><td>").append(Html.text(String.join(", ", flagNames(t))))
                    .append("</td><td>").append(Html.text(sessions(t))).append("</td><td>")
                    .append("<button type=\"submit\" class=\"ui-button hsmgate-use-token\" name=\"action\" value=\"")
                    .append(Html.attr(USE_TOKEN + t.serial())).append("\" data-token-serial=\"").append(Html.attr(t.serial()))
                    .append("\" formnovalidate>Use</button></td></tr>");
        }
        return html.append("</tbody></table></div>").toString();
    }

    /** @return the token flags an operator acts on, in words */
    static List<String> flagNames(TokenDescription t) {
        List<String> names = new ArrayList<>();
        if (t.has(TokenDescription.CKF_TOKEN_INITIALIZED)) {
            names.add("initialized");
        }
        if (t.has(TokenDescription.CKF_LOGIN_REQUIRED)) {
            names.add("login required");
        }
        if (t.has(TokenDescription.CKF_USER_PIN_INITIALIZED)) {
            names.add("user PIN set");
        }
        if (t.has(TokenDescription.CKF_PROTECTED_AUTHENTICATION_PATH)) {
            names.add("PIN pad");
        }
        if (t.has(TokenDescription.CKF_USER_PIN_COUNT_LOW)) {
            names.add("user PIN count low");
        }
        if (t.has(TokenDescription.CKF_USER_PIN_FINAL_TRY)) {
            names.add("user PIN final try");
        }
        if (t.has(TokenDescription.CKF_USER_PIN_LOCKED)) {
            names.add("user PIN LOCKED");
        }
        if (t.has(TokenDescription.CKF_USER_PIN_TO_BE_CHANGED)) {
            names.add("user PIN to be changed");
        }
        return names;
    }

    private static String sessions(TokenDescription t) {
        String open = t.sessionCount() < 0 ? "?" : Long.toString(t.sessionCount());
        String max = t.maxSessionCount() == 0 ? "no limit" : t.maxSessionCount() < 0 ? "unknown" : Long.toString(t.maxSessionCount());
        return open + " open / max " + max;
    }
}
