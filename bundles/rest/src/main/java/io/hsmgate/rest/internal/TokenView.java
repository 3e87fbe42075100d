package io.hsmgate.rest.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.hsmgate.pkcs11.SlotDescription;
import io.hsmgate.pkcs11.TokenDescription;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One slot of a PKCS#11 library for token discovery (GET /tokens). Token properties are absent when the
 * slot has no token; {@code flags} names the CK_TOKEN_INFO flags that are set.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record TokenView(
        long slot,
        String slotDescription,
        boolean tokenPresent,
        String label,
        String serial,
        String model,
        String manufacturer,
        List<String> flags,
        Long maxSessions,
        Long sessions,
        Long minPinLength,
        Long maxPinLength,
        List<String> mechanisms) {

    /** CK_TOKEN_INFO flag bits (PKCS#11 v2.40 and 3.0), in the order they are listed. */
    private static final Map<Long, String> TOKEN_FLAGS = new LinkedHashMap<>();

    static {
        TOKEN_FLAGS.put(0x1L, "CKF_RNG");
        TOKEN_FLAGS.put(0x2L, "CKF_WRITE_PROTECTED");
        TOKEN_FLAGS.put(0x4L, "CKF_LOGIN_REQUIRED");
        TOKEN_FLAGS.put(0x8L, "CKF_USER_PIN_INITIALIZED");
        TOKEN_FLAGS.put(0x20L, "CKF_RESTORE_KEY_NOT_NEEDED");
        TOKEN_FLAGS.put(0x40L, "CKF_CLOCK_ON_TOKEN");
        TOKEN_FLAGS.put(0x100L, "CKF_PROTECTED_AUTHENTICATION_PATH");
        TOKEN_FLAGS.put(0x200L, "CKF_DUAL_CRYPTO_OPERATIONS");
        TOKEN_FLAGS.put(0x400L, "CKF_TOKEN_INITIALIZED");
        TOKEN_FLAGS.put(0x800L, "CKF_SECONDARY_AUTHENTICATION");
        TOKEN_FLAGS.put(0x10000L, "CKF_USER_PIN_COUNT_LOW");
        TOKEN_FLAGS.put(0x20000L, "CKF_USER_PIN_FINAL_TRY");
        TOKEN_FLAGS.put(0x40000L, "CKF_USER_PIN_LOCKED");
        TOKEN_FLAGS.put(0x80000L, "CKF_USER_PIN_TO_BE_CHANGED");
        TOKEN_FLAGS.put(0x100000L, "CKF_SO_PIN_COUNT_LOW");
        TOKEN_FLAGS.put(0x200000L, "CKF_SO_PIN_FINAL_TRY");
        TOKEN_FLAGS.put(0x400000L, "CKF_SO_PIN_LOCKED");
        TOKEN_FLAGS.put(0x800000L, "CKF_SO_PIN_TO_BE_CHANGED");
        TOKEN_FLAGS.put(0x1000000L, "CKF_ERROR_STATE");
    }

    static TokenView of(SlotDescription slot) {
        TokenDescription token = slot.token();
        if (token == null) {
            return new TokenView(slot.slotId(), slot.description(), false, null, null, null, null, null, null, null,
                    null, null, null);
        }
        return new TokenView(slot.slotId(), slot.description(), true, token.label(), token.serial(), token.model(),
                token.manufacturer(), flagNames(token.flags()), token.maxSessionCount(), token.sessionCount(),
                token.minPinLength(), token.maxPinLength(), token.mechanisms());
    }

    static List<String> flagNames(long flags) {
        List<String> names = new ArrayList<>();
        TOKEN_FLAGS.forEach((bit, name) -> {
            if ((flags & bit) == bit) {
                names.add(name);
            }
        });
        return names;
    }
}
