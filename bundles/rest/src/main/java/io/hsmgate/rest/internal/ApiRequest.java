package io.hsmgate.rest.internal;

import io.hsmgate.model.Actor;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * One API request as the routes see it: the authenticated actor, path variables, query parameters and the
 * JSON body, read on demand. {@code basePath} is the URL prefix of the API, for Location headers.
 */
final class ApiRequest {

    /** Reads the request body once a route asks for it. */
    @FunctionalInterface
    interface BodySource {
        JsonBody open() throws ApiException, IOException;
    }

    private final Actor actor;
    private final String basePath;
    private final Map<String, String> variables;
    private final Map<String, String[]> query;
    private final BodySource body;
    private final boolean hasBody;

    ApiRequest(Actor actor, String basePath, Map<String, String> variables, Map<String, String[]> query,
               boolean hasBody, BodySource body) {
        this.actor = actor;
        this.basePath = basePath;
        this.variables = Map.copyOf(variables);
        this.query = query;
        this.hasBody = hasBody;
        this.body = body;
    }

    Actor actor() {
        return actor;
    }

    /** @return the absolute path of {@code relative} under the API, e.g. "/api/v1/hsm-connections/…" */
    String location(String relative) {
        return basePath + relative;
    }

    /**
     * The path variable {@code id} as a UUID; an id that is not a UUID names no item, so it is a 404.
     */
    UUID id() throws ApiException {
        String raw = variables.get("id");
        try {
            return UUID.fromString(raw);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ApiException.notFound("no item with id " + raw);
        }
    }

    Optional<String> query(String name) {
        String[] values = query.get(name);
        return values == null || values.length == 0 ? Optional.empty() : Optional.of(values[0]);
    }

    /** Whether the client sent a body (a Content-Type, a length above zero, or a chunked one). */
    boolean hasBody() {
        return hasBody;
    }

    /** @return the body, to be closed by the caller so its bytes are overwritten */
    JsonBody body() throws ApiException, IOException {
        return body.open();
    }
}
