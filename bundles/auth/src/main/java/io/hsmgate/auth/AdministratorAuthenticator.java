package io.hsmgate.auth;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Checks HTTP Basic credentials against hsmgate's administrator account, and slows down clients that keep
 * failing. Every hsmgate HTTP surface authenticates through this one service; servlets that need
 * authentication can instead select the {@value #API_CONTEXT} whiteboard context, which calls it for them.
 */
@ProviderType
public interface AdministratorAuthenticator {

    /** Name of the HTTP whiteboard servlet context whose handleSecurity requires the administrator. */
    String API_CONTEXT = "hsmgate.api";

    /** The realm sent in WWW-Authenticate challenges. */
    String REALM = "hsmgate";

    /**
     * @param authorizationHeader the request's Authorization header, or null
     * @param client the client's address, used to slow down repeated failures
     * @return the outcome; never echoes the password
     */
    AuthenticationResult authenticate(String authorizationHeader, String client);
}
