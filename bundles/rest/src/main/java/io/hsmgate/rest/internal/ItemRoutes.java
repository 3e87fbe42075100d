package io.hsmgate.rest.internal;

import io.hsmgate.model.NotFoundException;
import java.util.UUID;

/**
 * The CRUD routes of one item kind: GET and POST on the collection, GET, PUT and DELETE on an item.
 * PUT carries the {@code version} it was based on; DELETE takes it as an optional {@code ?version=} query
 * parameter (without one, the current version is used, making the delete unconditional).
 */
final class ItemRoutes<T, I> {

    private final ItemResource<T, I> resource;

    private ItemRoutes(ItemResource<T, I> resource) {
        this.resource = resource;
    }

    static <T, I> void register(Router router, ItemResource<T, I> resource) {
        ItemRoutes<T, I> routes = new ItemRoutes<>(resource);
        String collection = resource.path();
        String item = collection + "/{id}";
        router.add("GET", collection, request -> ApiResponse.ok(resource.list().get()))
                .add("POST", collection, routes::create)
                .add("GET", item, routes::read)
                .add("PUT", item, routes::update)
                .add("DELETE", item, routes::delete);
    }

    private ApiResponse read(ApiRequest request) throws Exception {
        UUID id = request.id();
        return ApiResponse.ok(resource.read().apply(id).orElseThrow(() -> new NotFoundException(resource.type(), id)));
    }

    private ApiResponse create(ApiRequest request) throws Exception {
        try (JsonBody body = request.body()) {
            I input = body.as(resource.inputType());
            try {
                T created = resource.create().create(input, request.actor());
                String location = request.location(resource.path() + "/" + resource.idOf().apply(created));
                return ApiResponse.created(created, location);
            } finally {
                resource.wipeSecrets().accept(input);
            }
        }
    }

    private ApiResponse update(ApiRequest request) throws Exception {
        UUID id = request.id();
        if (resource.read().apply(id).isEmpty()) {
            throw new NotFoundException(resource.type(), id); // 404 before any complaint about the body
        }
        try (JsonBody body = request.body()) {
            long version = body.version();
            I input = body.as(resource.inputType());
            try {
                return ApiResponse.ok(resource.update().update(id, version, input, request.actor()));
            } finally {
                resource.wipeSecrets().accept(input);
            }
        }
    }

    private ApiResponse delete(ApiRequest request) throws Exception {
        UUID id = request.id();
        T current = resource.read().apply(id).orElseThrow(() -> new NotFoundException(resource.type(), id));
        long version = resource.versionOf().apply(current);
        if (request.query("version").isPresent()) {
            try {
                version = Long.parseLong(request.query("version").get());
            } catch (NumberFormatException e) {
                throw ApiException.badField("version", "must be an integer");
            }
        }
        resource.delete().delete(id, version, request.actor());
        return ApiResponse.noContent();
    }
}
