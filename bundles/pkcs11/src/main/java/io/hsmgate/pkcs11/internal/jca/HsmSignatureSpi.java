package io.hsmgate.pkcs11.internal.jca;

import io.hsmgate.pkcs11.HsmException;
import io.hsmgate.pkcs11.SigningMechanism;
import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidKeyException;
import java.security.InvalidParameterException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.ProviderException;
import java.security.PublicKey;
import java.security.SignatureException;
import java.security.SignatureSpi;
import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;

/**
 * Signature with an HSM key: the message is hashed in the JVM, the hash is signed in the HSM (PKCS#1 v1.5 with
 * DigestInfo, PSS, or ECDSA). Verification is left to the JDK's providers (only HSM keys are accepted here).
 */
public class HsmSignatureSpi extends SignatureSpi {
    private final String family; // "RSA", "RSASSA-PSS" or "EC"
    private MessageDigest digest;
    private SigningMechanism mechanism;
    private TokenKey key;

    HsmSignatureSpi(String family, String hash) {
        this.family = family;
        if (hash != null) {
            useHash(hash);
        }
    }

    private void useHash(String hash) {
        try {
            digest = MessageDigest.getInstance(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new ProviderException(e);
        }
        mechanism = switch (family + "/" + hash) {
            case "RSA/SHA-256" -> SigningMechanism.RSA_PKCS1_SHA256;
            case "RSA/SHA-384" -> SigningMechanism.RSA_PKCS1_SHA384;
            case "RSA/SHA-512" -> SigningMechanism.RSA_PKCS1_SHA512;
            case "RSASSA-PSS/SHA-256" -> SigningMechanism.RSA_PSS_SHA256;
            case "RSASSA-PSS/SHA-384" -> SigningMechanism.RSA_PSS_SHA384;
            case "RSASSA-PSS/SHA-512" -> SigningMechanism.RSA_PSS_SHA512;
            default -> SigningMechanism.ECDSA;
        };
    }

    @Override
    protected void engineInitSign(PrivateKey privateKey) throws InvalidKeyException {
        if (!(privateKey instanceof TokenKey k) || k.isEc() != family.equals("EC")) {
            throw new InvalidKeyException("only hsmgate HSM " + (family.equals("EC") ? "EC" : "RSA") + " keys");
        }
        this.key = k;
        if (digest != null) {
            digest.reset();
        }
    }

    @Override
    protected void engineInitVerify(PublicKey publicKey) throws InvalidKeyException {
        throw new InvalidKeyException("hsmgate signs only; verify with the JDK providers");
    }

    @Override
    protected void engineSetParameter(AlgorithmParameterSpec params) throws InvalidAlgorithmParameterException {
        if (!family.equals("RSASSA-PSS")) {
            if (params == null) {
                return;
            }
            throw new InvalidAlgorithmParameterException("no parameters for " + family);
        }
        if (!(params instanceof PSSParameterSpec pss)) {
            throw new InvalidAlgorithmParameterException("RSASSA-PSS needs a PSSParameterSpec");
        }
        String hash = pss.getDigestAlgorithm();
        int hashLength = switch (hash) {
            case "SHA-256" -> 32;
            case "SHA-384" -> 48;
            case "SHA-512" -> 64;
            default -> throw new InvalidAlgorithmParameterException("unsupported PSS digest " + hash);
        };
        if (!"MGF1".equalsIgnoreCase(pss.getMGFAlgorithm()) || !(pss.getMGFParameters() instanceof MGF1ParameterSpec mgf)
                || !mgf.getDigestAlgorithm().equals(hash) || pss.getSaltLength() != hashLength
                || pss.getTrailerField() != 1) {
            throw new InvalidAlgorithmParameterException("PSS with " + hash
                    + " needs MGF1 with the same hash and a salt as long as the hash");
        }
        useHash(hash);
    }

    @Override
    protected void engineUpdate(byte b) {
        requireReady();
        digest.update(b);
    }

    @Override
    protected void engineUpdate(byte[] b, int off, int len) {
        requireReady();
        digest.update(b, off, len);
    }

    private void requireReady() {
        if (digest == null) {
            throw new IllegalStateException("set the PSS parameters before signing");
        }
    }

    @Override
    protected byte[] engineSign() throws SignatureException {
        if (key == null) {
            throw new SignatureException("not initialised for signing");
        }
        requireReady();
        byte[] hash = digest.digest();
        SigningMechanism m = mechanism;
        TokenKey k = key;
        try {
            return k.connection().withSession(s -> s.sign(k, m, hash));
        } catch (HsmException e) {
            throw new SignatureException("signing in the HSM failed: " + e.getMessage(), e);
        }
    }

    @Override
    protected boolean engineVerify(byte[] sigBytes) throws SignatureException {
        throw new SignatureException("hsmgate signs only");
    }

    @Override
    @Deprecated
    protected void engineSetParameter(String param, Object value) {
        throw new InvalidParameterException("no string parameters");
    }

    @Override
    @Deprecated
    protected Object engineGetParameter(String param) {
        return null;
    }
}
