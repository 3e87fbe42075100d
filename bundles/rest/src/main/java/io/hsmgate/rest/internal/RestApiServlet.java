package io.hsmgate.rest.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hsmgate.auth.AdministratorAuthenticator;
import io.hsmgate.auth.AuthenticationResult;
import io.hsmgate.auth.Challenges;
import io.hsmgate.model.Actor;
import io.hsmgate.model.ConfigurationService;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The REST API at /api/v1: one dispatcher over the route table of {@link RestApi}. Every request is
 * authenticated first, through the one {@link AdministratorAuthenticator} of hsmgate, before any routing, so an
 * unknown path reveals nothing either; the authenticated user is the audit actor of every change.
 * <p>
 * It sits in the default servlet context and authenticates itself so that the unauthenticated health endpoint
 * can share the /api/v1 prefix: within one context the exact pattern /api/v1/health wins over /api/v1/* by the
 * servlet rules, with no reliance on how the whiteboard orders contexts.
 */
@Component(service = Servlet.class, property = {
        HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_PATTERN + "=" + RestApi.BASE_PATH + "/*"
})
public final class RestApiServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(RestApiServlet.class);

    private final transient AdministratorAuthenticator authenticator;
    private final transient Router router;
    private final transient ObjectMapper mapper;
    private final transient BodyReader bodies;

    /**
     * The runtime comes first on purpose: SCR gets constructor references in order, and getting the model first
     * activates it, whose listener reference then activates the runtime, which needs the model being activated:
     * "ServiceFactory.getService() resulted in a cycle", and the runtime stays failed (seen in about one start in
     * five). Getting the runtime first activates it before the model, a cycle SCR resolves.
     */
    @Activate
    public RestApiServlet(@Reference HsmConnectionRuntime runtime, @Reference ConfigurationService model,
                          @Reference AdministratorAuthenticator authenticator) {
        this(authenticator, RestApi.routes(model, runtime), ApiJson.mapper(), BodyReader.DEFAULT_LIMIT);
    }

    RestApiServlet(AdministratorAuthenticator authenticator, Router router, ObjectMapper mapper, int bodyLimit) {
        this.authenticator = authenticator;
        this.router = router;
        this.mapper = mapper;
        this.bodies = new BodyReader(mapper, bodyLimit);
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        AuthenticationResult login = authenticator.authenticate(request.getHeader("Authorization"), request.getRemoteAddr());
        if (!login.isAuthenticated()) {
            Challenges.refuse(login, response);
            return;
        }
        String method = request.getMethod();
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        boolean[] bodyRead = {false};
        if (hasBody(request)) {
            // Answered before its body was read in full (refused, or a route that takes none), the connection
            // cannot carry another request: the rest of the body would be read as one. Until the body is read,
            // the answer says so, and clients open a new connection.
            response.setHeader("Connection", "close");
        }
        try {
            Router.Match match = router.resolve(method, path);
            ApiRequest api = new ApiRequest(Actor.of(login.user()), request.getContextPath() + request.getServletPath(),
                    match.variables(), QueryString.parse(request.getQueryString()), hasBody(request), () -> {
                        JsonBody body = bodies.read(request.getContentType(), request.getContentLengthLong(),
                                request::getInputStream);
                        bodyRead[0] = true;
                        return body;
                    });
            ApiResponse answer = match.route().handler().handle(api);
            keepAliveIfRead(response, bodyRead[0]);
            write(response, answer);
        } catch (Router.MethodNotAllowed e) {
            response.setHeader("Allow", e.allow());
            fail(response, e, method, path);
        } catch (Exception | LinkageError e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt(); // the server is stopping; answer and let the thread end
            }
            keepAliveIfRead(response, bodyRead[0]);
            fail(response, e, method, path);
        }
    }

    /** Whether the client sent a body: a declared length above zero, a chunked one, or at least a type. */
    private static boolean hasBody(HttpServletRequest request) {
        return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null
                || request.getContentType() != null;
    }

    private void write(HttpServletResponse response, ApiResponse answer) throws IOException {
        response.setStatus(answer.status());
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        if (answer.location() != null) {
            response.setHeader("Location", answer.location());
        }
        if (answer.body() != null) {
            byte[] json = mapper.writeValueAsBytes(answer.body());
            response.setContentType("application/json;charset=UTF-8");
            response.setContentLength(json.length);
            response.getOutputStream().write(json);
        }
    }

    private void fail(HttpServletResponse response, Throwable failure, String method, String path) throws IOException {
        ErrorMapper.Answer answer = ErrorMapper.map(failure, method, path);
        if (response.isCommitted()) {
            LOG.warn("{} {} failed after the answer was sent: {}", method, path, answer.body().message());
            return;
        }
        response.resetBuffer();
        write(response, new ApiResponse(answer.status(), answer.body(), null));
    }

    private static void keepAliveIfRead(HttpServletResponse response, boolean bodyRead) {
        if (bodyRead && "close".equals(response.getHeader("Connection"))) {
            response.setHeader("Connection", null);
        }
    }
}
