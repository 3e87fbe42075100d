package io.hsmgate.pkcs11.internal.token;

import io.hsmgate.pkcs11.SigningMechanism;
import java.io.ByteArrayOutputStream;
import java.util.HexFormat;

/** PKCS#1 DigestInfo prefixes, and ECDSA r||s (PKCS#11) to DER ECDSA-Sig-Value (JCA, TLS). */
public final class SignatureFormats {
    private static final byte[] SHA256_PREFIX = HexFormat.of().parseHex("3031300d060960864801650304020105000420");
    private static final byte[] SHA384_PREFIX = HexFormat.of().parseHex("3041300d060960864801650304020205000430");
    private static final byte[] SHA512_PREFIX = HexFormat.of().parseHex("3051300d060960864801650304020305000440");

    private SignatureFormats() {
    }

    /** @return the DER DigestInfo header that precedes the hash for CKM_RSA_PKCS, or an empty array */
    static byte[] digestInfoPrefix(SigningMechanism mechanism) {
        return switch (mechanism) {
            case RSA_PKCS1_SHA256 -> SHA256_PREFIX;
            case RSA_PKCS1_SHA384 -> SHA384_PREFIX;
            case RSA_PKCS1_SHA512 -> SHA512_PREFIX;
            default -> new byte[0];
        };
    }

    /** @return the hash length the mechanism expects, or -1 for any (ECDSA) */
    static int hashLength(SigningMechanism mechanism) {
        return switch (mechanism.hash()) {
            case "SHA-256" -> 32;
            case "SHA-384" -> 48;
            case "SHA-512" -> 64;
            default -> -1;
        };
    }

    /** Converts PKCS#11's fixed-size r||s to a DER SEQUENCE of two INTEGERs. */
    public static byte[] ecdsaToDer(byte[] rs, int length) {
        int half = length / 2;
        byte[] r = integer(rs, 0, half);
        byte[] s = integer(rs, half, half);
        ByteArrayOutputStream out = new ByteArrayOutputStream(length + 9);
        out.write(0x30);
        writeLength(out, r.length + s.length);
        out.writeBytes(r);
        out.writeBytes(s);
        return out.toByteArray();
    }

    private static byte[] integer(byte[] src, int offset, int length) {
        int start = offset;
        int end = offset + length;
        while (start < end - 1 && src[start] == 0) {
            start++;
        }
        boolean pad = (src[start] & 0x80) != 0;
        int n = end - start + (pad ? 1 : 0);
        ByteArrayOutputStream out = new ByteArrayOutputStream(n + 3);
        out.write(0x02);
        writeLength(out, n);
        if (pad) {
            out.write(0);
        }
        out.write(src, start, end - start);
        return out.toByteArray();
    }

    private static void writeLength(ByteArrayOutputStream out, int length) {
        if (length < 0x80) {
            out.write(length);
        } else if (length < 0x100) {
            out.write(0x81);
            out.write(length);
        } else {
            out.write(0x82);
            out.write(length >> 8);
            out.write(length & 0xFF);
        }
    }
}
