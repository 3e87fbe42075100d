package io.hsmgate.proxy.internal;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Optional;

import javax.net.ssl.X509KeyManager;

import io.hsmgate.model.ConfigurationException;
import io.hsmgate.model.ConfigurationService;
import io.hsmgate.model.ItemType;
import io.hsmgate.model.SshPrivateKey;
import io.hsmgate.model.TlsCertificate;
import io.hsmgate.pkcs11.HsmException;
import io.hsmgate.pkcs11.HsmPrivateKey;
import io.hsmgate.pkcs11.KeyRef;
import io.hsmgate.runtime.RunningHsmConnection;

/**
 * Turns the model's TLS certificates and private keys into what JSSE and MINA need. For a credential in the HSM
 * only references travel: the key manager and the host key source look the key up on the running connection
 * whenever they need it. A credential outside the HSM is read from the store once per start.
 */
final class Credentials {

    private final ConfigurationService configuration;

    Credentials(ConfigurationService configuration) {
        this.configuration = configuration;
    }

    /** A TLS key manager and the check that tells an HSM outage from other handshake failures. */
    record TlsKey(X509KeyManager keyManager, KeyCheck check) {
    }

    TlsKey tls(TlsCertificate certificate, RunningHsmConnection connection) throws GeneralSecurityException {
        if (certificate.storeInHsm()) {
            KeyRef ref = ref(certificate.ckaId(), certificate.ckaLabel());
            X509Certificate[] chain;
            if (certificate.certificateChainPem() != null) {
                chain = SoftwareKeys.chain(certificate.certificateChainPem());
            } else {
                try {
                    chain = new X509Certificate[] {connection.certificate(ref)};
                } catch (HsmException e) {
                    throw new GeneralSecurityException("the certificate of " + ref + " cannot be read from the token: "
                            + e.getMessage(), e);
                }
            }
            return new TlsKey(connection.keyManager("proxy", ref, chain), () -> problem(connection, ref));
        }
        char[] pem = pem(ItemType.TLS_CERTIFICATE, certificate.id());
        try {
            PrivateKey key = SoftwareKeys.privateKey(pem);
            return new TlsKey(new FixedKeyManager("proxy", key, SoftwareKeys.chain(certificate.certificateChainPem())),
                    KeyCheck.SOFTWARE_KEY);
        } finally {
            SoftwareKeys.clear(pem);
        }
    }

    HostKeySource sshHostKey(SshPrivateKey key, RunningHsmConnection connection) throws GeneralSecurityException {
        if (key.storeInHsm()) {
            KeyRef ref = ref(key.ckaId(), key.ckaLabel());
            return () -> {
                try {
                    HsmPrivateKey hsmKey = connection.privateKey(ref);
                    return new KeyPair(hsmKey.publicKey(), hsmKey);
                } catch (HsmException e) {
                    throw new GeneralSecurityException("HSM connection '" + connection.name() + "': " + ref
                            + " cannot be used: " + e.getMessage(), e);
                }
            };
        }
        char[] pem = pem(ItemType.PRIVATE_KEY, key.id());
        try {
            KeyPair pair = SoftwareKeys.sshKeyPair(SoftwareKeys.privateKey(pem));
            return () -> pair;
        } finally {
            SoftwareKeys.clear(pem);
        }
    }

    private static Optional<String> problem(RunningHsmConnection connection, KeyRef ref) {
        try {
            connection.privateKey(ref);
            return Optional.empty();
        } catch (HsmException | RuntimeException e) {
            return Optional.of("HSM connection '" + connection.name() + "': " + ref + ": " + e.getMessage());
        }
    }

    private char[] pem(ItemType type, java.util.UUID id) throws GeneralSecurityException {
        try {
            return configuration.runningPrivateKeyPem(type, id);
        } catch (ConfigurationException e) {
            throw new GeneralSecurityException("the private key of " + type + " " + id + " cannot be read from the"
                    + " store: " + e.getMessage(), e);
        }
    }

    static KeyRef ref(String ckaIdHex, String ckaLabel) {
        return new KeyRef(ckaIdHex == null ? null : HexFormat.of().parseHex(ckaIdHex), ckaLabel);
    }
}
