package io.hsmgate.pkcs11.internal.token;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.util.Arrays;

/** CKA_EC_PARAMS and CKA_EC_POINT to JDK types; points are accepted raw or DER-wrapped. */
final class EcKeys {
    private EcKeys() {
    }

    /** @return the curve of a DER-encoded named-curve OID, or throws if the JDK does not know it */
    static ECParameterSpec params(byte[] ecParams) throws GeneralSecurityException {
        AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
        try {
            parameters.init(ecParams);
        } catch (java.io.IOException e) {
            throw new GeneralSecurityException("unsupported CKA_EC_PARAMS (only named curves are supported)", e);
        }
        return parameters.getParameterSpec(ECParameterSpec.class);
    }

    /** @return the curve's name (e.g. "secp256r1"), or null */
    static String curveName(byte[] ecParams) {
        try {
            AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
            parameters.init(ecParams);
            String name = parameters.getParameterSpec(ECGenParameterSpec.class).getName();
            // the JDK reports some curves by OID only
            return switch (name) {
                case "1.2.840.10045.3.1.7" -> "secp256r1";
                case "1.3.132.0.34" -> "secp384r1";
                case "1.3.132.0.35" -> "secp521r1";
                default -> name;
            };
        } catch (Exception e) {
            return null;
        }
    }

    static int fieldBytes(ECParameterSpec spec) {
        return (spec.getCurve().getField().getFieldSize() + 7) / 8;
    }

    /** Decodes an uncompressed point, raw (04||X||Y) or wrapped in a DER OCTET STRING. */
    static ECPoint point(byte[] value, ECParameterSpec spec) throws GeneralSecurityException {
        int n = fieldBytes(spec);
        byte[] raw = value;
        if (value.length != 1 + 2 * n) {
            raw = unwrapOctetString(value);
        }
        if (raw.length != 1 + 2 * n || raw[0] != 0x04) {
            throw new GeneralSecurityException("CKA_EC_POINT is not an uncompressed point of this curve");
        }
        return new ECPoint(new BigInteger(1, Arrays.copyOfRange(raw, 1, 1 + n)),
                new BigInteger(1, Arrays.copyOfRange(raw, 1 + n, 1 + 2 * n)));
    }

    private static byte[] unwrapOctetString(byte[] der) throws GeneralSecurityException {
        if (der.length < 2 || der[0] != 0x04) {
            throw new GeneralSecurityException("CKA_EC_POINT is neither a raw point nor an OCTET STRING");
        }
        int offset = 2;
        int length = der[1] & 0xFF;
        if (length > 0x80) {
            int lengthBytes = length & 0x7F;
            length = 0;
            for (int i = 0; i < lengthBytes; i++) {
                length = (length << 8) | (der[2 + i] & 0xFF);
            }
            offset = 2 + lengthBytes;
        }
        if (offset + length != der.length) {
            throw new GeneralSecurityException("CKA_EC_POINT has a bad DER length");
        }
        return Arrays.copyOfRange(der, offset, der.length);
    }
}
