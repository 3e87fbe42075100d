package io.hsmgate.rest.internal;

/**
 * What a route answers: a status, a body serialised as JSON (null for none) and, after a create, the
 * Location of the new item.
 */
record ApiResponse(int status, Object body, String location) {

    static ApiResponse ok(Object body) {
        return new ApiResponse(200, body, null);
    }

    static ApiResponse accepted(Object body) {
        return new ApiResponse(202, body, null);
    }

    static ApiResponse created(Object body, String location) {
        return new ApiResponse(201, body, location);
    }

    static ApiResponse noContent() {
        return new ApiResponse(204, null, null);
    }
}
