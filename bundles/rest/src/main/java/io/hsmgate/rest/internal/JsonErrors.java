package io.hsmgate.rest.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.hsmgate.model.FieldError;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Turns Jackson's binding errors into 400 answers that name the field and the expected type. Jackson's own
 * messages are not passed on: they can quote the offending input, and that input may be a PIN.
 */
final class JsonErrors {

    private JsonErrors() {
    }

    static ApiException toApiException(JsonProcessingException e) {
        if (e instanceof MismatchedInputException mismatch) {
            String field = fieldPath(mismatch.getPath());
            if (field.isEmpty()) {
                String message = mismatch.getMessage() != null && mismatch.getMessage().startsWith("No content to map")
                        ? "the request needs a JSON body"
                        : "the body must be " + expected(mismatch.getTargetType());
                return new ApiException(400, ErrorBody.MALFORMED_JSON, message);
            }
            String message = "must be " + expected(mismatch.getTargetType());
            return new ApiException(400, ErrorBody.VALIDATION_FAILED, field + ": " + message,
                    List.of(new FieldError(field, message)));
        }
        if (e instanceof StreamReadException read) {
            return new ApiException(400, ErrorBody.MALFORMED_JSON, "the body is not valid JSON" + where(read.getLocation()));
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = fieldPath(mapping.getPath());
            return new ApiException(400, ErrorBody.VALIDATION_FAILED, field + ": has an unusable value",
                    List.of(new FieldError(field, "has an unusable value")));
        }
        return new ApiException(400, ErrorBody.MALFORMED_JSON, "the body cannot be bound to the expected object");
    }

    static String fieldPath(List<JsonMappingException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference reference : path) {
            if (reference.getFieldName() != null) {
                if (field.length() > 0) {
                    field.append('.');
                }
                field.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        return field.toString();
    }

    static String expected(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (type == String.class || type == char[].class) {
            return "a string";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "an integer";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == UUID.class) {
            return "a UUID";
        }
        if (type == Instant.class) {
            return "an ISO-8601 instant";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name())
                    .collect(Collectors.joining(", "));
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "a JSON array";
        }
        if (Number.class.isAssignableFrom(type)) {
            return "a number";
        }
        if (type.isRecord() || Map.class.isAssignableFrom(type)) {
            return "a JSON object";
        }
        return "of another type";
    }

    private static String where(JsonLocation location) {
        return location == null || location.getLineNr() < 0 ? ""
                : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }
}
