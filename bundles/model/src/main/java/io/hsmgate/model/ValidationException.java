package io.hsmgate.model;

import java.util.List;
import java.util.stream.Collectors;

/** The input breaks one or more rules; every problem is listed, each naming its field. */
public class ValidationException extends ConfigurationException {

    private static final long serialVersionUID = 1L;

    private final List<FieldError> errors;

    public ValidationException(List<FieldError> errors) {
        super(errors.stream().map(FieldError::toString).collect(Collectors.joining("; ")));
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
