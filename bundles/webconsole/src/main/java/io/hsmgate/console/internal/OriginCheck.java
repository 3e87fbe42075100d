package io.hsmgate.console.internal;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * A second line against cross-site requests next to {@link CsrfTokens}: when the browser says where a POST
 * comes from (Origin, else Referer), it must be this server as the browser addressed it (scheme and Host header).
 */
final class OriginCheck {

    private OriginCheck() {
    }

    /**
     * @param origin the Origin header, or null
     * @param referer the Referer header, or null
     * @param scheme the request's scheme
     * @param host the request's Host header (host and port as the browser addressed the server)
     * @return why the request is refused, or empty when it may proceed
     */
    static Optional<String> problem(String origin, String referer, String scheme, String host) {
        if (host == null || host.isBlank()) {
            return Optional.of("the request has no Host header");
        }
        String expected = (scheme + "://" + host).toLowerCase(Locale.ROOT);
        if (origin != null) {
            return origin.toLowerCase(Locale.ROOT).equals(expected) ? Optional.empty()
                    : Optional.of("the request comes from another origin (" + origin + "), not " + expected);
        }
        if (referer != null) {
            String from = originOf(referer);
            return expected.equals(from) ? Optional.empty()
                    : Optional.of("the request was sent from a page of another origin, not " + expected);
        }
        return Optional.empty();
    }

    private static String originOf(String url) {
        try {
            URI uri = URI.create(url);
            if (uri.getScheme() == null || uri.getHost() == null) {
                return "";
            }
            return (uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort()))
                    .toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
