package io.hsmgate.rest.internal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.hsmgate.model.Actor;
import io.hsmgate.model.ConfigurationService;
import io.hsmgate.model.RunningRevision;
import io.hsmgate.runtime.HsmConnectionRuntime;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The candidate/running life cycle: where it stands, what a push would change, and the push itself. A push
 * answers once the runtime has taken the new revision (or after {@link RuntimeCatchUp#DEADLINE}), so the
 * connection routes can be used right after it.
 */
final class ConfigurationRoutes {

    /** GET /configuration. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record State(long runningRevision, Instant pushedAt, Actor pushedBy, boolean candidatePending) {
    }

    /** The body of POST /configuration/push; optional, restartAffected defaults to false. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record PushRequest(Boolean restartAffected) {
    }

    /** The answer to a push: the new running revision and the connections restarted because of it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record PushResult(long runningRevision, Instant pushedAt, Actor pushedBy, List<UUID> restarted) {
    }

    private final ConfigurationService model;
    private final HsmConnectionRuntime runtime;

    private ConfigurationRoutes(ConfigurationService model, HsmConnectionRuntime runtime) {
        this.model = model;
        this.runtime = runtime;
    }

    static void register(Router router, ConfigurationService model, HsmConnectionRuntime runtime) {
        ConfigurationRoutes routes = new ConfigurationRoutes(model, runtime);
        router.add("GET", "/configuration", request -> ApiResponse.ok(routes.state()))
                .add("GET", "/configuration/preview", request -> ApiResponse.ok(model.preview()))
                .add("POST", "/configuration/push", routes::push);
    }

    private State state() throws Exception {
        RunningRevision running = model.running();
        return new State(running.number(), running.pushedAt(), running.pushedBy(), model.preview().hasChanges());
    }

    private ApiResponse push(ApiRequest request) throws Exception {
        boolean restartAffected = false;
        if (request.hasBody()) {
            try (JsonBody body = request.body()) {
                restartAffected = Boolean.TRUE.equals(body.as(PushRequest.class).restartAffected());
            }
        }
        RunningRevision revision = model.push(request.actor());
        RuntimeCatchUp.await(runtime, revision, RuntimeCatchUp.DEADLINE);
        List<UUID> restarted = restartAffected ? runtime.restartPending(request.actor()) : List.of();
        return ApiResponse.ok(new PushResult(revision.number(), revision.pushedAt(), revision.pushedBy(), restarted));
    }
}
