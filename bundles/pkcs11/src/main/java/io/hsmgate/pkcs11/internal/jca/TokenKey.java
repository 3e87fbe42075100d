package io.hsmgate.pkcs11.internal.jca;

import com.sun.jna.NativeLong;
import io.hsmgate.pkcs11.HsmConfigurationException;
import io.hsmgate.pkcs11.HsmException;
import io.hsmgate.pkcs11.HsmPrivateKey;
import io.hsmgate.pkcs11.KeyRef;
import io.hsmgate.pkcs11.Pkcs11Session;
import io.hsmgate.pkcs11.TokenConnection;
import io.hsmgate.pkcs11.internal.binding.Ck;
import java.math.BigInteger;
import java.security.PublicKey;
import java.security.interfaces.ECKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECParameterSpec;
import java.util.List;

/**
 * An HSM private key. The object handle is cached with the connection's login epoch and looked up again on the
 * session in hand when the epoch moved (re-login, reconnection, library reload).
 */
public abstract class TokenKey implements HsmPrivateKey {
    private static final long serialVersionUID = 1L;

    private record Stamp(long epoch, NativeLong handle) {
    }

    private final transient TokenConnection connection;
    private final KeyRef ref;
    private final transient PublicKey publicKey;
    private transient volatile Stamp stamp;

    TokenKey(TokenConnection connection, KeyRef ref, PublicKey publicKey, long handle) {
        this.connection = connection;
        this.ref = ref;
        this.publicKey = publicKey;
        this.stamp = new Stamp(connection.epoch(), new NativeLong(handle));
    }

    public static TokenKey rsa(TokenConnection connection, KeyRef ref, RSAPublicKey publicKey, long handle) {
        return new Rsa(connection, ref, publicKey, handle);
    }

    public static TokenKey ec(TokenConnection connection, KeyRef ref, ECPublicKey publicKey, long handle) {
        return new Ec(connection, ref, publicKey, handle);
    }

    @Override
    public KeyRef ref() {
        return ref;
    }

    @Override
    public TokenConnection connection() {
        return connection;
    }

    @Override
    public PublicKey publicKey() {
        return publicKey;
    }

    public abstract boolean isEc();

    /** @return the handle, looked up on {@code session} when the cached one is from an older epoch */
    public NativeLong nativeHandle(Pkcs11Session session) throws HsmException {
        Stamp s = stamp;
        long epoch = connection.epoch();
        if (s != null && s.epoch == epoch) {
            return s.handle;
        }
        List<Long> found = session.findObjects(Ck.CKO_PRIVATE_KEY, ref);
        if (found.size() != 1) {
            throw new HsmConfigurationException(found.isEmpty() ? "the private " + ref + " is gone from the token"
                    : found.size() + " private keys now match " + ref);
        }
        Stamp fresh = new Stamp(epoch, new NativeLong(found.get(0)));
        stamp = fresh;
        return fresh.handle;
    }

    public void forgetHandle() {
        stamp = null;
    }

    @Override
    public long handle() throws HsmException {
        return connection.withSession(s -> nativeHandle(s).longValue());
    }

    @Override
    public String getFormat() {
        return null; // the key never leaves the HSM
    }

    @Override
    public byte[] getEncoded() {
        return null;
    }

    @Override
    public String toString() {
        return "HSM " + getAlgorithm() + " private " + ref + " (" + bitLength() + " bits)";
    }

    private static final class Rsa extends TokenKey implements RSAKey {
        private static final long serialVersionUID = 1L;
        private final BigInteger modulus;

        Rsa(TokenConnection connection, KeyRef ref, RSAPublicKey publicKey, long handle) {
            super(connection, ref, publicKey, handle);
            this.modulus = publicKey.getModulus();
        }

        @Override
        public String getAlgorithm() {
            return "RSA";
        }

        @Override
        public BigInteger getModulus() {
            return modulus;
        }

        @Override
        public int bitLength() {
            return modulus.bitLength();
        }

        @Override
        public boolean isEc() {
            return false;
        }
    }

    private static final class Ec extends TokenKey implements ECKey {
        private static final long serialVersionUID = 1L;
        private final transient ECParameterSpec params;

        Ec(TokenConnection connection, KeyRef ref, ECPublicKey publicKey, long handle) {
            super(connection, ref, publicKey, handle);
            this.params = publicKey.getParams();
        }

        @Override
        public String getAlgorithm() {
            return "EC";
        }

        @Override
        public ECParameterSpec getParams() {
            return params;
        }

        @Override
        public int bitLength() {
            return params.getCurve().getField().getFieldSize();
        }

        @Override
        public boolean isEc() {
            return true;
        }
    }
}
