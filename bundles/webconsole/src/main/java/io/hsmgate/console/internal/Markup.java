package io.hsmgate.console.internal;

/**
 * HTML that a view already built from escaped parts, for the places that otherwise escape a plain value (list
 * cells, detail rows). Only view code that runs every value through {@link Html} creates one.
 */
record Markup(String html) {

    /** @return the value as HTML: markup as it is, anything else escaped as text */
    static String of(Object value) {
        return value instanceof Markup markup ? markup.html() : Html.text(value);
    }
}
