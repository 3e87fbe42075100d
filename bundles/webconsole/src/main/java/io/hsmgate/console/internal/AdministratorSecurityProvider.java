package io.hsmgate.console.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import org.apache.felix.webconsole.spi.SecurityProvider;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * Authenticates Web Console requests against hsmgate's administrator password with HTTP Basic.
 * The distribution requires this provider ({@code felix.webconsole.security.providers=hsmgate}),
 * so the console is not served at all while it is absent and the Web Console's built-in
 * admin/admin provider never answers a request.
 */
@Component(service = SecurityProvider.class, property = SecurityProvider.PROPERTY_ID + "=" + AdministratorSecurityProvider.ID)
public final class AdministratorSecurityProvider implements SecurityProvider {

    static final String ID = "hsmgate";
    static final String DATA_DIR_PROPERTY = "hsmgate.data.dir";
    private static final String REALM = "hsmgate";

    private final AdminCredentials credentials;

    @Activate
    public AdministratorSecurityProvider(BundleContext context) throws IOException {
        this(AdminCredentials.establish(dataDir(context), passwordFromEnvironment(), System.out, new SecureRandom()));
    }

    AdministratorSecurityProvider(AdminCredentials credentials) {
        this.credentials = credentials;
    }

    @Override
    public Object authenticate(HttpServletRequest request, HttpServletResponse response) {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            String user = verifiedUser(header.substring(6).trim());
            if (user != null) {
                return user;
            }
        }
        challenge(response);
        return null;
    }

    @Override
    public boolean authorize(Object user, String role) {
        return AdminCredentials.USER_NAME.equals(user);
    }

    @Override
    public void logout(HttpServletRequest request, HttpServletResponse response) {
        challenge(response);
    }

    private String verifiedUser(String encoded) {
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            return null;
        }
        char[] userAndPassword = null;
        try {
            userAndPassword = decodeUtf8(decoded);
            int colon = indexOf(userAndPassword, ':');
            if (colon < 0) {
                return null;
            }
            String user = new String(userAndPassword, 0, colon);
            char[] password = Arrays.copyOfRange(userAndPassword, colon + 1, userAndPassword.length);
            try {
                return credentials.verify(user, password) ? user : null;
            } finally {
                Arrays.fill(password, '\0');
            }
        } catch (CharacterCodingException e) {
            return null;
        } finally {
            Arrays.fill(decoded, (byte) 0);
            if (userAndPassword != null) {
                Arrays.fill(userAndPassword, '\0');
            }
        }
    }

    private static char[] decodeUtf8(byte[] bytes) throws CharacterCodingException {
        CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes));
        char[] result = new char[chars.remaining()];
        chars.get(result);
        Arrays.fill(chars.array(), '\0');
        return result;
    }

    private static int indexOf(char[] chars, char wanted) {
        for (int i = 0; i < chars.length; i++) {
            if (chars[i] == wanted) {
                return i;
            }
        }
        return -1;
    }

    private static void challenge(HttpServletResponse response) {
        response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
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
