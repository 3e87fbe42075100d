package io.hsmgate.model.internal;

import java.nio.charset.StandardCharsets;

/** Normalisation of the text fields every item has. */
final class Texts {

    static final int MAX_NAME_LENGTH = 100;
    static final int MAX_DESCRIPTION_LENGTH = 1000;

    private Texts() {
    }

    /** Stripped, or null when absent or blank: web forms send "" for an empty field. */
    static String optional(String value) {
        if (value == null) {
            return null;
        }
        String stripped = value.strip();
        return stripped.isEmpty() ? null : stripped;
    }

    static String name(String raw, FieldErrors errors) {
        String name = optional(raw);
        if (name == null) {
            errors.add("name", "name is required");
            return null;
        }
        if (name.length() > MAX_NAME_LENGTH) {
            errors.add("name", "name has at most " + MAX_NAME_LENGTH + " characters; got " + name.length());
        }
        if (hasControlCharacter(name)) {
            errors.add("name", "name must not contain control characters such as line breaks or tabs");
        }
        return name;
    }

    static String description(String raw, FieldErrors errors) {
        String description = optional(raw);
        if (description != null && description.length() > MAX_DESCRIPTION_LENGTH) {
            errors.add("description", "description has at most " + MAX_DESCRIPTION_LENGTH + " characters; got "
                    + description.length());
        }
        return description;
    }

    static int utf8Length(String value) {
        return value.getBytes(StandardCharsets.UTF_8).length;
    }

    static boolean hasControlCharacter(String value) {
        return value.chars().anyMatch(Character::isISOControl);
    }

    static String quoted(String value) {
        return "\"" + value + "\"";
    }
}
