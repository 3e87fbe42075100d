package io.hsmgate.auth.internal;

import io.hsmgate.auth.AdministratorAuthenticator;
import io.hsmgate.auth.AuthenticationResult;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The administrator account as a service: establishes the password under the data dir at activation
 * (generated, or from HSMGATE_ADMIN_PASSWORD) and checks Basic credentials with a per-client throttle.
 */
@Component(service = AdministratorAuthenticator.class)
public final class AdministratorAccount implements AdministratorAuthenticator {

    static final String DATA_DIR_PROPERTY = "hsmgate.data.dir";
    private static final Logger LOG = LoggerFactory.getLogger(AdministratorAccount.class);

    private final AdminCredentials credentials;
    private final LoginThrottle throttle;

    @Activate
    public AdministratorAccount(BundleContext context) throws IOException {
        this(AdminCredentials.establish(dataDir(context), passwordFromEnvironment(), System.out, new SecureRandom()),
                new LoginThrottle(Clock.systemUTC()));
    }

    AdministratorAccount(AdminCredentials credentials, LoginThrottle throttle) {
        this.credentials = credentials;
        this.throttle = throttle;
    }

    @Override
    public AuthenticationResult authenticate(String authorizationHeader, String client) {
        String who = client == null ? "unknown" : client;
        Duration wait = throttle.lockout(who);
        if (!wait.isZero()) {
            return AuthenticationResult.throttled(wait);
        }
        try (BasicCredentials basic = BasicCredentials.parse(authorizationHeader)) {
            if (basic == null) {
                return AuthenticationResult.refused(); // no attempt made: a browser's first request
            }
            if (credentials.verify(basic.user(), basic.password())) {
                throttle.succeeded(who);
                return AuthenticationResult.authenticated(basic.user());
            }
            throttle.failed(who);
            LOG.warn("Failed administrator login from {}", who);
            return AuthenticationResult.refused();
        }
    }

    private static Path dataDir(BundleContext context) {
        String dir = context.getProperty(DATA_DIR_PROPERTY);
        if (dir == null || dir.isBlank()) {
            throw new IllegalStateException("framework property " + DATA_DIR_PROPERTY
                    + " is not set; start hsmgate with bin/hsmgate, which sets it from HSMGATE_DATA_DIR");
        }
        return Path.of(dir);
    }

    private static Optional<char[]> passwordFromEnvironment() {
        String value = System.getenv(AdminCredentials.PASSWORD_ENV);
        return value == null ? Optional.empty() : Optional.of(value.toCharArray());
    }
}
