package io.hsmgate.rest.internal;

import io.hsmgate.model.FieldError;
import java.util.List;

/**
 * A request the API refuses, with the HTTP status and the error body it answers with. Messages are written for
 * the caller and never carry request values (a PIN may be among them).
 */
class ApiException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String error;
    private final transient List<FieldError> fieldErrors;

    ApiException(int status, String error, String message, List<FieldError> fieldErrors) {
        super(message);
        this.status = status;
        this.error = error;
        this.fieldErrors = List.copyOf(fieldErrors);
    }

    ApiException(int status, String error, String message) {
        this(status, error, message, List.of());
    }

    static ApiException badField(String field, String message) {
        return new ApiException(400, ErrorBody.VALIDATION_FAILED, field + ": " + message,
                List.of(new FieldError(field, message)));
    }

    static ApiException notFound(String message) {
        return new ApiException(404, ErrorBody.NOT_FOUND, message);
    }

    int status() {
        return status;
    }

    String error() {
        return error;
    }

    List<FieldError> fieldErrors() {
        return fieldErrors;
    }
}
