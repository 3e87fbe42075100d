package io.hsmgate.runtime.internal;

import io.hsmgate.auth.AdministratorAuthenticator;
import io.hsmgate.auth.AuthenticationResult;
import io.hsmgate.auth.Challenges;
import io.hsmgate.runtime.HsmConnectionRuntime;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.HttpWhiteboardConstants;

/** Prometheus scrape endpoint at /metrics, for the administrator only. */
@Component(service = Servlet.class, property = HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_PATTERN + "=/metrics")
public final class MetricsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient HsmConnectionRuntime runtime;
    private final transient AdministratorAuthenticator authenticator;

    @Activate
    public MetricsServlet(@Reference HsmConnectionRuntime runtime, @Reference AdministratorAuthenticator authenticator) {
        this.runtime = runtime;
        this.authenticator = authenticator;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws java.io.IOException,
            jakarta.servlet.ServletException {
        AuthenticationResult login = authenticator.authenticate(request.getHeader("Authorization"), request.getRemoteAddr());
        if (!login.isAuthenticated()) {
            Challenges.refuse(login, response);
            return;
        }
        super.service(request, response);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType(PrometheusText.CONTENT_TYPE);
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(runtime.prometheusMetrics());
    }
}
