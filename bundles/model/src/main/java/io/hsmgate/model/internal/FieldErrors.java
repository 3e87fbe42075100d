package io.hsmgate.model.internal;

import java.util.ArrayList;
import java.util.List;

import io.hsmgate.model.FieldError;
import io.hsmgate.model.ValidationException;

/** Collects every problem of one input so the caller hears about all of them at once. */
final class FieldErrors {

    private final List<FieldError> errors = new ArrayList<>();

    void add(String field, String message) {
        errors.add(new FieldError(field, message));
    }

    boolean isEmpty() {
        return errors.isEmpty();
    }

    void throwIfAny() throws ValidationException {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }
}
