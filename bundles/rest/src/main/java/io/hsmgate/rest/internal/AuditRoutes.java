package io.hsmgate.rest.internal;

import io.hsmgate.model.ConfigurationService;

/** GET /audit?limit=N: the newest audit entries, newest first; secrets are redacted by the model. */
final class AuditRoutes {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    private AuditRoutes() {
    }

    static void register(Router router, ConfigurationService model) {
        router.add("GET", "/audit", request -> ApiResponse.ok(model.auditLog(limit(request))));
    }

    private static int limit(ApiRequest request) throws ApiException {
        if (request.query("limit").isEmpty()) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(request.query("limit").get().strip());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below like an out-of-range number
        }
        throw ApiException.badField("limit", "must be an integer from 1 to " + MAX_LIMIT);
    }
}
