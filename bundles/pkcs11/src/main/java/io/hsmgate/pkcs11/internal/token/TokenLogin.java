package io.hsmgate.pkcs11.internal.token;

import com.sun.jna.Memory;
import com.sun.jna.NativeLong;
import io.hsmgate.pkcs11.HsmAuthenticationException;
import io.hsmgate.pkcs11.HsmAuthenticationException.Reason;
import io.hsmgate.pkcs11.HsmException;
import io.hsmgate.pkcs11.LoginSpec;
import io.hsmgate.pkcs11.TokenDescription;
import io.hsmgate.pkcs11.internal.binding.Ck;
import io.hsmgate.pkcs11.internal.binding.Cryptoki;
import io.hsmgate.pkcs11.spi.LoginPolicy;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * Logs in once on the connection's dedicated session. The PIN guard reads the token flags first and refuses to
 * try a locked or final-try PIN; a failed C_Login is reported and never retried. The PIN is cleared from the
 * char[], the byte[] and native memory right after the call.
 */
final class TokenLogin {
    private final Cryptoki cryptoki;
    private final LoginPolicy policy;

    TokenLogin(Cryptoki cryptoki, LoginPolicy policy) {
        this.cryptoki = cryptoki;
        this.policy = policy;
    }

    /** @return why the flags forbid trying the PIN at all, if they do */
    static Optional<Reason> refusal(long tokenFlags) {
        if ((tokenFlags & TokenDescription.CKF_USER_PIN_LOCKED) != 0) {
            return Optional.of(Reason.PIN_LOCKED);
        }
        if ((tokenFlags & TokenDescription.CKF_USER_PIN_FINAL_TRY) != 0) {
            return Optional.of(Reason.PIN_FINAL_TRY);
        }
        if ((tokenFlags & TokenDescription.CKF_USER_PIN_TO_BE_CHANGED) != 0) {
            return Optional.of(Reason.PIN_EXPIRED);
        }
        return Optional.empty();
    }

    /**
     * @return true when C_Login accepted the PIN; false when no login was needed, or the token was already
     *         logged in by this process (PKCS#11 shares one login per token and process), so the PIN was not checked
     */
    boolean login(NativeLong session, long slot, LoginSpec spec, TokenDirectory directory) throws HsmException {
        if (spec.mode() == LoginSpec.Mode.NONE) {
            return false;
        }
        long flags = directory.tokenFlags(slot);
        if ((flags & TokenDescription.CKF_LOGIN_REQUIRED) == 0 && !policy.loginEvenIfNotRequired()) {
            return false;
        }
        Optional<Reason> refused = refusal(flags);
        if (refused.isPresent()) {
            throw new HsmAuthenticationException(message(refused.get()), refused.get(), null);
        }
        long rv;
        if (spec.mode() == LoginSpec.Mode.PROTECTED_AUTHENTICATION_PATH) {
            rv = cryptoki.login(session, spec.userType(), null, 0);
        } else {
            rv = loginWithPin(session, spec);
        }
        if (rv != Ck.CKR_OK && rv != Ck.CKR_USER_ALREADY_LOGGED_IN) {
            HsmException e = cryptoki.codes().toException("C_Login", rv);
            if (e instanceof HsmAuthenticationException) {
                throw e;
            }
            throw new HsmAuthenticationException("C_Login failed", Reason.OTHER, rv, cryptoki.codes().name(rv));
        }
        if (policy.pinExpiredAfterLogin()
                && (directory.tokenFlags(slot) & TokenDescription.CKF_USER_PIN_TO_BE_CHANGED) != 0) {
            throw new HsmAuthenticationException(message(Reason.PIN_EXPIRED), Reason.PIN_EXPIRED, null);
        }
        return rv == Ck.CKR_OK;
    }

    private long loginWithPin(NativeLong session, LoginSpec spec) throws HsmException {
        char[] pin = spec.pin().pin();
        if (pin == null || pin.length == 0) {
            throw new HsmAuthenticationException("the token needs a login and no PIN was given", Reason.PIN_MISSING, null);
        }
        byte[] bytes = null;
        Memory nativePin = null;
        try {
            CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder();
            ByteBuffer buffer = ByteBuffer.allocate((int) (pin.length * encoder.maxBytesPerChar()));
            encoder.encode(CharBuffer.wrap(pin), buffer, true);
            bytes = new byte[buffer.position()];
            buffer.flip();
            buffer.get(bytes);
            Arrays.fill(buffer.array(), (byte) 0);
            nativePin = new Memory(bytes.length);
            nativePin.write(0, bytes, 0, bytes.length);
            return cryptoki.login(session, spec.userType(), nativePin, bytes.length);
        } finally {
            Arrays.fill(pin, '\0');
            if (bytes != null) {
                Arrays.fill(bytes, (byte) 0);
            }
            if (nativePin != null) {
                nativePin.clear();
                nativePin.close();
            }
        }
    }

    private static String message(Reason reason) {
        return switch (reason) {
            case PIN_LOCKED -> "the user PIN is locked on the token; unlock it with the SO PIN";
            case PIN_FINAL_TRY -> "the token allows one more PIN attempt only; not trying automatically, check the PIN and log in by hand";
            case PIN_EXPIRED -> "the user PIN has expired and must be changed on the token";
            default -> "login refused";
        };
    }
}
