package io.hsmgate.pkcs11.internal.binding;

/** PKCS#11 v2.40 constants the core uses. */
public final class Ck {
    private Ck() {
    }

    // C_Initialize flags, session flags, user types
    public static final long CKF_OS_LOCKING_OK = 0x2;
    public static final long CKF_RW_SESSION = 0x2;
    public static final long CKF_SERIAL_SESSION = 0x4;
    public static final long CKF_TOKEN_PRESENT = 0x1;

    // object classes
    public static final long CKO_CERTIFICATE = 1;
    public static final long CKO_PUBLIC_KEY = 2;
    public static final long CKO_PRIVATE_KEY = 3;
    public static final long CKO_SECRET_KEY = 4;

    // key types
    public static final long CKK_RSA = 0;
    public static final long CKK_EC = 3;

    // attributes
    public static final long CKA_CLASS = 0x0;
    public static final long CKA_TOKEN = 0x1;
    public static final long CKA_PRIVATE = 0x2;
    public static final long CKA_LABEL = 0x3;
    public static final long CKA_VALUE = 0x11;
    public static final long CKA_CERTIFICATE_TYPE = 0x80;
    public static final long CKA_ISSUER = 0x81;
    public static final long CKA_SUBJECT = 0x101;
    public static final long CKA_KEY_TYPE = 0x100;
    public static final long CKA_ID = 0x102;
    public static final long CKA_SENSITIVE = 0x103;
    public static final long CKA_SIGN = 0x108;
    public static final long CKA_MODULUS = 0x120;
    public static final long CKA_MODULUS_BITS = 0x121;
    public static final long CKA_PUBLIC_EXPONENT = 0x122;
    public static final long CKA_EXTRACTABLE = 0x162;
    public static final long CKA_EC_PARAMS = 0x180;
    public static final long CKA_EC_POINT = 0x181;
    public static final long CKA_ALWAYS_AUTHENTICATE = 0x202;

    // mechanisms
    public static final long CKM_RSA_PKCS = 0x1;
    public static final long CKM_RSA_PKCS_PSS = 0xD;
    public static final long CKM_SHA256 = 0x250;
    public static final long CKM_SHA384 = 0x260;
    public static final long CKM_SHA512 = 0x270;
    public static final long CKM_ECDSA = 0x1041;
    public static final long CKG_MGF1_SHA256 = 0x2;
    public static final long CKG_MGF1_SHA384 = 0x3;
    public static final long CKG_MGF1_SHA512 = 0x4;

    /** ulValueLen a token returns for an attribute it cannot reveal: CK_UNAVAILABLE_INFORMATION */
    public static final long UNAVAILABLE_INFORMATION = -1L;
    /** ulMaxSessionCount for "no limit" */
    public static final long EFFECTIVELY_INFINITE = 0;

    // return values the core acts on
    public static final long CKR_OK = 0x0;
    public static final long CKR_GENERAL_ERROR = 0x5;
    public static final long CKR_FUNCTION_FAILED = 0x6;
    public static final long CKR_ATTRIBUTE_SENSITIVE = 0x11;
    public static final long CKR_ATTRIBUTE_TYPE_INVALID = 0x12;
    public static final long CKR_DEVICE_ERROR = 0x30;
    public static final long CKR_DEVICE_REMOVED = 0x32;
    public static final long CKR_KEY_HANDLE_INVALID = 0x60;
    public static final long CKR_KEY_TYPE_INCONSISTENT = 0x63;
    public static final long CKR_KEY_FUNCTION_NOT_PERMITTED = 0x68;
    public static final long CKR_MECHANISM_INVALID = 0x70;
    public static final long CKR_MECHANISM_PARAM_INVALID = 0x71;
    public static final long CKR_OBJECT_HANDLE_INVALID = 0x82;
    public static final long CKR_OPERATION_ACTIVE = 0x90;
    public static final long CKR_PIN_INCORRECT = 0xA0;
    public static final long CKR_PIN_INVALID = 0xA1;
    public static final long CKR_PIN_LEN_RANGE = 0xA2;
    public static final long CKR_PIN_EXPIRED = 0xA3;
    public static final long CKR_PIN_LOCKED = 0xA4;
    public static final long CKR_SESSION_CLOSED = 0xB0;
    public static final long CKR_SESSION_HANDLE_INVALID = 0xB3;
    public static final long CKR_TOKEN_NOT_PRESENT = 0xE0;
    public static final long CKR_TOKEN_NOT_RECOGNIZED = 0xE1;
    public static final long CKR_USER_ALREADY_LOGGED_IN = 0x100;
    public static final long CKR_USER_NOT_LOGGED_IN = 0x101;
    public static final long CKR_USER_PIN_NOT_INITIALIZED = 0x102;
    public static final long CKR_USER_TYPE_INVALID = 0x103;
    public static final long CKR_BUFFER_TOO_SMALL = 0x150;
    public static final long CKR_CRYPTOKI_NOT_INITIALIZED = 0x190;
    public static final long CKR_CRYPTOKI_ALREADY_INITIALIZED = 0x191;
    public static final long CKR_VENDOR_DEFINED = 0x80000000L;
}
