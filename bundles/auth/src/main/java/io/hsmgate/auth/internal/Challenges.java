package io.hsmgate.auth.internal;

import io.hsmgate.auth.AdministratorAuthenticator;
import io.hsmgate.auth.AuthenticationResult;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** The response to a refused request: 401 with a Basic challenge, or 429 with Retry-After when throttled. */
final class Challenges {

    private Challenges() {
    }

    static void refuse(AuthenticationResult result, HttpServletResponse response) {
        try {
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            if (result.isThrottled()) {
                response.setStatus(429);
                response.setHeader("Retry-After", Long.toString(result.retryAfter().toSeconds()));
                response.getWriter().write("{\"error\":\"too_many_failed_logins\",\"message\":\"too many failed logins; retry after "
                        + result.retryAfter().toSeconds() + " s\"}");
            } else {
                response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
                response.setHeader("WWW-Authenticate", "Basic realm=\"" + AdministratorAuthenticator.REALM + "\", charset=\"UTF-8\"");
                response.getWriter().write("{\"error\":\"unauthorized\",\"message\":\"administrator credentials required\"}");
            }
        } catch (IOException e) {
            // the client went away; nothing to tell it
        }
    }
}
