package io.hsmgate.rest.internal;

import io.hsmgate.model.ConfigurationService;
import io.hsmgate.runtime.HsmConnectionRuntime;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.HttpWhiteboardConstants;

/**
 * GET /api/v1/health without credentials: {"status":"UP"} and nothing more, for load balancers and
 * orchestrators. Its exact pattern wins over the API servlet's /api/v1/* in the same (default) context. The
 * component is active only while the model and the runtime are, so an answer at all means the API can serve.
 */
@Component(service = Servlet.class,
        reference = {
                @Reference(name = "model", service = ConfigurationService.class),
                @Reference(name = "runtime", service = HsmConnectionRuntime.class)
        },
        property = {
                HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_PATTERN + "=" + RestApi.BASE_PATH + "/health"
        })
public final class HealthServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final byte[] UP = "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8);
    private static final byte[] METHOD_NOT_ALLOWED =
            "{\"error\":\"method-not-allowed\",\"message\":\"use GET\",\"fieldErrors\":[]}".getBytes(StandardCharsets.UTF_8);

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!request.getMethod().equals("GET")) {
            response.setHeader("Allow", "GET");
            send(response, 405, METHOD_NOT_ALLOWED);
        } else {
            send(response, 200, UP);
        }
    }

    private static void send(HttpServletResponse response, int status, byte[] body) throws IOException {
        response.setStatus(status);
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("application/json;charset=UTF-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
