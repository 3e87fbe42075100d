package io.hsmgate.pkcs11.internal.binding;

import io.hsmgate.pkcs11.spi.ErrorClass;
import java.util.HashMap;
import java.util.Map;

/** Names and error classes of the standard PKCS#11 v2.40 return values. */
public final class StandardReturnCodes {
    private static final Map<Long, String> NAMES = names();

    private StandardReturnCodes() {
    }

    /** @return the CKR_ name of a standard code, or null */
    public static String name(long rv) {
        return NAMES.get(rv);
    }

    /** @return what the core does about a standard code */
    public static ErrorClass classify(long rv) {
        if (rv == Ck.CKR_SESSION_HANDLE_INVALID || rv == Ck.CKR_SESSION_CLOSED) {
            return ErrorClass.SESSION;
        }
        if (rv == Ck.CKR_USER_NOT_LOGGED_IN || rv == Ck.CKR_TOKEN_NOT_PRESENT || rv == Ck.CKR_DEVICE_REMOVED
                || rv == Ck.CKR_TOKEN_NOT_RECOGNIZED) {
            return ErrorClass.TOKEN;
        }
        if (rv == Ck.CKR_DEVICE_ERROR || rv == Ck.CKR_CRYPTOKI_NOT_INITIALIZED) {
            return ErrorClass.LIBRARY;
        }
        if (rv == Ck.CKR_PIN_INCORRECT || rv == Ck.CKR_PIN_LOCKED || rv == Ck.CKR_PIN_EXPIRED
                || rv == Ck.CKR_PIN_INVALID || rv == Ck.CKR_PIN_LEN_RANGE || rv == Ck.CKR_USER_PIN_NOT_INITIALIZED) {
            return ErrorClass.CREDENTIAL;
        }
        return ErrorClass.PERMANENT;
    }

    private static Map<Long, String> names() {
        Map<Long, String> n = new HashMap<>();
        n.put(0L, "CKR_OK");
        n.put(1L, "CKR_CANCEL");
        n.put(2L, "CKR_HOST_MEMORY");
        n.put(3L, "CKR_SLOT_ID_INVALID");
        n.put(5L, "CKR_GENERAL_ERROR");
        n.put(6L, "CKR_FUNCTION_FAILED");
        n.put(7L, "CKR_ARGUMENTS_BAD");
        n.put(8L, "CKR_NO_EVENT");
        n.put(9L, "CKR_NEED_TO_CREATE_THREADS");
        n.put(0xaL, "CKR_CANT_LOCK");
        n.put(0x10L, "CKR_ATTRIBUTE_READ_ONLY");
        n.put(0x11L, "CKR_ATTRIBUTE_SENSITIVE");
        n.put(0x12L, "CKR_ATTRIBUTE_TYPE_INVALID");
        n.put(0x13L, "CKR_ATTRIBUTE_VALUE_INVALID");
        n.put(0x1BL, "CKR_ACTION_PROHIBITED");
        n.put(0x20L, "CKR_DATA_INVALID");
        n.put(0x21L, "CKR_DATA_LEN_RANGE");
        n.put(0x30L, "CKR_DEVICE_ERROR");
        n.put(0x31L, "CKR_DEVICE_MEMORY");
        n.put(0x32L, "CKR_DEVICE_REMOVED");
        n.put(0x40L, "CKR_ENCRYPTED_DATA_INVALID");
        n.put(0x41L, "CKR_ENCRYPTED_DATA_LEN_RANGE");
        n.put(0x50L, "CKR_FUNCTION_CANCELED");
        n.put(0x51L, "CKR_FUNCTION_NOT_PARALLEL");
        n.put(0x54L, "CKR_FUNCTION_NOT_SUPPORTED");
        n.put(0x60L, "CKR_KEY_HANDLE_INVALID");
        n.put(0x62L, "CKR_KEY_SIZE_RANGE");
        n.put(0x63L, "CKR_KEY_TYPE_INCONSISTENT");
        n.put(0x64L, "CKR_KEY_NOT_NEEDED");
        n.put(0x65L, "CKR_KEY_CHANGED");
        n.put(0x66L, "CKR_KEY_NEEDED");
        n.put(0x67L, "CKR_KEY_INDIGESTIBLE");
        n.put(0x68L, "CKR_KEY_FUNCTION_NOT_PERMITTED");
        n.put(0x69L, "CKR_KEY_NOT_WRAPPABLE");
        n.put(0x6aL, "CKR_KEY_UNEXTRACTABLE");
        n.put(0x70L, "CKR_MECHANISM_INVALID");
        n.put(0x71L, "CKR_MECHANISM_PARAM_INVALID");
        n.put(0x82L, "CKR_OBJECT_HANDLE_INVALID");
        n.put(0x90L, "CKR_OPERATION_ACTIVE");
        n.put(0x91L, "CKR_OPERATION_NOT_INITIALIZED");
        n.put(0xa0L, "CKR_PIN_INCORRECT");
        n.put(0xa1L, "CKR_PIN_INVALID");
        n.put(0xa2L, "CKR_PIN_LEN_RANGE");
        n.put(0xa3L, "CKR_PIN_EXPIRED");
        n.put(0xa4L, "CKR_PIN_LOCKED");
        n.put(0xb0L, "CKR_SESSION_CLOSED");
        n.put(0xb1L, "CKR_SESSION_COUNT");
        n.put(0xb3L, "CKR_SESSION_HANDLE_INVALID");
        n.put(0xb4L, "CKR_SESSION_PARALLEL_NOT_SUPPORTED");
        n.put(0xb5L, "CKR_SESSION_READ_ONLY");
        n.put(0xb6L, "CKR_SESSION_EXISTS");
        n.put(0xb7L, "CKR_SESSION_READ_ONLY_EXISTS");
        n.put(0xb8L, "CKR_SESSION_READ_WRITE_SO_EXISTS");
        n.put(0xc0L, "CKR_SIGNATURE_INVALID");
        n.put(0xc1L, "CKR_SIGNATURE_LEN_RANGE");
        n.put(0xd0L, "CKR_TEMPLATE_INCOMPLETE");
        n.put(0xd1L, "CKR_TEMPLATE_INCONSISTENT");
        n.put(0xe0L, "CKR_TOKEN_NOT_PRESENT");
        n.put(0xe1L, "CKR_TOKEN_NOT_RECOGNIZED");
        n.put(0xe2L, "CKR_TOKEN_WRITE_PROTECTED");
        n.put(0xf1L, "CKR_UNWRAPPING_KEY_SIZE_RANGE");
        n.put(0xf2L, "CKR_UNWRAPPING_KEY_TYPE_INCONSISTENT");
        n.put(0x100L, "CKR_USER_ALREADY_LOGGED_IN");
        n.put(0x101L, "CKR_USER_NOT_LOGGED_IN");
        n.put(0x102L, "CKR_USER_PIN_NOT_INITIALIZED");
        n.put(0x103L, "CKR_USER_TYPE_INVALID");
        n.put(0x104L, "CKR_USER_ANOTHER_ALREADY_LOGGED_IN");
        n.put(0x105L, "CKR_USER_TOO_MANY_TYPES");
        n.put(0x110L, "CKR_WRAPPED_KEY_INVALID");
        n.put(0x112L, "CKR_WRAPPED_KEY_LEN_RANGE");
        n.put(0x113L, "CKR_WRAPPING_KEY_HANDLE_INVALID");
        n.put(0x114L, "CKR_WRAPPING_KEY_SIZE_RANGE");
        n.put(0x115L, "CKR_WRAPPING_KEY_TYPE_INCONSISTENT");
        n.put(0x120L, "CKR_RANDOM_SEED_NOT_SUPPORTED");
        n.put(0x121L, "CKR_RANDOM_NO_RNG");
        n.put(0x130L, "CKR_DOMAIN_PARAMS_INVALID");
        n.put(0x140L, "CKR_CURVE_NOT_SUPPORTED");
        n.put(0x150L, "CKR_BUFFER_TOO_SMALL");
        n.put(0x160L, "CKR_SAVED_STATE_INVALID");
        n.put(0x170L, "CKR_INFORMATION_SENSITIVE");
        n.put(0x180L, "CKR_STATE_UNSAVEABLE");
        n.put(0x190L, "CKR_CRYPTOKI_NOT_INITIALIZED");
        n.put(0x191L, "CKR_CRYPTOKI_ALREADY_INITIALIZED");
        n.put(0x1a0L, "CKR_MUTEX_BAD");
        n.put(0x1a1L, "CKR_MUTEX_NOT_LOCKED");
        n.put(0x1b0L, "CKR_NEW_PIN_MODE");
        n.put(0x1b1L, "CKR_NEXT_OTP");
        n.put(0x1c0L, "CKR_EXCEEDED_MAX_ITERATIONS");
        n.put(0x1c1L, "CKR_FIPS_SELF_TEST_FAILED");
        n.put(0x1c2L, "CKR_LIBRARY_LOAD_FAILED");
        n.put(0x1c3L, "CKR_PIN_TOO_WEAK");
        n.put(0x1c4L, "CKR_PUBLIC_KEY_INVALID");
        n.put(0x200L, "CKR_FUNCTION_REJECTED");
        return Map.copyOf(n);
    }
}
