package io.hsmgate.pkcs11;

import java.util.List;

/**
 * A session lent by {@link TokenConnection#withSession(SessionWork)}. Not thread-safe; valid only inside the
 * loan. An operation left unfinished by an exception is never returned to the pool as it is.
 */
public interface Pkcs11Session {

    /** @return the PKCS#11 session handle */
    long handle();

    /**
     * Signs in the HSM.
     *
     * @param key the private key (from {@link TokenConnection#privateKey(KeyRef)})
     * @param mechanism the mechanism
     * @param hash the hash of the message, made with {@link SigningMechanism#hash()}
     * @return the signature: PKCS#1 / PSS bytes, or a DER ECDSA-Sig-Value for ECDSA
     * @throws UnsupportedMechanismException if the key or token cannot use {@code mechanism}
     * @throws HsmException when C_SignInit or C_Sign fail
     */
    byte[] sign(HsmPrivateKey key, SigningMechanism mechanism, byte[] hash) throws HsmException;

    /**
     * Finds object handles by class, CKA_ID and/or CKA_LABEL (C_FindObjectsInit / C_FindObjects in bounded
     * batches / C_FindObjectsFinal, always finalised).
     *
     * @param objectClass a CKO_ value, or -1 for any
     * @param ref the id and/or label to match, or null for all objects of the class
     * @return the handles found (valid for the current login)
     * @throws HsmException when the search fails
     */
    List<Long> findObjects(long objectClass, KeyRef ref) throws HsmException;

    /**
     * Asks the token for random bytes (C_GenerateRandom); a connection test uses it to prove the token works
     * beyond login.
     *
     * @param length how many bytes, 1 to 1024
     * @return the bytes
     * @throws HsmException when C_GenerateRandom fails
     */
    byte[] generateRandom(int length) throws HsmException;
}
