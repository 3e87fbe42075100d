package io.hsmgate.auth;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Checks HTTP Basic credentials against hsmgate's administrator account, and slows down clients that keep
 * failing. Every hsmgate HTTP surface authenticates through this one service (servlets answer a refusal with
 * {@link Challenges#refuse}).
 */
@ProviderType
public interface AdministratorAuthenticator {

    /** The realm sent in WWW-Authenticate challenges. */
    String REALM = "hsmgate";

    /**
     * @param authorizationHeader the request's Authorization header, or null
     * @param client the client's address, used to slow down repeated failures
     * @return the outcome; never echoes the password
     */
    AuthenticationResult authenticate(String authorizationHeader, String client);
}
