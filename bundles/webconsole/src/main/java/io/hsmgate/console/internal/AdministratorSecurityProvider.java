package io.hsmgate.console.internal;

import io.hsmgate.auth.AdministratorAuthenticator;
import io.hsmgate.auth.AuthenticationResult;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.felix.webconsole.spi.SecurityProvider;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Authenticates Web Console requests as hsmgate's administrator. The distribution requires this provider
 * ({@code felix.webconsole.security.providers=hsmgate}), so the console is not served at all while it is
 * absent and the Web Console's built-in admin/admin provider never answers a request.
 */
@Component(service = SecurityProvider.class, property = SecurityProvider.PROPERTY_ID + "=" + AdministratorSecurityProvider.ID)
public final class AdministratorSecurityProvider implements SecurityProvider {

    static final String ID = "hsmgate";

    private final AdministratorAuthenticator authenticator;

    @Activate
    public AdministratorSecurityProvider(@Reference AdministratorAuthenticator authenticator) {
        this.authenticator = authenticator;
    }

    @Override
    public Object authenticate(HttpServletRequest request, HttpServletResponse response) {
        AuthenticationResult result = authenticator.authenticate(request.getHeader("Authorization"), request.getRemoteAddr());
        if (result.isAuthenticated()) {
            return result.user();
        }
        if (result.isThrottled()) {
            response.setHeader("Retry-After", Long.toString(result.retryAfter().toSeconds()));
            response.setStatus(429);
        } else {
            challenge(response);
        }
        return null;
    }

    @Override
    public boolean authorize(Object user, String role) {
        return user != null;
    }

    @Override
    public void logout(HttpServletRequest request, HttpServletResponse response) {
        challenge(response);
    }

    private static void challenge(HttpServletResponse response) {
        response.setHeader("WWW-Authenticate", "Basic realm=\"" + AdministratorAuthenticator.REALM + "\", charset=\"UTF-8\"");
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
    }
}
