package io.hsmgate.console.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.owasp.encoder.Encode;

/**
 * The few HTML building blocks the console pages share. Every value goes through the OWASP encoder here, so a
 * page never concatenates a raw value into markup: text content with {@link #text}, attribute values with
 * {@link #attr}.
 */
final class Html {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private Html() {
    }

    /** @return the value escaped for HTML text content; "" for null */
    static String text(Object value) {
        return value == null ? "" : Encode.forHtml(String.valueOf(value));
    }

    /** @return the value escaped for a quoted HTML attribute; "" for null */
    static String attr(Object value) {
        return value == null ? "" : Encode.forHtmlAttribute(String.valueOf(value));
    }

    /** @return a query parameter value, URI-encoded then escaped for an attribute */
    static String queryValue(Object value) {
        return value == null ? "" : Encode.forUriComponent(String.valueOf(value));
    }

    /** @return an instant in UTC to the second, or "" */
    static String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }

    /** @return a state badge: a span whose class names the state, e.g. {@code badge badge-running} */
    static String badge(String state) {
        String css = state == null ? "unknown" : state.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        return "<span class=\"hsmgate-badge hsmgate-badge-" + attr(css) + "\">" + text(state) + "</span>";
    }

    /** @return a definition-list row for a details view */
    static String detail(String label, Object value) {
        return "<tr><th>" + text(label) + "</th><td>" + text(value) + "</td></tr>";
    }

    /** @return the field's error messages as a list placed under it, or "" */
    static String fieldErrors(String field, List<String> messages) {
        if (messages.isEmpty()) {
            return "";
        }
        StringBuilder html = new StringBuilder("<ul class=\"hsmgate-field-error\" id=\"error-" + attr(field) + "\">");
        messages.forEach(m -> html.append("<li>").append(text(m)).append("</li>"));
        return html.append("</ul>").toString();
    }

    /** @return a notice box: {@code kind} is "ok" or "error" */
    static String notice(String kind, String message) {
        return "<div class=\"hsmgate-notice hsmgate-notice-" + attr(kind) + "\" role=\"status\">" + text(message) + "</div>";
    }

    /** @return a select option, selected when {@code value} equals {@code current} */
    static String option(String value, String label, String current) {
        boolean selected = value.equals(current == null ? "" : current);
        return "<option value=\"" + attr(value) + "\"" + (selected ? " selected" : "") + ">" + text(label) + "</option>";
    }
}
