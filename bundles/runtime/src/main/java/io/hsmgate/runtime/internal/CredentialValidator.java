package io.hsmgate.runtime.internal;

import io.hsmgate.model.HsmConnection;
import io.hsmgate.model.RunningRevision;
import io.hsmgate.model.SshPrivateKey;
import io.hsmgate.model.TlsCertificate;
import io.hsmgate.model.UserType;
import io.hsmgate.pkcs11.HsmException;
import io.hsmgate.pkcs11.HsmPrivateKey;
import io.hsmgate.pkcs11.KeyRef;
import io.hsmgate.pkcs11.ObjectDescription;
import io.hsmgate.pkcs11.TokenConnection;
import io.hsmgate.runtime.CredentialCheck;
import io.hsmgate.runtime.ValidationReport;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * Checks that every HSM-held private key and TLS certificate of a running connection can really sign:
 * exactly one private key found, its type and size, CKA_SIGN, a test signature that verifies with the
 * public key, the certificate found and matching the key, and its validity.
 */
final class CredentialValidator {

    private static final Duration EXPIRY_WARNING = Duration.ofDays(30);
    private static final String SO_WARNING = "the connection logs in as security officer (SO): most tokens do not "
            + "let a security officer use private keys; log in as normal user";

    private final RuntimeContext context;
    private final SecureRandom random = new SecureRandom();

    CredentialValidator(RuntimeContext context) {
        this.context = context;
    }

    ValidationReport validate(ConnectionSupervisor supervisor, RunningRevision revision) {
        HsmConnection connection = supervisor.settings();
        List<String> warnings = new ArrayList<>();
        if (connection.authenticate() && connection.userType() == UserType.SO) {
            warnings.add(SO_WARNING);
        }
        Generation g = supervisor.current();
        List<CredentialCheck> checks = new ArrayList<>();
        for (SshPrivateKey key : revision.privateKeys()) {
            if (key.storeInHsm() && connection.id().equals(key.hsmConnectionId())) {
                checks.add(check("private key", key.id(), key.name(), ref(key.ckaId(), key.ckaLabel()), false, g, warnings));
            }
        }
        for (TlsCertificate cert : revision.tlsCertificates()) {
            if (cert.storeInHsm() && connection.id().equals(cert.hsmConnectionId())) {
                checks.add(check("TLS certificate", cert.id(), cert.name(), ref(cert.ckaId(), cert.ckaLabel()), true, g, warnings));
            }
        }
        if (g == null) {
            warnings.add("the connection is " + supervisor.status().state() + ": start it to validate its credentials");
        }
        boolean ok = g != null && checks.stream().allMatch(CredentialCheck::ok);
        return new ValidationReport(ok, checks, warnings);
    }

    private CredentialCheck check(String type, UUID id, String name, KeyRef ref, boolean needsCertificate, Generation g,
            List<String> connectionWarnings) {
        List<String> problems = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        if (g == null) {
            problems.add("not checked: the connection is not running");
            return new CredentialCheck(type, id, name, false, null, 0, problems, warnings);
        }
        if (connectionWarnings.contains(SO_WARNING)) {
            warnings.add(SO_WARNING);
        }
        TokenConnection tc = g.connection();
        HsmPrivateKey key;
        try {
            key = tc.privateKey(ref);
        } catch (HsmException e) {
            problems.add("private key: " + e.getMessage());
            return new CredentialCheck(type, id, name, false, null, 0, problems, warnings);
        }
        String keyType = key.getAlgorithm();
        int keySize = key.bitLength();
        checkSignFlag(tc, ref, problems);
        PublicKey publicKey = key.publicKey();
        if (needsCertificate) {
            try {
                X509Certificate certificate = tc.certificate(ref);
                if (!Arrays.equals(certificate.getPublicKey().getEncoded(), publicKey.getEncoded())) {
                    problems.add("certificate: its public key does not match the private key");
                }
                checkValidity(certificate, problems, warnings);
                publicKey = certificate.getPublicKey();
            } catch (HsmException e) {
                problems.add("certificate: " + e.getMessage());
            }
        }
        testSignature(key, publicKey, problems);
        return new CredentialCheck(type, id, name, problems.isEmpty(), keyType, keySize, problems, warnings);
    }

    private static void checkSignFlag(TokenConnection tc, KeyRef ref, List<String> problems) {
        try {
            for (ObjectDescription o : tc.listObjects()) {
                if (o.type().toLowerCase().contains("private") && matches(o, ref) && Boolean.FALSE.equals(o.sign())) {
                    problems.add("private key: CKA_SIGN is false, the token will refuse to sign with it");
                }
            }
        } catch (HsmException e) {
            problems.add("object listing failed: " + e.getMessage());
        }
    }

    private static boolean matches(ObjectDescription o, KeyRef ref) {
        boolean idOk = ref.idHex() == null || ref.idHex().equalsIgnoreCase(o.idHex());
        boolean labelOk = ref.label() == null || ref.label().equals(o.label());
        return idOk && labelOk;
    }

    private void checkValidity(X509Certificate certificate, List<String> problems, List<String> warnings) {
        Instant now = context.clock().instant();
        Instant notAfter = certificate.getNotAfter().toInstant();
        if (now.isBefore(certificate.getNotBefore().toInstant())) {
            problems.add("certificate: not valid before " + certificate.getNotBefore().toInstant());
        } else if (now.isAfter(notAfter)) {
            problems.add("certificate: expired on " + notAfter);
        } else if (now.plus(EXPIRY_WARNING).isAfter(notAfter)) {
            warnings.add("certificate: expires on " + notAfter + ", within 30 days");
        }
    }

    private void testSignature(HsmPrivateKey key, PublicKey publicKey, List<String> problems) {
        String algorithm = "EC".equals(key.getAlgorithm()) ? "SHA256withECDSA" : "SHA256withRSA";
        byte[] data = new byte[64];
        random.nextBytes(data);
        try {
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(data);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(publicKey);
            verifier.update(data);
            if (!verifier.verify(signature)) {
                problems.add("test signature: made in the HSM but does not verify with the public key");
            }
        } catch (GeneralSecurityException | RuntimeException e) {
            problems.add("test signature: " + e.getMessage());
        }
    }

    private static KeyRef ref(String ckaIdHex, String ckaLabel) {
        return new KeyRef(ckaIdHex == null || ckaIdHex.isBlank() ? null : HexFormat.of().parseHex(ckaIdHex),
                ckaLabel == null || ckaLabel.isBlank() ? null : ckaLabel);
    }
}
