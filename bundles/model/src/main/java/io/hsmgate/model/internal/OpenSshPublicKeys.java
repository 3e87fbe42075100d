package io.hsmgate.model.internal;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.BufferUnderflowException;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;

/**
 * Reads one OpenSSH public key line ({@code type base64 [comment]}, as in authorized_keys or a .pub file)
 * far enough to know the key is usable: the declared type matches the encoded one and the numbers make a key
 * the JDK accepts. The model bundle has no SSH library, and a wrong key should be refused at save time, not
 * when a client fails to log in.
 */
final class OpenSshPublicKeys {

    /** SSH key type to the JDK name of its curve (null for non-EC types). */
    private static final Map<String, String> CURVES = Map.of(
            "ecdsa-sha2-nistp256", "secp256r1",
            "ecdsa-sha2-nistp384", "secp384r1",
            "ecdsa-sha2-nistp521", "secp521r1");
    static final String RSA = "ssh-rsa";
    static final String ED25519 = "ssh-ed25519";

    private OpenSshPublicKeys() {
    }

    /** A problem with a key line, phrased to follow "the key ...". */
    static final class BadKeyException extends Exception {
        private static final long serialVersionUID = 1L;

        BadKeyException(String message) {
            super(message);
        }
    }

    /**
     * @return the line normalised to {@code type base64} or {@code type base64 comment}, single spaces
     * @throws BadKeyException naming what is wrong
     */
    static String normalise(String line) throws BadKeyException {
        String stripped = line == null ? "" : line.strip();
        if (stripped.isEmpty()) {
            throw new BadKeyException("is empty");
        }
        if (stripped.indexOf('\n') >= 0 || stripped.indexOf('\r') >= 0) {
            throw new BadKeyException("spans several lines; give one key per entry");
        }
        String[] parts = stripped.split("\\s+", 3);
        String type = parts[0];
        if (!isSupported(type)) {
            throw new BadKeyException("has type " + Texts.quoted(abbreviate(type)) + "; expected one of ssh-rsa, "
                    + "ecdsa-sha2-nistp256, ecdsa-sha2-nistp384, ecdsa-sha2-nistp521, ssh-ed25519 (authorized_keys "
                    + "options such as from=\"...\" are not supported: give the key alone)");
        }
        if (parts.length < 2) {
            throw new BadKeyException("has no base64 key after " + type);
        }
        byte[] blob;
        try {
            blob = Base64.getDecoder().decode(parts[1]);
        } catch (IllegalArgumentException e) {
            throw new BadKeyException("is not valid base64 after " + type);
        }
        check(type, blob);
        return parts.length == 3 ? type + " " + parts[1] + " " + parts[2].strip() : type + " " + parts[1];
    }

    private static boolean isSupported(String type) {
        return RSA.equals(type) || ED25519.equals(type) || CURVES.containsKey(type);
    }

    private static void check(String type, byte[] blob) throws BadKeyException {
        ByteBuffer in = ByteBuffer.wrap(blob);
        try {
            String encodedType = new String(bytes(in), StandardCharsets.US_ASCII);
            if (!encodedType.equals(type)) {
                throw new BadKeyException("says " + type + " but its base64 part encodes a "
                        + Texts.quoted(abbreviate(encodedType)) + " key");
            }
            if (RSA.equals(type)) {
                BigInteger e = new BigInteger(bytes(in));
                BigInteger n = new BigInteger(bytes(in));
                if (n.bitLength() < 2048) {
                    throw new BadKeyException("is an RSA key of " + n.bitLength() + " bits; at least 2048 are needed");
                }
                KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(n, e));
            } else if (ED25519.equals(type)) {
                if (bytes(in).length != 32) {
                    throw new BadKeyException("is not a 32-byte Ed25519 key");
                }
            } else {
                checkEc(type, in);
            }
            if (in.hasRemaining()) {
                throw new BadKeyException("has " + in.remaining() + " unexpected bytes after the " + type + " key");
            }
        } catch (BufferUnderflowException | IllegalArgumentException e) {
            throw new BadKeyException("is truncated or malformed: its base64 part is not a complete " + type + " key");
        } catch (GeneralSecurityException e) {
            throw new BadKeyException("is not a valid " + type + " key: " + e.getMessage());
        }
    }

    private static void checkEc(String type, ByteBuffer in) throws BadKeyException, GeneralSecurityException {
        String curve = new String(bytes(in), StandardCharsets.US_ASCII);
        if (!type.endsWith(curve)) {
            throw new BadKeyException("says " + type + " but names curve " + Texts.quoted(abbreviate(curve)));
        }
        byte[] point = bytes(in);
        AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
        parameters.init(new ECGenParameterSpec(CURVES.get(type)));
        ECParameterSpec spec = parameters.getParameterSpec(ECParameterSpec.class);
        int size = (spec.getCurve().getField().getFieldSize() + 7) / 8;
        if (point.length != 1 + 2 * size || point[0] != 4) {
            throw new BadKeyException("has an EC point that is not an uncompressed point on " + curve);
        }
        BigInteger x = new BigInteger(1, Arrays.copyOfRange(point, 1, 1 + size));
        BigInteger y = new BigInteger(1, Arrays.copyOfRange(point, 1 + size, point.length));
        BigInteger p = ((java.security.spec.ECFieldFp) spec.getCurve().getField()).getP();
        BigInteger left = y.multiply(y).mod(p);
        BigInteger right = x.pow(3).add(spec.getCurve().getA().multiply(x)).add(spec.getCurve().getB()).mod(p);
        if (!left.equals(right)) {
            throw new BadKeyException("has an EC point that is not on curve " + curve);
        }
        KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(new ECPoint(x, y), spec));
    }

    private static byte[] bytes(ByteBuffer in) {
        int length = in.getInt();
        if (length < 0 || length > in.remaining()) {
            throw new BufferUnderflowException();
        }
        byte[] value = new byte[length];
        in.get(value);
        return value;
    }

    private static String abbreviate(String value) {
        String printable = value.replaceAll("\\p{Cntrl}", "?");
        return printable.length() > 40 ? printable.substring(0, 40) + "..." : printable;
    }
}
