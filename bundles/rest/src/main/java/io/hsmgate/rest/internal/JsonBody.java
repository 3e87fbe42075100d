package io.hsmgate.rest.internal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Arrays;

/**
 * A request body read in full, checked to be UTF-8, ready to be bound to a type. Closing it overwrites the
 * bytes, which may hold a PIN or a private key.
 */
final class JsonBody implements AutoCloseable {

    private final ObjectMapper mapper;
    private final byte[] bytes;
    private final int length;

    JsonBody(ObjectMapper mapper, byte[] bytes, int length) {
        this.mapper = mapper;
        this.bytes = bytes;
        this.length = length;
    }

    /** @throws ApiException (400) when the JSON is malformed or a field has the wrong type */
    <T> T as(Class<T> type) throws ApiException {
        try {
            T value = mapper.readValue(bytes, 0, length, type);
            if (value == null) {
                throw new ApiException(400, ErrorBody.MALFORMED_JSON, "the body must be a JSON object, not null");
            }
            return value;
        } catch (JsonProcessingException e) {
            throw JsonErrors.toApiException(e);
        } catch (IOException e) {
            throw new ApiException(400, ErrorBody.MALFORMED_JSON, "the body cannot be read as JSON");
        }
    }

    /**
     * The {@code version} an update is based on, required on PUT.
     *
     * @throws ApiException (400) when it is missing or not an integer
     */
    long version() throws ApiException {
        Long version = as(VersionField.class).version();
        if (version == null) {
            throw ApiException.badField("version", "give the version the change is based on (from GET)");
        }
        return version;
    }

    @Override
    public void close() {
        Arrays.fill(bytes, (byte) 0);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record VersionField(Long version) {
    }
}
