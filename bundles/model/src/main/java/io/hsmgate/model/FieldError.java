package io.hsmgate.model;

/** One validation problem: the JSON property it concerns (or several, comma separated) and what is wrong. */
public record FieldError(String field, String message) {

    @Override
    public String toString() {
        return field + ": " + message;
    }
}
