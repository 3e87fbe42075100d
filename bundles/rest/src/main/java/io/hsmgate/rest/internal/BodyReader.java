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

    /** Opens the request body. */
    @FunctionalInterface
    interface Source {
        InputStream open() throws IOException;
    }

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
     * @param body opens the body; only after the checks that need no body, because opening it may make the
     *        server send "100 Continue" and have the client upload what is refused anyway
     * @throws ApiException 415, 413 or 400 as above
     * @throws IOException if the client connection fails while reading
     */
    JsonBody read(String contentType, long contentLength, Source body) throws ApiException, IOException {
        requireJson(contentType);
        if (contentLength > limit) {
            throw tooLarge();
        }
        InputStream in = body.open();
        byte[] buffer = new byte[(int) Math.min(Math.max(contentLength, 256), limit + 1L)];
        int length = 0;
        while (true) {
            if (length == buffer.length) {
                if (length > limit) {
                    Arrays.fill(buffer, (byte) 0);
                    drain(in);
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

    /**
     * Reads and drops what is left of a refused body, up to another {@code limit} bytes: answering while the
     * client is still sending makes the closing connection reset, and the client would never see the 413.
     * Beyond that the connection is closed regardless; an endless upload must not keep the server reading.
     */
    private void drain(InputStream in) throws IOException {
        byte[] sink = new byte[8192];
        long left = limit;
        int n;
        while (left > 0 && (n = in.read(sink, 0, (int) Math.min(sink.length, left))) >= 0) {
            left -= n;
        }
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
