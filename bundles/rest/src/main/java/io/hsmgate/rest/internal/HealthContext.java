package io.hsmgate.rest.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.context.ServletContextHelper;
import org.osgi.service.servlet.whiteboard.HttpWhiteboardConstants;

/**
 * An unauthenticated servlet context just for /api/v1/health. The whiteboard tries contexts with longer
 * paths first, so this one answers before the authenticated API context at "/" sees the request.
 */
@Component(service = ServletContextHelper.class, property = {
        HttpWhiteboardConstants.HTTP_WHITEBOARD_CONTEXT_NAME + "=" + HealthContext.NAME,
        HttpWhiteboardConstants.HTTP_WHITEBOARD_CONTEXT_PATH + "=" + HealthContext.PATH
})
public final class HealthContext extends ServletContextHelper {

    static final String NAME = "hsmgate.health";
    static final String PATH = RestApi.BASE_PATH + "/health";
}
