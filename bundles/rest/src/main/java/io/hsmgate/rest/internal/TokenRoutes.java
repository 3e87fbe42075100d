package io.hsmgate.rest.internal;

import io.hsmgate.pkcs11.HsmConfigurationException;
import io.hsmgate.runtime.HsmConnectionRuntime;

/**
 * GET /tokens?libraryPath=…: the slots and tokens a PKCS#11 library offers. A path the runtime refuses (not
 * allowed, missing, unsafe) is the caller's to fix, so 400 naming libraryPath; a library that fails is 502.
 */
final class TokenRoutes {

    private TokenRoutes() {
    }

    static void register(Router router, HsmConnectionRuntime runtime) {
        router.add("GET", "/tokens", request -> {
            String libraryPath = request.query("libraryPath").filter(p -> !p.isBlank())
                    .orElseThrow(() -> ApiException.badField("libraryPath", "give the PKCS#11 library path"));
            try {
                return ApiResponse.ok(runtime.tokens(libraryPath).stream().map(TokenView::of).toList());
            } catch (HsmConfigurationException e) {
                throw ApiException.badField("libraryPath", e.getMessage());
            }
        });
    }
}
