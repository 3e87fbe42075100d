package io.hsmgate.pkcs11;

import java.security.PrivateKey;
import java.security.PublicKey;

/**
 * A private key that stays in the HSM. It exposes public parameters only (the RSA variant also implements
 * {@link java.security.interfaces.RSAKey}, the EC variant {@link java.security.interfaces.ECKey});
 * {@link #getEncoded()} returns null. Use it with the hsmgate JCA provider's Signature algorithms or
 * {@link Pkcs11Session#sign}.
 */
@org.osgi.annotation.versioning.ProviderType
public interface HsmPrivateKey extends PrivateKey {

    /** @return the reference it was found by */
    KeyRef ref();

    /** @return the connection that signs with it */
    TokenConnection connection();

    /** @return the matching public key, read from the token's public key object or certificate */
    PublicKey publicKey();

    /** @return the key size in bits (RSA modulus or EC field size) */
    int bitLength();

    /**
     * @return the object handle, valid for the connection's current login epoch; looked up again when stale
     * @throws HsmException if the key is gone or the token cannot be reached
     */
    long handle() throws HsmException;
}
