package io.hsmgate.auth.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * The user and password of an HTTP Basic Authorization header (RFC 7617, UTF-8). The password stays a
 * {@code char[]} and is cleared by {@link #close()}.
 */
final class BasicCredentials implements AutoCloseable {

    private final String user;
    private final char[] password;

    private BasicCredentials(String user, char[] password) {
        this.user = user;
        this.password = password;
    }

    /** @return the credentials, or null when the header is absent or not well-formed Basic */
    static BasicCredentials parse(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(header.substring(6).trim());
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
            return new BasicCredentials(new String(userAndPassword, 0, colon),
                    Arrays.copyOfRange(userAndPassword, colon + 1, userAndPassword.length));
        } catch (CharacterCodingException e) {
            return null;
        } finally {
            Arrays.fill(decoded, (byte) 0);
            if (userAndPassword != null) {
                Arrays.fill(userAndPassword, '\0');
            }
        }
    }

    String user() {
        return user;
    }

    char[] password() {
        return password;
    }

    @Override
    public void close() {
        Arrays.fill(password, '\0');
    }

    @Override
    public String toString() {
        return "BasicCredentials[user=" + user + "]";
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
}
