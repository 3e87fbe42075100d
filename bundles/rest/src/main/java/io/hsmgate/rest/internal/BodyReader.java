package io.hsmgate.rest.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Locale;

/**
 * Reads a JSON request body: application/json only (415 otherwise), at most {@code limit} bytes counted while
 * reading, so a missing or lying Content-Length does not get past it (413), and valid UTF-8 (400). Buffers
 * that held the body are overwritten when they are replaced or closed.
 */
final class BodyReader {

    static final int DEFAULT_LIMIT = 1024 * 1024;

    private final ObjectMapper mapper;
    private final int limit;

    BodyReader(ObjectMapper mapper, int limit) {
        this.mapper = mapper;
        this.limit = limit;
    }

    int limit() {
        return limit;
    }

    /**
     * @param contentType the request's Content-Type header, or null
     * @param contentLength the declared length, or -1
     * @param in the body
     * @throws ApiException 415, 413 or 400 as above
     * @throws IOException if the client connection fails while reading
     */
    JsonBody read(String contentType, long contentLength, InputStream in) throws ApiException, IOException {
        requireJson(contentType);
        if (contentLength > limit) {
            throw tooLarge();
        }
        byte[] buffer = new byte[(int) Math.min(Math.max(contentLength, 256), limit + 1L)];
        int length = 0;
        while (true) {
            if (length == buffer.length) {
                if (length > limit) {
                    Arrays.fill(buffer, (byte) 0);
                    throw tooLarge();
                }
                byte[] bigger = Arrays.copyOf(buffer, (int) Math.min(buffer.length * 2L, limit + 1L));
                Arrays.fill(buffer, (byte) 0);
                buffer = bigger;
            }
            int n = in.read(buffer, length, buffer.length - length);
            if (n < 0) {
                break;
            }
            length += n;
        }
        if (length > limit) {
            Arrays.fill(buffer, (byte) 0);
            throw tooLarge();
        }
        if (!Utf8.isValid(buffer, length)) {
            Arrays.fill(buffer, (byte) 0);
            throw new ApiException(400, ErrorBody.MALFORMED_JSON, "the body is not valid UTF-8");
        }
        return new JsonBody(mapper, buffer, length);
    }

    /** @throws ApiException (415) unless the type is application/json, in UTF-8 when a charset is named */
    static void requireJson(String contentType) throws ApiException {
        if (contentType == null) {
            throw unsupported("a body needs Content-Type: application/json");
        }
        String[] parts = contentType.split(";");
        if (!parts[0].strip().toLowerCase(Locale.ROOT).equals("application/json")) {
            throw unsupported("the body must be application/json");
        }
        for (int i = 1; i < parts.length; i++) {
            String[] parameter = parts[i].split("=", 2);
            if (parameter[0].strip().equalsIgnoreCase("charset") && parameter.length == 2
                    && !parameter[1].strip().replace("\"", "").equalsIgnoreCase("utf-8")) {
                throw unsupported("a JSON body must be UTF-8");
            }
        }
    }

    private ApiException tooLarge() {
        return new ApiException(413, ErrorBody.PAYLOAD_TOO_LARGE, "the body is larger than " + limit + " bytes");
    }

    private static ApiException unsupported(String message) {
        return new ApiException(415, ErrorBody.UNSUPPORTED_MEDIA_TYPE, message);
    }
}
