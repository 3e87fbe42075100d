package io.hsmgate.rest.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.hsmgate.model.FieldError;
import io.hsmgate.model.ItemRef;
import java.util.List;

/**
 * The one error shape of the API: {@code {"error","message","fieldErrors":[{"field","message"}]}}, plus
 * {@code referencedBy} when a delete is refused because other items use the item.
 *
 * @param error a stable, machine-readable code (one of the constants below)
 * @param message what went wrong, for a person
 * @param fieldErrors the fields at fault, empty when the problem is not about one field
 * @param referencedBy the items that refer to the one a DELETE tried to remove, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ErrorBody(String error, String message, List<FieldError> fieldErrors, List<ItemRef> referencedBy) {

    static final String VALIDATION_FAILED = "validation-failed";
    static final String MALFORMED_JSON = "malformed-json";
    static final String NOT_FOUND = "not-found";
    static final String METHOD_NOT_ALLOWED = "method-not-allowed";
    static final String CONFLICT = "conflict";
    static final String REFERENCED = "referenced";
    static final String NOT_PUSHED = "not-pushed";
    static final String NOT_APPLIED = "not-applied";
    static final String UNSUPPORTED_MEDIA_TYPE = "unsupported-media-type";
    static final String PAYLOAD_TOO_LARGE = "payload-too-large";
    static final String HSM_ERROR = "hsm-error";
    static final String STORAGE_ERROR = "storage-error";
    static final String INTERNAL_ERROR = "internal-error";

    ErrorBody {
        fieldErrors = List.copyOf(fieldErrors);
        referencedBy = referencedBy == null ? null : List.copyOf(referencedBy);
    }
}
