package io.hsmgate.rest.internal;

import io.hsmgate.model.ConfigurationException;
import io.hsmgate.model.ConflictException;
import io.hsmgate.model.FieldError;
import io.hsmgate.model.NotFoundException;
import io.hsmgate.model.ReferencedException;
import io.hsmgate.model.StorageException;
import io.hsmgate.model.ValidationException;
import io.hsmgate.pkcs11.HsmException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where failures become HTTP answers. Refusals of bad input are 4xx with the model's own
 * messages (which never hold a PIN); only failures of the server itself are 5xx, and an unexpected one is
 * logged here and answered without details.
 */
final class ErrorMapper {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapper.class);

    /** An HTTP status with its body. */
    record Answer(int status, ErrorBody body) {
    }

    private ErrorMapper() {
    }

    static Answer map(Throwable failure, String method, String path) {
        if (failure instanceof ApiException e) {
            return new Answer(e.status(), new ErrorBody(e.error(), e.getMessage(), e.fieldErrors(), null));
        }
        if (failure instanceof ValidationException e) {
            return new Answer(400, new ErrorBody(ErrorBody.VALIDATION_FAILED, e.getMessage(), e.errors(), null));
        }
        if (failure instanceof ConflictException e) {
            return new Answer(409, new ErrorBody(ErrorBody.CONFLICT, e.getMessage(),
                    List.of(new FieldError(e.field(), e.getMessage())), null));
        }
        if (failure instanceof ReferencedException e) {
            return new Answer(409, new ErrorBody(ErrorBody.REFERENCED, e.getMessage(), List.of(), e.referrers()));
        }
        if (failure instanceof NotFoundException e) {
            return new Answer(404, new ErrorBody(ErrorBody.NOT_FOUND, e.getMessage(), List.of(), null));
        }
        if (failure instanceof StorageException e) {
            LOG.error("{} {}: the configuration store failed", method, path, e);
            return new Answer(500, new ErrorBody(ErrorBody.STORAGE_ERROR, e.getMessage(), List.of(), null));
        }
        if (failure instanceof ConfigurationException e) {
            return new Answer(409, new ErrorBody(ErrorBody.CONFLICT, e.getMessage(), List.of(), null));
        }
        if (failure instanceof HsmException e) {
            return new Answer(502, new ErrorBody(ErrorBody.HSM_ERROR, e.getMessage(), List.of(), null));
        }
        LOG.error("{} {} failed unexpectedly", method, path, failure);
        return new Answer(500, new ErrorBody(ErrorBody.INTERNAL_ERROR,
                "the request failed inside hsmgate; the server log has the details", List.of(), null));
    }
}
