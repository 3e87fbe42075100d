package io.hsmgate.pkcs11.internal.token;

import com.sun.jna.Memory;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import io.hsmgate.pkcs11.HsmException;
import io.hsmgate.pkcs11.HsmPrivateKey;
import io.hsmgate.pkcs11.KeyRef;
import io.hsmgate.pkcs11.Pkcs11Session;
import io.hsmgate.pkcs11.SigningMechanism;
import io.hsmgate.pkcs11.UnsupportedMechanismException;
import io.hsmgate.pkcs11.internal.binding.Ck;
import io.hsmgate.pkcs11.internal.binding.Cryptoki;
import io.hsmgate.pkcs11.internal.binding.Structs;
import io.hsmgate.pkcs11.internal.jca.TokenKey;
import java.util.List;

/**
 * A pooled PKCS#11 session with its own preallocated native buffers, so a signature allocates nothing native
 * on the hot path. Used by one thread at a time (the pool guarantees it).
 */
final class PooledSession implements Pkcs11Session {
    private static final int BUFFER = 1024; // RSA-8192 signatures and any hash with its DigestInfo fit
    private static final NativeLong[] SMALL_LENGTHS = new NativeLong[129];

    static {
        for (int i = 0; i < SMALL_LENGTHS.length; i++) {
            SMALL_LENGTHS[i] = new NativeLong(i);
        }
    }

    // CK_RSA_PKCS_PSS_PARAMS are the same for every session: allocated once; the mechanism structs point at them
    private static final Memory PSS_SHA256 = pss(Ck.CKM_SHA256, Ck.CKG_MGF1_SHA256, 32);
    private static final Memory PSS_SHA384 = pss(Ck.CKM_SHA384, Ck.CKG_MGF1_SHA384, 48);
    private static final Memory PSS_SHA512 = pss(Ck.CKM_SHA512, Ck.CKG_MGF1_SHA512, 64);

    private final PooledTokenConnection connection;
    private final Cryptoki cryptoki;
    private final long handle;
    private final NativeLong nativeHandle;
    private final long libraryGeneration;
    private final Memory input = new Memory(BUFFER);
    private final Memory output = new Memory(BUFFER);
    private final Memory outputLength = new Memory(Cryptoki.UL);
    private final Memory[] mechanisms = new Memory[SigningMechanism.values().length];
    private long epoch;
    private long lastUsed = System.nanoTime();
    private boolean operationActive;

    PooledSession(PooledTokenConnection connection, Cryptoki cryptoki, long handle, long libraryGeneration) {
        this.connection = connection;
        this.cryptoki = cryptoki;
        this.handle = handle;
        this.nativeHandle = new NativeLong(handle);
        this.libraryGeneration = libraryGeneration;
        for (SigningMechanism m : SigningMechanism.values()) {
            mechanisms[m.ordinal()] = mechanismStruct(m);
        }
    }

    private static Memory mechanismStruct(SigningMechanism m) {
        Memory mech = Structs.zeroed(Structs.TRIPLE_SIZE);
        switch (m) {
            case RSA_PSS_SHA256 -> Structs.putTriple(mech, 0, Ck.CKM_RSA_PKCS_PSS, PSS_SHA256, 3L * Cryptoki.UL);
            case RSA_PSS_SHA384 -> Structs.putTriple(mech, 0, Ck.CKM_RSA_PKCS_PSS, PSS_SHA384, 3L * Cryptoki.UL);
            case RSA_PSS_SHA512 -> Structs.putTriple(mech, 0, Ck.CKM_RSA_PKCS_PSS, PSS_SHA512, 3L * Cryptoki.UL);
            case ECDSA -> Structs.putTriple(mech, 0, Ck.CKM_ECDSA, null, 0);
            default -> Structs.putTriple(mech, 0, Ck.CKM_RSA_PKCS, null, 0);
        }
        return mech;
    }

    private static Memory pss(long hash, long mgf, long saltLength) {
        Memory params = new Memory(3L * Cryptoki.UL);
        Cryptoki.putUlong(params, 0, hash);
        Cryptoki.putUlong(params, Cryptoki.UL, mgf);
        Cryptoki.putUlong(params, 2L * Cryptoki.UL, saltLength);
        return params;
    }

    @Override
    public long handle() {
        return handle;
    }

    NativeLong nativeHandle() {
        return nativeHandle;
    }

    long libraryGeneration() {
        return libraryGeneration;
    }

    long epoch() {
        return epoch;
    }

    void epoch(long epoch) {
        this.epoch = epoch;
    }

    long lastUsed() {
        return lastUsed;
    }

    void touch() {
        lastUsed = System.nanoTime();
    }

    /** @return true when an operation was started and not finished: the session must not be reused as it is */
    boolean operationActive() {
        return operationActive;
    }

    PooledTokenConnection connection() {
        return connection;
    }

    @Override
    public byte[] sign(HsmPrivateKey key, SigningMechanism mechanism, byte[] hash) throws HsmException {
        if (!(key instanceof TokenKey tokenKey) || tokenKey.connection() != connection) {
            throw new UnsupportedMechanismException("the key does not belong to this connection", null);
        }
        int expected = SignatureFormats.hashLength(mechanism);
        if (expected >= 0 && hash.length != expected) {
            throw new UnsupportedMechanismException(mechanism + " needs a " + mechanism.hash() + " hash of "
                    + expected + " bytes, got " + hash.length, null);
        }
        if (tokenKey.isEc() != (mechanism == SigningMechanism.ECDSA)) {
            throw new UnsupportedMechanismException(mechanism + " does not fit a " + key.getAlgorithm() + " key", null);
        }
        byte[] prefix = SignatureFormats.digestInfoPrefix(mechanism);
        int length = prefix.length + hash.length;
        if (length > BUFFER) {
            throw new UnsupportedMechanismException("input of " + length + " bytes is too long", null);
        }
        input.write(0, prefix, 0, prefix.length);
        input.write(prefix.length, hash, 0, hash.length);

        Pointer mech = mechanisms[mechanism.ordinal()];
        long rv = cryptoki.signInit(nativeHandle, mech, tokenKey.nativeHandle(this));
        if (rv == Ck.CKR_KEY_HANDLE_INVALID || rv == Ck.CKR_OBJECT_HANDLE_INVALID) {
            tokenKey.forgetHandle(); // the object was re-created or the token re-logged in: look it up once more
            rv = cryptoki.signInit(nativeHandle, mech, tokenKey.nativeHandle(this));
        }
        cryptoki.check("C_SignInit", rv);
        operationActive = true;
        Cryptoki.putUlong(outputLength, 0, BUFFER);
        rv = cryptoki.sign(nativeHandle, input, length < SMALL_LENGTHS.length ? SMALL_LENGTHS[length] : new NativeLong(length),
                output, outputLength);
        if (rv != Ck.CKR_BUFFER_TOO_SMALL) {
            operationActive = false; // any other result terminates the operation (PKCS#11 v2.40, 5.2)
        }
        cryptoki.check("C_Sign", rv);
        int signatureLength = (int) Cryptoki.getUlong(outputLength, 0);
        byte[] signature = output.getByteArray(0, signatureLength);
        connection.countSignature(mechanism);
        return mechanism == SigningMechanism.ECDSA ? SignatureFormats.ecdsaToDer(signature, signatureLength) : signature;
    }

    @Override
    public byte[] generateRandom(int length) throws HsmException {
        if (length < 1 || length > BUFFER) {
            throw new IllegalArgumentException("random length must be 1 to " + BUFFER + ", got " + length);
        }
        cryptoki.check("C_GenerateRandom", cryptoki.generateRandom(nativeHandle, output, new NativeLong(length)));
        return output.getByteArray(0, length);
    }

    @Override
    public List<Long> findObjects(long objectClass, KeyRef ref) throws HsmException {
        return new ObjectFinder(cryptoki, nativeHandle).find(objectClass, ref);
    }
}
