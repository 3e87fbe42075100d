package io.hsmgate.rest.internal;

/**
 * Strict UTF-8 validation of a request body in place. It decodes nothing into strings, so a PIN in the body
 * is not copied anywhere; it refuses overlong forms, surrogates and code points past U+10FFFF, which a
 * lenient JSON parser might let through.
 */
final class Utf8 {

    private Utf8() {
    }

    static boolean isValid(byte[] bytes, int length) {
        int i = 0;
        while (i < length) {
            int b = bytes[i] & 0xFF;
            if (b < 0x80) {
                i++;
                continue;
            }
            int extra;
            int min;
            int codePoint;
            if (b >= 0xC2 && b <= 0xDF) {
                extra = 1;
                min = 0x80;
                codePoint = b & 0x1F;
            } else if (b >= 0xE0 && b <= 0xEF) {
                extra = 2;
                min = 0x800;
                codePoint = b & 0x0F;
            } else if (b >= 0xF0 && b <= 0xF4) {
                extra = 3;
                min = 0x10000;
                codePoint = b & 0x07;
            } else {
                return false;
            }
            if (i + extra >= length) { // truncated sequence
                return false;
            }
            for (int k = 1; k <= extra; k++) {
                int next = bytes[i + k] & 0xFF;
                if ((next & 0xC0) != 0x80) {
                    return false;
                }
                codePoint = (codePoint << 6) | (next & 0x3F);
            }
            if (codePoint < min || codePoint > 0x10FFFF || (codePoint >= 0xD800 && codePoint <= 0xDFFF)) {
                return false;
            }
            i += extra + 1;
        }
        return true;
    }
}
