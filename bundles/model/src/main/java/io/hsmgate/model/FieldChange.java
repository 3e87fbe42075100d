package io.hsmgate.model;

/**
 * One changed field in a preview. For a secret (the PIN, private key material) {@code secret} is true and
 * {@code before}/{@code after} are null: the preview only says that it changed.
 */
public record FieldChange(String field, String before, String after, boolean secret) {

    public static FieldChange secret(String field) {
        return new FieldChange(field, null, null, true);
    }

    @Override
    public String toString() {
        return secret ? field + " changed" : field + ": " + before + " -> " + after;
    }
}
