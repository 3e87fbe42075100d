package io.hsmgate.model.internal;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;

/**
 * Reads a PEM private key from a char[] without turning the secret into a String: PKCS#8 "PRIVATE KEY",
 * PKCS#1 "RSA PRIVATE KEY" and SEC1 "EC PRIVATE KEY", all unencrypted. Every result is normalised to PKCS#8.
 */
final class PemKeys {

    private static final String[] KEY_FACTORIES = {"RSA", "EC", "Ed25519", "Ed448"};
    private static final char[] BEGIN = "-----BEGIN ".toCharArray();
    private static final char[] END = "-----END ".toCharArray();
    private static final char[] DASHES = "-----".toCharArray();

    private PemKeys() {
    }

    /** A parsed key; {@link #clear()} wipes the encoded copy. */
    record ParsedKey(PrivateKey key, String algorithm, byte[] pkcs8) {
        void clear() {
            Arrays.fill(pkcs8, (byte) 0);
        }
    }

    /** @return the key, or null after adding to {@code errors} why it cannot be used */
    static ParsedKey parse(char[] pem, String field, FieldErrors errors) {
        int begin = indexOf(pem, BEGIN, 0);
        if (begin < 0) {
            errors.add(field, field + " is not PEM: expected a line \"-----BEGIN PRIVATE KEY-----\"");
            return null;
        }
        int labelStart = begin + BEGIN.length;
        int labelEnd = indexOf(pem, DASHES, labelStart);
        if (labelEnd < 0) {
            errors.add(field, field + " has an unterminated BEGIN line");
            return null;
        }
        String label = new String(pem, labelStart, labelEnd - labelStart);
        int bodyStart = labelEnd + DASHES.length;
        int end = indexOf(pem, (new String(END) + label + new String(DASHES)).toCharArray(), bodyStart);
        if (end < 0) {
            errors.add(field, field + " has no line \"-----END " + label + "-----\"");
            return null;
        }
        switch (label) {
            case "PRIVATE KEY", "RSA PRIVATE KEY", "EC PRIVATE KEY" -> {
                // handled below
            }
            case "ENCRYPTED PRIVATE KEY" -> {
                errors.add(field, field + " is encrypted; give it unencrypted (openssl pkcs8 -topk8 -nocrypt)");
                return null;
            }
            case "OPENSSH PRIVATE KEY" -> {
                errors.add(field, field + " is in OpenSSH format; convert it to PKCS#8 PEM first"
                        + " (ssh-keygen -p -m PKCS8 -f <file>)");
                return null;
            }
            default -> {
                errors.add(field, field + " holds a \"" + label + "\", not a private key");
                return null;
            }
        }
        if (indexOf(pem, "Proc-Type:".toCharArray(), bodyStart, end) >= 0) {
            errors.add(field, field + " is encrypted; give it unencrypted (openssl pkcs8 -topk8 -nocrypt)");
            return null;
        }
        byte[] der = decodeBase64(pem, bodyStart, end);
        if (der == null) {
            errors.add(field, field + " is not valid base64 between its BEGIN and END lines");
            return null;
        }
        byte[] pkcs8 = null;
        try {
            pkcs8 = switch (label) {
                case "RSA PRIVATE KEY" -> Der.pkcs8(Der.RSA_ALGORITHM, der);
                case "EC PRIVATE KEY" -> Der.pkcs8(Der.encode(Der.SEQUENCE,
                        Der.concat(Der.EC_PUBLIC_KEY_OID, Der.sec1CurveOid(der))), der);
                default -> der.clone();
            };
            for (String algorithm : KEY_FACTORIES) {
                try {
                    PrivateKey key = KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
                    return new ParsedKey(key, algorithm, pkcs8);
                } catch (GeneralSecurityException | RuntimeException e) {
                    // not this algorithm; the next factory may read it
                }
            }
            errors.add(field, field + " is not an RSA, EC, Ed25519 or Ed448 private key this server can read");
            Arrays.fill(pkcs8, (byte) 0);
            return null;
        } catch (IllegalArgumentException e) {
            errors.add(field, field + " is not a well-formed " + label + ": " + e.getMessage());
            if (pkcs8 != null) {
                Arrays.fill(pkcs8, (byte) 0);
            }
            return null;
        } finally {
            Arrays.fill(der, (byte) 0);
        }
    }

    /** PKCS#8 PEM text, the only form the store keeps. */
    static char[] toPem(byte[] pkcs8) {
        byte[] base64 = Base64.getMimeEncoder(64, new byte[] {'\n'}).encode(pkcs8);
        String begin = "-----BEGIN PRIVATE KEY-----\n";
        String end = "\n-----END PRIVATE KEY-----\n";
        char[] pem = new char[begin.length() + base64.length + end.length()];
        begin.getChars(0, begin.length(), pem, 0);
        for (int i = 0; i < base64.length; i++) {
            pem[begin.length() + i] = (char) base64[i];
        }
        end.getChars(0, end.length(), pem, begin.length() + base64.length);
        Arrays.fill(base64, (byte) 0);
        return pem;
    }

    private static byte[] decodeBase64(char[] pem, int from, int to) {
        byte[] ascii = new byte[to - from];
        int count = 0;
        for (int i = from; i < to; i++) {
            char c = pem[i];
            if (Character.isWhitespace(c)) {
                continue;
            }
            if (c > 0x7F) {
                Arrays.fill(ascii, (byte) 0);
                return null;
            }
            ascii[count++] = (byte) c;
        }
        try {
            return Base64.getDecoder().decode(Arrays.copyOf(ascii, count));
        } catch (IllegalArgumentException e) {
            return null;
        } finally {
            Arrays.fill(ascii, (byte) 0);
        }
    }

    private static int indexOf(char[] text, char[] pattern, int from) {
        return indexOf(text, pattern, from, text.length);
    }

    private static int indexOf(char[] text, char[] pattern, int from, int to) {
        outer:
        for (int i = from; i <= to - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (text[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
