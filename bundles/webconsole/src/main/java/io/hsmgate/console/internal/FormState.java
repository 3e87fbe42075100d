package io.hsmgate.console.internal;

import io.hsmgate.model.FieldError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What a form shows: the values to fill in (never a secret) and the error messages per field, including the
 * ones that name no field of the form (shown above it). A model error naming several fields
 * ("ckaId,ckaLabel") is shown under each of them.
 */
final class FormState {

    /** Errors that belong to no single field of the form. */
    static final String GENERAL = "";

    private final Map<String, String> values = new LinkedHashMap<>();
    private final Map<String, List<String>> errors = new LinkedHashMap<>();

    /** @return a state with the values the request sent for {@code fields}, trimmed; blank ones left out */
    static FormState fromParameters(Function<String, String> parameter, List<String> fields) {
        FormState state = new FormState();
        for (String field : fields) {
            String value = parameter.apply(field);
            if (value != null && !value.isBlank()) {
                state.values.put(field, value.strip());
            }
        }
        return state;
    }

    FormState put(String field, Object value) {
        if (value != null) {
            values.put(field, String.valueOf(value));
        }
        return this;
    }

    /** @return the value to show, or null */
    String value(String field) {
        return values.get(field);
    }

    boolean has(String field) {
        return values.containsKey(field);
    }

    void error(String field, String message) {
        errors.computeIfAbsent(field, f -> new ArrayList<>()).add(message);
    }

    /** Adds the model's errors; those naming a field not in {@code formFields} become general errors. */
    void errors(List<FieldError> fieldErrors, List<String> formFields) {
        for (FieldError e : fieldErrors) {
            boolean placed = false;
            for (String field : e.field().split(",")) {
                if (formFields.contains(field.strip())) {
                    error(field.strip(), e.message());
                    placed = true;
                }
            }
            if (!placed) {
                error(GENERAL, e.message());
            }
        }
    }

    /** @return the value as text, or null when blank */
    String asString(String field) {
        return values.get(field);
    }

    /** @return whether a checkbox was ticked */
    boolean asBoolean(String field) {
        return "true".equals(values.get(field)) || "on".equals(values.get(field));
    }

    /** @return the value as a whole number, null when blank; an error on the field when it is not one */
    Long asLong(String field) {
        String value = values.get(field);
        if (value == null) {
            return null;
        }
        try {
            return Long.valueOf(value);
        } catch (NumberFormatException e) {
            error(field, "enter a whole number; got \"" + value + "\"");
            return null;
        }
    }

    /** @return the value as an int, null when blank; an error on the field when it is not one */
    Integer asInt(String field) {
        Long value = asLong(field);
        if (value != null && (value > Integer.MAX_VALUE || value < Integer.MIN_VALUE)) {
            error(field, "the number is too large: " + value);
            return null;
        }
        return value == null ? null : value.intValue();
    }

    /** @return the value as an item id, null when blank; an error on the field when it is not one */
    java.util.UUID asUuid(String field) {
        String value = values.get(field);
        if (value == null) {
            return null;
        }
        try {
            return java.util.UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            error(field, "not an item id: \"" + value + "\"");
            return null;
        }
    }

    List<String> errorsFor(String field) {
        return errors.getOrDefault(field, List.of());
    }

    boolean hasErrors() {
        return !errors.isEmpty();
    }
}
