package io.hsmgate.auth.internal;

import io.hsmgate.auth.AdministratorAuthenticator;
import io.hsmgate.auth.AuthenticationResult;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.context.ServletContextHelper;
import org.osgi.service.servlet.whiteboard.HttpWhiteboardConstants;

/**
 * The servlet context every authenticated hsmgate endpoint (REST API, metrics) selects: no request reaches
 * such a servlet without the administrator's credentials. Throttled clients get 429 with Retry-After.
 */
@Component(service = ServletContextHelper.class, property = {
        HttpWhiteboardConstants.HTTP_WHITEBOARD_CONTEXT_NAME + "=" + AdministratorAuthenticator.API_CONTEXT,
        HttpWhiteboardConstants.HTTP_WHITEBOARD_CONTEXT_PATH + "=/"
})
public final class ApiServletContext extends ServletContextHelper {

    private final AdministratorAuthenticator authenticator;

    @Activate
    public ApiServletContext(@Reference AdministratorAuthenticator authenticator) {
        this.authenticator = authenticator;
    }

    @Override
    public boolean handleSecurity(HttpServletRequest request, HttpServletResponse response) {
        AuthenticationResult result = authenticator.authenticate(request.getHeader("Authorization"), request.getRemoteAddr());
        if (result.isAuthenticated()) {
            request.setAttribute(REMOTE_USER, result.user());
            request.setAttribute(AUTHENTICATION_TYPE, "Basic");
            return true;
        }
        Challenges.refuse(result, response);
        return false;
    }
}
