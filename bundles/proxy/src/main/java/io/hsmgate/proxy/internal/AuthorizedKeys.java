package io.hsmgate.proxy.internal;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.apache.sshd.server.auth.pubkey.PublickeyAuthenticator;
import org.apache.sshd.server.session.ServerSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client keys an SSH listener accepts, parsed by MINA from the OpenSSH lines of the model. Any user name
 * is accepted with an authorized key: the listener grants nothing but the one backend.
 */
final class AuthorizedKeys implements PublickeyAuthenticator {

    private static final Logger LOG = LoggerFactory.getLogger(AuthorizedKeys.class);

    private final List<PublicKey> keys;

    private AuthorizedKeys(List<PublicKey> keys) {
        this.keys = List.copyOf(keys);
    }

    /**
     * Keys MINA cannot read (a type without a provider here, e.g. Ed25519 without an EdDSA provider) are
     * skipped with a warning naming their position, not their content.
     *
     * @throws IllegalArgumentException if no key at all can be used
     */
    static AuthorizedKeys parse(String listener, List<String> lines) {
        List<PublicKey> keys = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            try {
                PublicKey key = PublicKeyEntry.parsePublicKeyEntry(lines.get(i)).resolvePublicKey(null, Map.of(),
                        PublicKeyEntryResolver.FAILING);
                if (key != null) {
                    keys.add(key);
                }
            } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
                LOG.warn("{}: authorizedKeys[{}] cannot be used here and is skipped: {}", listener, i, e.getMessage());
            }
        }
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("none of the " + lines.size() + " authorized keys can be used");
        }
        return new AuthorizedKeys(keys);
    }

    int size() {
        return keys.size();
    }

    boolean contains(PublicKey candidate) {
        return keys.stream().anyMatch(k -> KeyUtils.compareKeys(k, candidate));
    }

    @Override
    public boolean authenticate(String username, PublicKey key, ServerSession session) {
        return contains(key);
    }
}
