package io.hsmgate.pkcs11.internal.binding;

import com.sun.jna.Function;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;

/**
 * JNA direct mapping of the two calls every signature makes, C_SignInit and C_Sign: a direct call costs a
 * fraction of a generic {@link Function#invokeLong} (no argument array, no per-call conversion), which is
 * measurable next to a ~45 us ECDSA signature. JNA binds a class's native methods to one library, so one library
 * at a time holds this fast path, and only when the symbols it exports are the very functions its
 * C_GetFunctionList table holds; every other library, and every other call, goes through the function list.
 */
final class DirectSigning {

    private static Cryptoki owner; // guarded by DirectSigning.class

    private DirectSigning() {
    }

    static native long C_SignInit(long session, Pointer mechanism, long key);

    static native long C_Sign(long session, Pointer data, long dataLength, Pointer signature, Pointer signatureLength);

    /** @return true when {@code cryptoki} now owns the direct mapping of {@code library} */
    static synchronized boolean claim(Cryptoki cryptoki, NativeLibrary library, Function signInit, Function sign) {
        if (owner != null || Native.LONG_SIZE != 8 || signInit == null || sign == null) {
            return false; // CK_ULONG is mapped as a Java long: 64-bit unsigned long platforms only
        }
        try {
            if (Pointer.nativeValue(library.getFunction("C_SignInit")) != Pointer.nativeValue(signInit)
                    || Pointer.nativeValue(library.getFunction("C_Sign")) != Pointer.nativeValue(sign)) {
                return false; // the exported symbols are not what the function list hands out (e.g. a wrapper)
            }
            Native.register(DirectSigning.class, library);
            owner = cryptoki;
            return true;
        } catch (UnsatisfiedLinkError e) {
            return false; // the library exports only C_GetFunctionList
        }
    }

    /** Unbinds the native methods before {@code cryptoki}'s library is unloaded, if it held them. */
    static synchronized void release(Cryptoki cryptoki) {
        if (owner == cryptoki) {
            Native.unregister(DirectSigning.class);
            owner = null;
        }
    }
}
