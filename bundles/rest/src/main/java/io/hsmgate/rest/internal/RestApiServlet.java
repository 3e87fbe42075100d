package io.hsmgate.rest.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hsmgate.auth.AdministratorAuthenticator;
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
import org.osgi.service.servlet.context.ServletContextHelper;
import org.osgi.service.servlet.whiteboard.HttpWhiteboardConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The REST API at /api/v1: one dispatcher over the route table of {@link RestApi}. It lives in the
 * authenticated hsmgate API context, so no request gets here without the administrator's credentials; the
 * user the context authenticated is the audit actor of every change.
 */
@Component(service = Servlet.class, property = {
        HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_PATTERN + "=" + RestApi.BASE_PATH + "/*",
        HttpWhiteboardConstants.HTTP_WHITEBOARD_CONTEXT_SELECT + "=(" + HttpWhiteboardConstants.HTTP_WHITEBOARD_CONTEXT_NAME
                + "=" + AdministratorAuthenticator.API_CONTEXT + ")"
})
public final class RestApiServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(RestApiServlet.class);

    private final transient Router router;
    private final transient ObjectMapper mapper;
    private final transient BodyReader bodies;

    @Activate
    public RestApiServlet(@Reference ConfigurationService model, @Reference HsmConnectionRuntime runtime) {
        this(RestApi.routes(model, runtime), ApiJson.mapper(), BodyReader.DEFAULT_LIMIT);
    }

    RestApiServlet(Router router, ObjectMapper mapper, int bodyLimit) {
        this.router = router;
        this.mapper = mapper;
        this.bodies = new BodyReader(mapper, bodyLimit);
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
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
            ApiRequest api = new ApiRequest(actor(request), request.getContextPath() + request.getServletPath(),
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
            keepAliveIfRead(response, bodyRead[0]);
            fail(response, e, method, path);
        }
    }

    private static Actor actor(HttpServletRequest request) throws ApiException {
        Object user = request.getAttribute(ServletContextHelper.REMOTE_USER);
        if (user == null) {
            // only if the servlet were registered outside the API context: refuse rather than act anonymously
            throw new ApiException(401, "unauthorized", "authentication required");
        }
        return Actor.of(user.toString());
    }

    private static boolean hasBody(HttpServletRequest request) {
        return request.getContentType() != null || request.getContentLengthLong() != 0;
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
