package io.hsmgate.console.internal;

import java.util.List;

/**
 * Form controls laid out as table rows, each with its label and the server's error messages under it. Controls
 * get the id {@code field-<name>} and errors {@code error-<name>}, which the browser tests and the page's script
 * use.
 */
final class FormHtml {

    private FormHtml() {
    }

    static String id(String field) {
        return "field-" + field;
    }

    /** @return a labelled row around {@code control}, with the field's errors and an optional hint */
    static String row(String label, String field, String control, FormState state, String hint) {
        return row(label, field, control, state, hint, null);
    }

    /** @return a labelled row as above, with an extra CSS class (the page's script shows or hides rows by class) */
    static String row(String label, String field, String control, FormState state, String hint, String cssClass) {
        List<String> errors = state.errorsFor(field);
        return "<tr class=\"hsmgate-row" + (errors.isEmpty() ? "" : " hsmgate-row-error")
                + (cssClass == null ? "" : " " + Html.attr(cssClass)) + "\" id=\"row-"
                + Html.attr(field) + "\"><th><label for=\"" + Html.attr(id(field)) + "\">" + Html.text(label)
                + "</label></th><td>" + control
                + (hint == null ? "" : "<div class=\"hsmgate-hint\">" + Html.text(hint) + "</div>")
                + Html.fieldErrors(field, errors) + "</td></tr>";
    }

    /** @return a text-like input showing the state's value */
    static String input(String type, String field, FormState state, String extra) {
        return "<input type=\"" + Html.attr(type) + "\" name=\"" + Html.attr(field) + "\" id=\"" + Html.attr(id(field))
                + "\" value=\"" + Html.attr(state.value(field)) + "\"" + ariaInvalid(field, state)
                + (extra == null ? "" : " " + extra) + ">";
    }

    /** @return a password input that is never filled in: secrets do not travel back to the browser */
    static String secret(String field, FormState state, String placeholder) {
        return "<input type=\"password\" name=\"" + Html.attr(field) + "\" id=\"" + Html.attr(id(field))
                + "\" value=\"\" autocomplete=\"new-password\" placeholder=\"" + Html.attr(placeholder) + "\""
                + ariaInvalid(field, state) + ">";
    }

    /** @return a checkbox, checked when the state's value is "true" */
    static String checkbox(String field, FormState state, String extra) {
        return "<input type=\"checkbox\" name=\"" + Html.attr(field) + "\" id=\"" + Html.attr(id(field))
                + "\" value=\"true\"" + ("true".equals(state.value(field)) ? " checked" : "")
                + (extra == null ? "" : " " + extra) + ">";
    }

    /** @return a text area showing the state's value */
    static String textArea(String field, FormState state, int rows, String placeholder) {
        return "<textarea name=\"" + Html.attr(field) + "\" id=\"" + Html.attr(id(field)) + "\" rows=\"" + rows
                + "\" cols=\"72\" spellcheck=\"false\" placeholder=\"" + Html.attr(placeholder) + "\""
                + ariaInvalid(field, state) + ">" + Html.text(state.value(field)) + "</textarea>";
    }

    /** @return a select; {@code options} are value/label pairs */
    static String select(String field, FormState state, String... options) {
        StringBuilder html = new StringBuilder("<select name=\"" + Html.attr(field) + "\" id=\"" + Html.attr(id(field))
                + "\"" + ariaInvalid(field, state) + ">");
        for (int i = 0; i < options.length; i += 2) {
            html.append(Html.option(options[i], options[i + 1], state.value(field)));
        }
        return html.append("</select>").toString();
    }

    /** @return the general errors (those naming no field of the form), as a notice, or "" */
    static String generalErrors(FormState state) {
        List<String> errors = state.errorsFor(FormState.GENERAL);
        if (errors.isEmpty()) {
            return "";
        }
        StringBuilder html = new StringBuilder("<div class=\"hsmgate-notice hsmgate-notice-error\" id=\"form-errors\"><ul>");
        errors.forEach(e -> html.append("<li>").append(Html.text(e)).append("</li>"));
        return html.append("</ul></div>").toString();
    }

    private static String ariaInvalid(String field, FormState state) {
        return state.errorsFor(field).isEmpty() ? ""
                : " aria-invalid=\"true\" aria-describedby=\"" + Html.attr("error-" + field) + "\"";
    }
}
