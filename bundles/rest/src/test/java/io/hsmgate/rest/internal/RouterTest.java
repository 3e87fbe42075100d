package io.hsmgate.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RouterTest {

    private final Router router = new Router()
            .add("GET", "/hsm-connections", request -> ApiResponse.ok("list"))
            .add("POST", "/hsm-connections", request -> ApiResponse.ok("create"))
            .add("GET", "/hsm-connections/{id}", request -> ApiResponse.ok("read"))
            .add("DELETE", "/hsm-connections/{id}", request -> ApiResponse.ok("delete"))
            .add("POST", "/hsm-connections/test", request -> ApiResponse.ok("test unsaved"))
            .add("POST", "/hsm-connections/{id}/test", request -> ApiResponse.ok("test saved"));

    @Test
    void bindsPathVariables() throws Exception {
        Router.Match match = router.resolve("GET", "/hsm-connections/42");
        assertEquals("/hsm-connections/{id}", match.route().template());
        assertEquals("42", match.variables().get("id"));
        assertEquals("test saved", router.resolve("POST", "/hsm-connections/7/test").route().handler().handle(null).body());
    }

    @Test
    void literalSegmentsWinOverVariables() throws Exception {
        assertEquals("/hsm-connections/test", router.resolve("POST", "/hsm-connections/test").route().template());
        assertEquals("/hsm-connections/{id}", router.resolve("GET", "/hsm-connections/test").route().template());
    }

    @Test
    void toleratesTrailingAndDoubleSlashes() throws Exception {
        assertEquals("/hsm-connections", router.resolve("GET", "/hsm-connections/").route().template());
        assertEquals("/hsm-connections/{id}", router.resolve("GET", "//hsm-connections//9").route().template());
    }

    @Test
    void unknownPathIs404() {
        ApiException e = assertThrows(ApiException.class, () -> router.resolve("GET", "/hsm-connection"));
        assertEquals(404, e.status());
        assertEquals(404, assertThrows(ApiException.class, () -> router.resolve("GET", "")).status());
        assertEquals(404, assertThrows(ApiException.class, () -> router.resolve("GET", "/hsm-connections/1/2/3")).status());
    }

    @Test
    void knownPathWithAnotherMethodIs405NamingTheAllowedOnes() {
        Router.MethodNotAllowed e = assertThrows(Router.MethodNotAllowed.class, () -> router.resolve("PUT", "/hsm-connections"));
        assertEquals(405, e.status());
        assertEquals("GET, POST", e.allow());
        assertEquals("DELETE, GET", assertThrows(Router.MethodNotAllowed.class,
                () -> router.resolve("PATCH", "/hsm-connections/1")).allow());
    }
}
