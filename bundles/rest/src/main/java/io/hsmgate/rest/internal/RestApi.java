package io.hsmgate.rest.internal;

import io.hsmgate.model.ConfigurationService;
import io.hsmgate.runtime.HsmConnectionRuntime;

/** The route table of /api/v1, in one place so it reads like the documentation (docs/api.md). */
final class RestApi {

    static final String BASE_PATH = "/api/v1";

    private RestApi() {
    }

    static Router routes(ConfigurationService model, HsmConnectionRuntime runtime) {
        Router router = new Router();
        ItemRoutes.register(router, ItemResources.connections(model));
        ConnectionOperationRoutes.register(router, model, runtime);
        ItemRoutes.register(router, ItemResources.privateKeys(model));
        ItemRoutes.register(router, ItemResources.tlsCertificates(model));
        ItemRoutes.register(router, ItemResources.proxyServers(model));
        TokenRoutes.register(router, runtime);
        ConfigurationRoutes.register(router, model, runtime);
        AuditRoutes.register(router, model);
        return router;
    }
}
