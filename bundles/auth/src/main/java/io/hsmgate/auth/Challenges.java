package io.hsmgate.auth;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The answer to a request without valid administrator credentials: 401 with a Basic challenge, or 429 with
 * Retry-After while the client is throttled, in the REST API's error shape. Every authenticated hsmgate endpoint
 * outside the Web Console (REST API, metrics) answers refused requests with it.
 */
public final class Challenges {

    private static final byte[] UNAUTHORIZED = ("{\"error\":\"unauthorized\",\"message\":\"administrator credentials "
            + "required\",\"fieldErrors\":[]}").getBytes(StandardCharsets.UTF_8);

    private Challenges() {
    }

    /**
     * Writes the refusal for {@code result} (which must not be authenticated) to {@code response}.
     *
     * @throws IOException if the response cannot be written
     */
    public static void refuse(AuthenticationResult result, HttpServletResponse response) throws IOException {
        byte[] body;
        if (result.isThrottled()) {
            long seconds = Math.max(1, result.retryAfter().toSeconds());
            response.setStatus(429);
            response.setHeader("Retry-After", Long.toString(seconds));
            body = ("{\"error\":\"too_many_failed_logins\",\"message\":\"too many failed logins; retry after " + seconds
                    + " s\",\"fieldErrors\":[]}").getBytes(StandardCharsets.UTF_8);
        } else {
            response.setStatus(401);
            response.setHeader("WWW-Authenticate", "Basic realm=\"" + AdministratorAuthenticator.REALM + "\", charset=\"UTF-8\"");
            body = UNAUTHORIZED;
        }
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("application/json;charset=UTF-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
