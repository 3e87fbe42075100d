package io.hsmgate.pkcs11.internal.binding;

import java.util.Map;

/** Names of the mechanisms listed for discovery; others are shown in hex. */
public final class Mechanisms {
    private static final Map<Long, String> NAMES = Map.ofEntries(
            Map.entry(0x0L, "CKM_RSA_PKCS_KEY_PAIR_GEN"), Map.entry(0x1L, "CKM_RSA_PKCS"),
            Map.entry(0x3L, "CKM_RSA_X_509"), Map.entry(0x6L, "CKM_SHA1_RSA_PKCS"),
            Map.entry(0x9L, "CKM_RSA_PKCS_OAEP"), Map.entry(0xDL, "CKM_RSA_PKCS_PSS"),
            Map.entry(0xEL, "CKM_SHA1_RSA_PKCS_PSS"), Map.entry(0x40L, "CKM_SHA256_RSA_PKCS"),
            Map.entry(0x41L, "CKM_SHA384_RSA_PKCS"), Map.entry(0x42L, "CKM_SHA512_RSA_PKCS"),
            Map.entry(0x43L, "CKM_SHA256_RSA_PKCS_PSS"), Map.entry(0x44L, "CKM_SHA384_RSA_PKCS_PSS"),
            Map.entry(0x45L, "CKM_SHA512_RSA_PKCS_PSS"), Map.entry(0x220L, "CKM_SHA_1"),
            Map.entry(0x250L, "CKM_SHA256"), Map.entry(0x260L, "CKM_SHA384"), Map.entry(0x270L, "CKM_SHA512"),
            Map.entry(0x1040L, "CKM_EC_KEY_PAIR_GEN"), Map.entry(0x1041L, "CKM_ECDSA"),
            Map.entry(0x1042L, "CKM_ECDSA_SHA1"), Map.entry(0x1044L, "CKM_ECDSA_SHA256"),
            Map.entry(0x1045L, "CKM_ECDSA_SHA384"), Map.entry(0x1046L, "CKM_ECDSA_SHA512"),
            Map.entry(0x1050L, "CKM_ECDH1_DERIVE"), Map.entry(0x1057L, "CKM_EDDSA"),
            Map.entry(0x1080L, "CKM_AES_KEY_GEN"), Map.entry(0x1081L, "CKM_AES_ECB"),
            Map.entry(0x1082L, "CKM_AES_CBC"), Map.entry(0x1087L, "CKM_AES_GCM"));

    private Mechanisms() {
    }

    public static String name(long mechanism) {
        String name = NAMES.get(mechanism);
        return name != null ? name : "0x" + Long.toHexString(mechanism);
    }
}
