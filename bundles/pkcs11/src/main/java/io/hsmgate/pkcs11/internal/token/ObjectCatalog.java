package io.hsmgate.pkcs11.internal.token;

import io.hsmgate.pkcs11.HsmConfigurationException;
import io.hsmgate.pkcs11.HsmException;
import io.hsmgate.pkcs11.KeyRef;
import io.hsmgate.pkcs11.ObjectDescription;
import io.hsmgate.pkcs11.internal.binding.Ck;
import io.hsmgate.pkcs11.internal.jca.TokenKey;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** Finds keys and certificates and describes objects, on a borrowed session. */
final class ObjectCatalog {
    private final PooledTokenConnection connection;
    private final boolean oneAtATime;

    ObjectCatalog(PooledTokenConnection connection, boolean oneAtATime) {
        this.connection = connection;
        this.oneAtATime = oneAtATime;
    }

    private AttributeReader reader(PooledSession s) {
        return new AttributeReader(connection.cryptoki(), s.nativeHandle(), oneAtATime);
    }

    TokenKey privateKey(PooledSession s, KeyRef ref) throws HsmException {
        long handle = single(s, Ck.CKO_PRIVATE_KEY, ref, "private key");
        Map<Long, byte[]> a = reader(s).read(handle, Ck.CKA_KEY_TYPE, Ck.CKA_ID, Ck.CKA_LABEL, Ck.CKA_MODULUS,
                Ck.CKA_PUBLIC_EXPONENT, Ck.CKA_EC_PARAMS);
        long keyType = AttributeReader.ulong(a.get(Ck.CKA_KEY_TYPE));
        KeyRef exact = new KeyRef(a.get(Ck.CKA_ID), text(a.get(Ck.CKA_LABEL)));
        try {
            if (keyType == Ck.CKK_RSA) {
                PublicKey pub = a.containsKey(Ck.CKA_PUBLIC_EXPONENT) && a.containsKey(Ck.CKA_MODULUS)
                        ? KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(
                                new BigInteger(1, a.get(Ck.CKA_MODULUS)), new BigInteger(1, a.get(Ck.CKA_PUBLIC_EXPONENT))))
                        : publicKeyOf(s, exact, ref);
                return TokenKey.rsa(connection, ref, (RSAPublicKey) pub, handle);
            }
            if (keyType == Ck.CKK_EC) {
                return TokenKey.ec(connection, ref, (ECPublicKey) publicKeyOf(s, exact, ref), handle);
            }
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new HsmConfigurationException("the public part of " + ref + " cannot be read", e);
        }
        throw new HsmConfigurationException(ref + " has key type 0x" + Long.toHexString(keyType)
                + "; only RSA and EC keys can sign here");
    }

    /** The public key from the public key object with the same CKA_ID, else from the certificate. */
    private PublicKey publicKeyOf(PooledSession s, KeyRef exact, KeyRef asked) throws HsmException, GeneralSecurityException {
        KeyRef byId = exact.id() != null && exact.id().length > 0 ? new KeyRef(exact.id(), null) : asked;
        List<Long> pubs = s.findObjects(Ck.CKO_PUBLIC_KEY, byId);
        for (long pub : pubs) {
            Map<Long, byte[]> a = reader(s).read(pub, Ck.CKA_KEY_TYPE, Ck.CKA_MODULUS, Ck.CKA_PUBLIC_EXPONENT,
                    Ck.CKA_EC_PARAMS, Ck.CKA_EC_POINT);
            PublicKey key = publicKey(a);
            if (key != null) {
                return key;
            }
        }
        List<Long> certs = s.findObjects(Ck.CKO_CERTIFICATE, byId);
        if (!certs.isEmpty()) {
            return parse(reader(s).read(certs.get(0), Ck.CKA_VALUE).get(Ck.CKA_VALUE)).getPublicKey();
        }
        throw new GeneralSecurityException("no public key object or certificate with the same CKA_ID");
    }

    private static PublicKey publicKey(Map<Long, byte[]> a) throws GeneralSecurityException {
        long type = AttributeReader.ulong(a.get(Ck.CKA_KEY_TYPE));
        if (type == Ck.CKK_RSA && a.containsKey(Ck.CKA_MODULUS) && a.containsKey(Ck.CKA_PUBLIC_EXPONENT)) {
            return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(
                    new BigInteger(1, a.get(Ck.CKA_MODULUS)), new BigInteger(1, a.get(Ck.CKA_PUBLIC_EXPONENT))));
        }
        if (type == Ck.CKK_EC && a.containsKey(Ck.CKA_EC_PARAMS) && a.containsKey(Ck.CKA_EC_POINT)) {
            ECParameterSpec spec = EcKeys.params(a.get(Ck.CKA_EC_PARAMS));
            return KeyFactory.getInstance("EC").generatePublic(
                    new ECPublicKeySpec(EcKeys.point(a.get(Ck.CKA_EC_POINT), spec), spec));
        }
        return null;
    }

    X509Certificate certificate(PooledSession s, KeyRef ref) throws HsmException {
        long handle = first(s, Ck.CKO_CERTIFICATE, ref, "certificate");
        return parse(reader(s).read(handle, Ck.CKA_VALUE).get(Ck.CKA_VALUE));
    }

    private static X509Certificate parse(byte[] der) throws HsmException {
        if (der == null) {
            throw new HsmConfigurationException("the certificate's CKA_VALUE cannot be read");
        }
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (GeneralSecurityException e) {
            throw new HsmConfigurationException("the certificate on the token cannot be parsed", e);
        }
    }

    private long single(PooledSession s, long objectClass, KeyRef ref, String what) throws HsmException {
        List<Long> found = s.findObjects(objectClass, ref);
        if (found.size() > 1) {
            throw new HsmConfigurationException(found.size() + " " + what + "s match " + ref + "; give both id and label");
        }
        return first(found, ref, what);
    }

    private long first(PooledSession s, long objectClass, KeyRef ref, String what) throws HsmException {
        return first(s.findObjects(objectClass, ref), ref, what);
    }

    private static long first(List<Long> found, KeyRef ref, String what) throws HsmConfigurationException {
        if (found.isEmpty()) {
            throw new HsmConfigurationException("no " + what + " with " + ref + " on the token");
        }
        return found.get(0);
    }

    List<ObjectDescription> list(PooledSession s) throws HsmException {
        List<ObjectDescription> result = new ArrayList<>();
        for (long cls : new long[] {Ck.CKO_PRIVATE_KEY, Ck.CKO_PUBLIC_KEY, Ck.CKO_CERTIFICATE}) {
            for (long handle : s.findObjects(cls, null)) {
                result.add(describe(s, cls, handle));
            }
        }
        return result;
    }

    private ObjectDescription describe(PooledSession s, long cls, long handle) throws HsmException {
        AttributeReader r = reader(s);
        Map<Long, byte[]> a = r.read(handle, Ck.CKA_ID, Ck.CKA_LABEL);
        String id = a.containsKey(Ck.CKA_ID) ? HexFormat.of().formatHex(a.get(Ck.CKA_ID)) : null;
        String label = text(a.get(Ck.CKA_LABEL));
        if (cls == Ck.CKO_CERTIFICATE) {
            byte[] der = r.read(handle, Ck.CKA_VALUE).get(Ck.CKA_VALUE);
            try {
                X509Certificate c = parse(der);
                return new ObjectDescription("CERTIFICATE", id, label, null, 0, null, null, null, null, null,
                        c.getSubjectX500Principal().getName(), c.getIssuerX500Principal().getName(),
                        c.getNotBefore().toInstant(), c.getNotAfter().toInstant());
            } catch (HsmException e) {
                return new ObjectDescription("CERTIFICATE", id, label, null, 0, null, null, null, null, null,
                        null, null, null, null);
            }
        }
        Map<Long, byte[]> k = r.read(handle, Ck.CKA_KEY_TYPE, Ck.CKA_SIGN, Ck.CKA_SENSITIVE, Ck.CKA_EXTRACTABLE,
                Ck.CKA_ALWAYS_AUTHENTICATE, Ck.CKA_MODULUS_BITS, Ck.CKA_MODULUS, Ck.CKA_EC_PARAMS);
        long keyType = AttributeReader.ulong(k.get(Ck.CKA_KEY_TYPE));
        String type = keyType == Ck.CKK_RSA ? "RSA" : keyType == Ck.CKK_EC ? "EC" : "0x" + Long.toHexString(keyType);
        int size = 0;
        String curve = null;
        if (keyType == Ck.CKK_RSA) {
            size = k.containsKey(Ck.CKA_MODULUS) ? new BigInteger(1, k.get(Ck.CKA_MODULUS)).bitLength()
                    : (int) Math.max(0, AttributeReader.ulong(k.get(Ck.CKA_MODULUS_BITS)));
        } else if (keyType == Ck.CKK_EC && k.containsKey(Ck.CKA_EC_PARAMS)) {
            curve = EcKeys.curveName(k.get(Ck.CKA_EC_PARAMS));
            try {
                size = EcKeys.params(k.get(Ck.CKA_EC_PARAMS)).getCurve().getField().getFieldSize();
            } catch (GeneralSecurityException e) {
                size = 0;
            }
        }
        return new ObjectDescription(cls == Ck.CKO_PRIVATE_KEY ? "PRIVATE_KEY" : "PUBLIC_KEY", id, label, type, size,
                curve, AttributeReader.bool(k.get(Ck.CKA_SIGN)), AttributeReader.bool(k.get(Ck.CKA_SENSITIVE)),
                AttributeReader.bool(k.get(Ck.CKA_EXTRACTABLE)), AttributeReader.bool(k.get(Ck.CKA_ALWAYS_AUTHENTICATE)),
                null, null, null, null);
    }

    private static String text(byte[] value) {
        return value == null ? null : new String(value, StandardCharsets.UTF_8);
    }

}
