package io.hsmgate.rest.internal;

import io.hsmgate.model.Actor;
import io.hsmgate.model.ConfigurationException;
import io.hsmgate.model.ConfigurationService;
import io.hsmgate.model.HsmConnection;
import io.hsmgate.model.HsmConnectionInput;
import io.hsmgate.model.ItemType;
import io.hsmgate.model.NotFoundException;
import io.hsmgate.model.RunningRevision;
import io.hsmgate.runtime.HsmConnectionRuntime;
import java.util.Optional;
import java.util.UUID;

/**
 * What an operator does with an HSM connection besides editing it: test (saved or unsaved values), validate
 * its credentials, start, stop, restart, and read its status. Start, stop and restart only record the wish and
 * set the runtime going, so they answer 202 with the status at that moment; clients poll the status.
 */
final class ConnectionOperationRoutes {

    /** Changes the runtime state of one connection. */
    @FunctionalInterface
    private interface Operation {
        void apply(UUID id, Actor actor) throws ConfigurationException;
    }

    private final ConfigurationService model;
    private final HsmConnectionRuntime runtime;

    private ConnectionOperationRoutes(ConfigurationService model, HsmConnectionRuntime runtime) {
        this.model = model;
        this.runtime = runtime;
    }

    static void register(Router router, ConfigurationService model, HsmConnectionRuntime runtime) {
        ConnectionOperationRoutes routes = new ConnectionOperationRoutes(model, runtime);
        String item = ItemResources.HSM_CONNECTIONS + "/{id}";
        router.add("POST", ItemResources.HSM_CONNECTIONS + "/test", routes::testUnsaved)
                .add("POST", item + "/test", request -> ApiResponse.ok(runtime.test(request.id(), request.actor())))
                .add("POST", item + "/validate", routes::validate)
                .add("POST", item + "/start", request -> routes.operate(request, runtime::start))
                .add("POST", item + "/stop", request -> routes.operate(request, runtime::stop))
                .add("POST", item + "/restart", request -> routes.operate(request, runtime::restart))
                .add("GET", item + "/status", request -> ApiResponse.ok(routes.status(request.id())));
    }

    private ApiResponse testUnsaved(ApiRequest request) throws Exception {
        try (JsonBody body = request.body()) {
            HsmConnectionInput values = body.as(HsmConnectionInput.class);
            try {
                model.validateConnection(values, false); // bad values are a 400, not a failed test
                return ApiResponse.ok(runtime.test(values, request.actor()));
            } finally {
                ItemResources.wipe(values.pin());
            }
        }
    }

    private ApiResponse validate(ApiRequest request) throws Exception {
        UUID id = request.id();
        requirePushed(id);
        return ApiResponse.ok(runtime.validate(id, request.actor()));
    }

    private ApiResponse operate(ApiRequest request, Operation operation) throws Exception {
        UUID id = request.id();
        requirePushed(id);
        operation.apply(id, request.actor());
        return ApiResponse.accepted(status(id));
    }

    private ConnectionStatusView status(UUID id) throws NotFoundException {
        Optional<ConnectionStatusView> running = runtime.connection(id).map(ConnectionStatusView::of);
        if (running.isPresent()) {
            return running.get();
        }
        HsmConnection saved = model.connection(id).orElseThrow(() -> new NotFoundException(ItemType.HSM_CONNECTION, id));
        return ConnectionStatusView.notPushed(id, saved.name(), model.desiredState(id));
    }

    /**
     * The runtime knows pushed connections only; a saved, unpushed one is a conflict the caller can resolve.
     * A pushed one the runtime has not taken yet is waited for (see {@link RuntimeCatchUp}).
     */
    private void requirePushed(UUID id) throws ApiException, NotFoundException, InterruptedException {
        RunningRevision running = model.running();
        if (running.connection(id).isPresent()) {
            if (runtime.connection(id).isEmpty() && !RuntimeCatchUp.await(runtime, running, RuntimeCatchUp.DEADLINE)) {
                throw new ApiException(503, ErrorBody.NOT_APPLIED,
                        "the runtime has not applied the running configuration yet; try again in a few seconds");
            }
            return;
        }
        if (model.connection(id).isPresent()) {
            throw new ApiException(409, ErrorBody.NOT_PUSHED,
                    "the HSM connection is not in the running configuration yet; push the configuration first");
        }
        throw new NotFoundException(ItemType.HSM_CONNECTION, id);
    }
}
