package io.hsmgate.rest.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The route table: a method and a path template such as {@code /hsm-connections/{id}/test} per handler.
 * A path no template matches is a 404; a path that matches only under other methods is a 405 naming them.
 * Where templates overlap, literal segments win over variables ({@code /hsm-connections/test} over
 * {@code /hsm-connections/{id}}).
 */
final class Router {

    /** Handles one matched request. */
    @FunctionalInterface
    interface Handler {
        ApiResponse handle(ApiRequest request) throws Exception;
    }

    record Route(String method, String template, List<String> segments, Handler handler) {

        int literals() {
            return (int) segments.stream().filter(s -> !isVariable(s)).count();
        }
    }

    /** A matched route and the values of its path variables. */
    record Match(Route route, Map<String, String> variables) {
    }

    private final List<Route> routes = new ArrayList<>();

    Router add(String method, String template, Handler handler) {
        routes.add(new Route(method, template, segments(template), handler));
        return this;
    }

    /**
     * @return the route for this method and path
     * @throws ApiException 404 when no template matches the path, 405 (listing the allowed methods) when only
     *         other methods do
     */
    Match resolve(String method, String path) throws ApiException {
        List<String> requested = segments(path == null ? "" : path);
        List<Match> matches = new ArrayList<>();
        for (Route route : routes) {
            bind(route, requested).ifPresent(matches::add);
        }
        if (matches.isEmpty()) {
            throw ApiException.notFound("no such resource: " + (path == null || path.isEmpty() ? "/" : path));
        }
        Optional<Match> exact = matches.stream().filter(m -> m.route().method().equals(method))
                .max(Comparator.comparingInt(m -> m.route().literals()));
        if (exact.isPresent()) {
            return exact.get();
        }
        throw new MethodNotAllowed(method, allowed(matches));
    }

    private static String allowed(List<Match> matches) {
        TreeSet<String> methods = new TreeSet<>();
        matches.forEach(m -> methods.add(m.route().method()));
        return String.join(", ", methods);
    }

    private static Optional<Match> bind(Route route, List<String> requested) {
        if (route.segments().size() != requested.size()) {
            return Optional.empty();
        }
        Map<String, String> variables = new HashMap<>();
        for (int i = 0; i < requested.size(); i++) {
            String expected = route.segments().get(i);
            String actual = requested.get(i);
            if (isVariable(expected)) {
                variables.put(expected.substring(1, expected.length() - 1), actual);
            } else if (!expected.equals(actual)) {
                return Optional.empty();
            }
        }
        return Optional.of(new Match(route, variables));
    }

    private static boolean isVariable(String segment) {
        return segment.startsWith("{") && segment.endsWith("}");
    }

    private static List<String> segments(String path) {
        List<String> segments = new ArrayList<>();
        for (String segment : path.split("/")) {
            if (!segment.isEmpty()) {
                segments.add(segment);
            }
        }
        return segments;
    }

    /** 405, with the methods the path does accept for the Allow header. */
    static final class MethodNotAllowed extends ApiException {

        private static final long serialVersionUID = 1L;

        private final String allow;

        MethodNotAllowed(String method, String allow) {
            super(405, ErrorBody.METHOD_NOT_ALLOWED, method + " is not allowed here; use " + allow);
            this.allow = allow;
        }

        String allow() {
            return allow;
        }
    }
}
