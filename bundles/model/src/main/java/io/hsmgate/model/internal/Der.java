package io.hsmgate.model.internal;

import java.io.ByteArrayOutputStream;

/**
 * Just enough DER to wrap PKCS#1 and SEC1 private keys into PKCS#8, which is what the JDK's KeyFactory reads.
 */
final class Der {

    static final int SEQUENCE = 0x30;
    static final int INTEGER = 0x02;
    static final int OCTET_STRING = 0x04;
    static final int OID = 0x06;
    /** [0] EXPLICIT, where SEC1 keeps the curve. */
    static final int CONTEXT_0 = 0xA0;
    /** AlgorithmIdentifier { rsaEncryption, NULL }. */
    static final byte[] RSA_ALGORITHM = {0x30, 0x0D, 0x06, 0x09, 0x2A, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xF7,
        0x0D, 0x01, 0x01, 0x01, 0x05, 0x00};
    /** OID id-ecPublicKey. */
    static final byte[] EC_PUBLIC_KEY_OID = {0x06, 0x07, 0x2A, (byte) 0x86, 0x48, (byte) 0xCE, 0x3D, 0x02, 0x01};

    private Der() {
    }

    /** One element: its tag, where its content starts and how long it is. */
    record Element(int tag, int contentStart, int length) {
        int end() {
            return contentStart + length;
        }
    }

    static Element read(byte[] der, int offset) {
        if (offset + 2 > der.length) {
            throw new IllegalArgumentException("truncated DER");
        }
        int tag = der[offset] & 0xFF;
        int first = der[offset + 1] & 0xFF;
        int position = offset + 2;
        int length;
        if (first < 0x80) {
            length = first;
        } else {
            int count = first & 0x7F;
            if (count == 0 || count > 3 || position + count > der.length) {
                throw new IllegalArgumentException("unsupported DER length");
            }
            length = 0;
            for (int i = 0; i < count; i++) {
                length = (length << 8) | (der[position++] & 0xFF);
            }
        }
        if (position + length > der.length) {
            throw new IllegalArgumentException("truncated DER");
        }
        return new Element(tag, position, length);
    }

    /** The curve OID element (tag, length and content) of a SEC1 ECPrivateKey. */
    static byte[] sec1CurveOid(byte[] sec1) {
        Element sequence = read(sec1, 0);
        if (sequence.tag() != SEQUENCE) {
            throw new IllegalArgumentException("not a SEC1 EC private key");
        }
        int position = sequence.contentStart();
        while (position < sequence.end()) {
            Element element = read(sec1, position);
            if (element.tag() == CONTEXT_0) {
                Element oid = read(sec1, element.contentStart());
                if (oid.tag() != OID) {
                    throw new IllegalArgumentException("SEC1 key parameters are not a named curve");
                }
                byte[] encoded = new byte[oid.end() - element.contentStart()];
                System.arraycopy(sec1, element.contentStart(), encoded, 0, encoded.length);
                return encoded;
            }
            position = element.end();
        }
        throw new IllegalArgumentException("SEC1 key does not name its curve");
    }

    static byte[] pkcs8(byte[] algorithmIdentifier, byte[] privateKey) {
        byte[] version = {INTEGER, 0x01, 0x00};
        byte[] octets = encode(OCTET_STRING, privateKey);
        byte[] content = concat(version, algorithmIdentifier, octets);
        java.util.Arrays.fill(octets, (byte) 0);
        byte[] result = encode(SEQUENCE, content);
        java.util.Arrays.fill(content, (byte) 0);
        return result;
    }

    static byte[] encode(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 6);
        out.write(tag);
        int length = content.length;
        if (length < 0x80) {
            out.write(length);
        } else if (length < 0x100) {
            out.write(0x81);
            out.write(length);
        } else if (length < 0x10000) {
            out.write(0x82);
            out.write(length >> 8);
            out.write(length);
        } else {
            out.write(0x83);
            out.write(length >> 16);
            out.write(length >> 8);
            out.write(length);
        }
        out.write(content, 0, content.length);
        return out.toByteArray();
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.write(part, 0, part.length);
        }
        return out.toByteArray();
    }
}
