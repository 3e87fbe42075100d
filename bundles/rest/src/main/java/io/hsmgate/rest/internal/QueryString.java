package io.hsmgate.rest.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Parses the query string alone. The servlet's getParameterMap() would also read a form-encoded body, which
 * the API never accepts and must not consume before refusing it.
 */
final class QueryString {

    private QueryString() {
    }

    /** @throws ApiException (400) for a malformed percent escape */
    static Map<String, String[]> parse(String query) throws ApiException {
        Map<String, String[]> parameters = new HashMap<>();
        if (query == null || query.isEmpty()) {
            return parameters;
        }
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            String[] nameValue = pair.split("=", 2);
            try {
                String name = URLDecoder.decode(nameValue[0], StandardCharsets.UTF_8);
                String value = nameValue.length == 2 ? URLDecoder.decode(nameValue[1], StandardCharsets.UTF_8) : "";
                parameters.merge(name, new String[] {value}, QueryString::concat);
            } catch (IllegalArgumentException e) {
                throw new ApiException(400, ErrorBody.VALIDATION_FAILED, "the query string has a malformed % escape");
            }
        }
        return parameters;
    }

    private static String[] concat(String[] first, String[] second) {
        String[] both = new String[first.length + second.length];
        System.arraycopy(first, 0, both, 0, first.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }
}
