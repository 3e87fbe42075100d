package io.hsmgate.pkcs11.internal.binding;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.nio.charset.StandardCharsets;

/**
 * Offsets of the PKCS#11 structures the core reads, computed for the platform's CK_ULONG size with natural
 * alignment (the Unix layout; PKCS#11 on Windows packs to 1 byte and is not supported here).
 */
public final class Structs {
    private static final int UL = Cryptoki.UL;
    private static final int PTR = Native.POINTER_SIZE;

    private Structs() {
    }

    static int align(int offset, int alignment) {
        return (offset + alignment - 1) / alignment * alignment;
    }

    // CK_INFO: CK_VERSION cryptokiVersion; CHAR manufacturerID[32]; CK_FLAGS flags; CHAR libraryDescription[32]; CK_VERSION libraryVersion
    public static final int INFO_MANUFACTURER = 2;
    public static final int INFO_FLAGS = align(34, UL);
    public static final int INFO_DESCRIPTION = INFO_FLAGS + UL;
    public static final int INFO_LIBRARY_VERSION = INFO_DESCRIPTION + 32;
    public static final int INFO_SIZE = align(INFO_LIBRARY_VERSION + 2, UL);

    // CK_SLOT_INFO: CHAR slotDescription[64]; CHAR manufacturerID[32]; CK_FLAGS flags; 2 x CK_VERSION
    public static final int SLOT_MANUFACTURER = 64;
    public static final int SLOT_FLAGS = 96;
    public static final int SLOT_INFO_SIZE = align(SLOT_FLAGS + UL + 4, UL);

    // CK_TOKEN_INFO: label[32] manufacturerID[32] model[16] serialNumber[16] flags, 10 CK_ULONGs, 2 CK_VERSION, utcTime[16]
    public static final int TOKEN_LABEL = 0;
    public static final int TOKEN_MANUFACTURER = 32;
    public static final int TOKEN_MODEL = 64;
    public static final int TOKEN_SERIAL = 80;
    public static final int TOKEN_FLAGS = 96;
    public static final int TOKEN_MAX_SESSIONS = TOKEN_FLAGS + UL;
    public static final int TOKEN_SESSIONS = TOKEN_FLAGS + 2 * UL;
    public static final int TOKEN_MAX_PIN = TOKEN_FLAGS + 5 * UL;
    public static final int TOKEN_MIN_PIN = TOKEN_FLAGS + 6 * UL;
    public static final int TOKEN_INFO_SIZE = align(TOKEN_FLAGS + 11 * UL + 4 + 16, UL);

    // CK_SESSION_INFO: slotID, state, flags, ulDeviceError
    public static final int SESSION_STATE = UL;
    public static final int SESSION_INFO_SIZE = 4 * UL;

    // CK_ATTRIBUTE / CK_MECHANISM: CK_ULONG type; void* pValue; CK_ULONG ulValueLen
    public static final int TRIPLE_POINTER = align(UL, PTR);
    public static final int TRIPLE_LENGTH = TRIPLE_POINTER + PTR;
    public static final int TRIPLE_SIZE = align(TRIPLE_LENGTH + UL, Math.max(UL, PTR));

    /** @return the blank-padded UTF-8 field, trimmed */
    public static String text(Pointer p, int offset, int length) {
        return new String(p.getByteArray(offset, length), StandardCharsets.UTF_8).strip();
    }

    /** @return "major.minor" of a CK_VERSION */
    public static String version(Pointer p, int offset) {
        return (p.getByte(offset) & 0xFF) + "." + (p.getByte(offset + 1) & 0xFF);
    }

    /** Fills one CK_ATTRIBUTE or CK_MECHANISM entry. */
    public static void putTriple(Pointer array, int index, long type, Pointer value, long length) {
        long base = (long) index * TRIPLE_SIZE;
        Cryptoki.putUlong(array, base, type);
        array.setPointer(base + TRIPLE_POINTER, value);
        Cryptoki.putUlong(array, base + TRIPLE_LENGTH, length);
    }

    public static long tripleLength(Pointer array, int index) {
        return Cryptoki.getUlong(array, (long) index * TRIPLE_SIZE + TRIPLE_LENGTH);
    }

    public static Memory zeroed(int size) {
        Memory m = new Memory(size);
        m.clear();
        return m;
    }
}
