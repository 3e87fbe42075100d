package io.hsmgate.pkcs11.internal.binding;

import io.hsmgate.pkcs11.SessionCensus;
import java.util.concurrent.atomic.LongAdder;

import com.sun.jna.Function;
import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import io.hsmgate.pkcs11.HsmConfigurationException;
import io.hsmgate.pkcs11.HsmException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The PKCS#11 functions of one loaded library, called through the CK_FUNCTION_LIST that C_GetFunctionList
 * returns (so several libraries can be loaded side by side, and vendor libraries that only export
 * C_GetFunctionList work). Each method returns the raw CK_RV; {@link #check} turns it into an exception.
 * CK_ULONG arguments are NativeLong; hot-path callers pass cached NativeLong instances and preallocated memory.
 */
public final class Cryptoki {
    /** sizeof(CK_ULONG) */
    public static final int UL = Native.LONG_SIZE;
    private static final int PTR = Native.POINTER_SIZE;

    private static final int C_INITIALIZE = 0;
    private static final int C_FINALIZE = 1;
    private static final int C_GET_INFO = 2;
    private static final int C_GET_SLOT_LIST = 4;
    private static final int C_GET_SLOT_INFO = 5;
    private static final int C_GET_TOKEN_INFO = 6;
    private static final int C_GET_MECHANISM_LIST = 7;
    private static final int C_OPEN_SESSION = 12;
    private static final int C_CLOSE_SESSION = 13;
    private static final int C_GET_SESSION_INFO = 15;
    private static final int C_LOGIN = 18;
    private static final int C_LOGOUT = 19;
    private static final int C_GET_ATTRIBUTE_VALUE = 24;
    private static final int C_FIND_OBJECTS_INIT = 26;
    private static final int C_FIND_OBJECTS = 27;
    private static final int C_FIND_OBJECTS_FINAL = 28;
    private static final int C_SIGN_INIT = 42;
    private static final int C_SIGN = 43;
    private static final int C_GENERATE_RANDOM = 64;
    private static final int FUNCTION_COUNT = 68;

    // process-wide per bundle instance: a leak check compares them after every connection stopped
    private static final LongAdder SESSIONS_OPENED = new LongAdder();
    private static final LongAdder SESSIONS_CLOSED = new LongAdder();

    private final java.util.Set<Long> openSessions = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final boolean directSigning;
    private final Path path;
    private final NativeLibrary library;
    private final Function[] functions = new Function[FUNCTION_COUNT];
    private final ReturnCodes codes;

    private Cryptoki(Path path, NativeLibrary library, Pointer functionList, ReturnCodes codes) {
        this.path = path;
        this.library = library;
        this.codes = codes;
        // CK_FUNCTION_LIST starts with a 2-byte CK_VERSION, then pointer-aligned function pointers
        long offset = PTR;
        for (int i = 0; i < FUNCTION_COUNT; i++) {
            Pointer fp = functionList.getPointer(offset + (long) i * PTR);
            functions[i] = fp == null ? null : Function.getFunction(fp);
        }
        this.directSigning = DirectSigning.claim(this, library, functions[C_SIGN_INIT], functions[C_SIGN]);
    }

    /** @return whether C_SignInit and C_Sign go through JNA direct mapping for this library */
    public boolean directSigning() {
        return directSigning;
    }

    /**
     * Loads the library and reads its function list. Does not call C_Initialize.
     *
     * @throws HsmConfigurationException if the library cannot be loaded or has no C_GetFunctionList
     * @throws HsmException if C_GetFunctionList fails
     */
    public static Cryptoki load(Path path, ReturnCodes codes) throws HsmException {
        NativeLibrary library;
        try {
            // the bundle's class loader, so JNA finds its native dispatch library inside OSGi
            library = NativeLibrary.getInstance(path.toString(),
                    Map.of(Library.OPTION_CLASSLOADER, Cryptoki.class.getClassLoader()));
        } catch (UnsatisfiedLinkError e) {
            throw new HsmConfigurationException("cannot load PKCS#11 library " + path + ": " + e.getMessage(), e);
        }
        try {
            Function getFunctionList = library.getFunction("C_GetFunctionList");
            Memory listOut = new Memory(PTR);
            listOut.setPointer(0, null);
            long rv = toRv(getFunctionList, new Object[] {listOut});
            if (rv != Ck.CKR_OK) {
                throw codes.toException("C_GetFunctionList", rv);
            }
            Pointer list = listOut.getPointer(0);
            if (list == null) {
                throw new HsmConfigurationException("C_GetFunctionList of " + path + " returned no function list");
            }
            return new Cryptoki(path, library, list, codes);
        } catch (UnsatisfiedLinkError e) {
            library.close();
            throw new HsmConfigurationException(path + " is not a PKCS#11 library: no C_GetFunctionList", e);
        } catch (HsmException | RuntimeException e) {
            library.close();
            throw e;
        }
    }

    public Path path() {
        return path;
    }

    public ReturnCodes codes() {
        return codes;
    }

    /** Throws the exception matching {@code rv} unless it is CKR_OK. */
    public void check(String function, long rv) throws HsmException {
        if (rv != Ck.CKR_OK) {
            throw codes.toException(function, rv);
        }
    }

    /** Unloads the library (dlclose). Only after C_Finalize, and only when nobody else initialised it. */
    public void unload() {
        releaseDirectSigning();
        library.close();
    }

    /** Hands the direct mapping back (to the next library loaded); for a library that stays loaded after shutdown. */
    public void releaseDirectSigning() {
        DirectSigning.release(this);
    }

    public long initialize(boolean osLockingOk) {
        // CK_C_INITIALIZE_ARGS: four mutex callbacks (NULL = use OS primitives), flags, pReserved
        Memory args = new Memory(4L * PTR + UL + PTR);
        args.clear();
        putUlong(args, 4L * PTR, osLockingOk ? Ck.CKF_OS_LOCKING_OK : 0);
        return call(C_INITIALIZE, args);
    }

    public long finalizeLibrary() {
        long rv = call(C_FINALIZE, Pointer.NULL);
        // C_Finalize ends every session of the library: they count as closed, whatever the core still holds
        SESSIONS_CLOSED.add(openSessions.size());
        openSessions.clear();
        return rv;
    }

    public long getInfo(Memory info) {
        return call(C_GET_INFO, info);
    }

    public long getSlotList(boolean tokenPresent, Pointer slots, Memory count) {
        return call(C_GET_SLOT_LIST, (byte) (tokenPresent ? 1 : 0), slots, count);
    }

    public long getSlotInfo(long slot, Memory info) {
        return call(C_GET_SLOT_INFO, new NativeLong(slot), info);
    }

    public long getTokenInfo(long slot, Memory info) {
        return call(C_GET_TOKEN_INFO, new NativeLong(slot), info);
    }

    public long getMechanismList(long slot, Pointer mechanisms, Memory count) {
        return call(C_GET_MECHANISM_LIST, new NativeLong(slot), mechanisms, count);
    }

    public long openSession(long slot, long flags, Memory sessionOut) {
        long rv = call(C_OPEN_SESSION, new NativeLong(slot), new NativeLong(flags), Pointer.NULL, Pointer.NULL,
                sessionOut);
        if (rv == Ck.CKR_OK) {
            SESSIONS_OPENED.increment();
            openSessions.add(getUlong(sessionOut, 0));
        }
        return rv;
    }

    public long closeSession(NativeLong session) {
        long rv = call(C_CLOSE_SESSION, session);
        if (openSessions.remove(session.longValue())) { // not already ended by a C_Finalize
            SESSIONS_CLOSED.increment(); // whatever the result, the handle is gone for us
        }
        return rv;
    }

    /** @return sessions opened and closed through every library since this bundle started */
    public static SessionCensus sessionCensus() {
        return new SessionCensus(SESSIONS_OPENED.sum(), SESSIONS_CLOSED.sum());
    }

    public long getSessionInfo(NativeLong session, Memory info) {
        return call(C_GET_SESSION_INFO, session, info);
    }

    /** @param pin the PIN bytes, or null for a protected authentication path */
    public long login(NativeLong session, long userType, Pointer pin, long pinLength) {
        return call(C_LOGIN, session, new NativeLong(userType), pin, new NativeLong(pinLength));
    }

    public long logout(NativeLong session) {
        return call(C_LOGOUT, session);
    }

    public long getAttributeValue(NativeLong session, long object, Pointer template, int count) {
        return call(C_GET_ATTRIBUTE_VALUE, session, new NativeLong(object), template, new NativeLong(count));
    }

    public long findObjectsInit(NativeLong session, Pointer template, int count) {
        return call(C_FIND_OBJECTS_INIT, session, template, new NativeLong(count));
    }

    public long findObjects(NativeLong session, Pointer handles, int max, Memory countOut) {
        return call(C_FIND_OBJECTS, session, handles, new NativeLong(max), countOut);
    }

    public long findObjectsFinal(NativeLong session) {
        return call(C_FIND_OBJECTS_FINAL, session);
    }

    public long signInit(NativeLong session, Pointer mechanism, NativeLong key) {
        if (directSigning) {
            return DirectSigning.C_SignInit(session.longValue(), mechanism, key.longValue());
        }
        return call(C_SIGN_INIT, session, mechanism, key);
    }

    public long sign(NativeLong session, Pointer data, NativeLong dataLength, Pointer signature, Pointer signatureLength) {
        if (directSigning) {
            return DirectSigning.C_Sign(session.longValue(), data, dataLength.longValue(), signature, signatureLength);
        }
        return call(C_SIGN, session, data, dataLength, signature, signatureLength);
    }

    public long generateRandom(NativeLong session, Pointer out, NativeLong length) {
        return call(C_GENERATE_RANDOM, session, out, length);
    }

    private long call(int index, Object... args) {
        Function f = functions[index];
        if (f == null) {
            return 0x54; // CKR_FUNCTION_NOT_SUPPORTED: a NULL slot in the vendor's function list
        }
        return toRv(f, args);
    }

    private static long toRv(Function f, Object[] args) {
        if (UL == 8) {
            return f.invokeLong(args);
        }
        return f.invokeInt(args) & 0xFFFFFFFFL;
    }

    /** Writes a CK_ULONG. */
    public static void putUlong(Pointer p, long offset, long value) {
        if (UL == 8) {
            p.setLong(offset, value);
        } else {
            p.setInt(offset, (int) value);
        }
    }

    /** Reads a CK_ULONG; all-ones (CK_UNAVAILABLE_INFORMATION) comes back as -1. */
    public static long getUlong(Pointer p, long offset) {
        if (UL == 8) {
            return p.getLong(offset);
        }
        int v = p.getInt(offset);
        return v == -1 ? -1L : v & 0xFFFFFFFFL;
    }
}
