package io.hsmgate.pkcs11.internal.binding;

import io.hsmgate.pkcs11.HsmAuthenticationException;
import io.hsmgate.pkcs11.HsmException;
import io.hsmgate.pkcs11.HsmOfflineException;
import io.hsmgate.pkcs11.Pkcs11Exception;
import io.hsmgate.pkcs11.UnsupportedMechanismException;
import io.hsmgate.pkcs11.spi.ErrorClass;
import io.hsmgate.pkcs11.spi.Quirk;
import io.hsmgate.pkcs11.spi.VendorProfile;
import io.hsmgate.pkcs11.spi.VendorReturnCode;

/** Return values decoded for one library: standard codes plus the vendor profile's codes. */
public final class ReturnCodes {
    private final VendorProfile profile;

    public ReturnCodes(VendorProfile profile) {
        this.profile = profile;
    }

    /** @return the symbolic name, or hex for a vendor code the profile does not know */
    public String name(long rv) {
        VendorReturnCode vendor = profile.returnCodes().get(rv);
        if (vendor != null) {
            return vendor.name();
        }
        String standard = StandardReturnCodes.name(rv);
        if (standard != null) {
            return standard;
        }
        long unwrapped = unwrap(rv);
        if (unwrapped != rv && StandardReturnCodes.name(unwrapped) != null) {
            return StandardReturnCodes.name(unwrapped) + "(0x" + Long.toHexString(rv) + ")";
        }
        return "0x" + Long.toHexString(rv);
    }

    /** @return what the core does about {@code rv}; unknown vendor codes are PERMANENT (never retried) */
    public ErrorClass classify(long rv) {
        VendorReturnCode vendor = profile.returnCodes().get(rv);
        if (vendor != null) {
            return vendor.errorClass();
        }
        return StandardReturnCodes.classify(unwrap(rv));
    }

    private long unwrap(long rv) {
        if (profile.has(Quirk.VENDOR_BIT_WRAPS_STANDARD_CODES) && (rv & Ck.CKR_VENDOR_DEFINED) != 0) {
            return rv & 0x7FFFFFFFL;
        }
        return rv;
    }

    /** @return the exception subclass that tells the operator what to do about {@code rv} from {@code function} */
    public HsmException toException(String function, long rv) {
        String name = name(rv);
        long std = unwrap(rv);
        if (std == Ck.CKR_MECHANISM_INVALID || std == Ck.CKR_MECHANISM_PARAM_INVALID
                || std == Ck.CKR_KEY_TYPE_INCONSISTENT || std == Ck.CKR_KEY_FUNCTION_NOT_PERMITTED) {
            return new UnsupportedMechanismException(function + " refused the mechanism or key", rv, name);
        }
        switch (classify(rv)) {
            case CREDENTIAL:
                return new HsmAuthenticationException(function + " failed", reason(std), rv, name);
            case TOKEN:
            case LIBRARY:
                if (std != Ck.CKR_USER_NOT_LOGGED_IN) {
                    return new HsmOfflineException(function + " failed", rv, name, null);
                }
                return new Pkcs11Exception(function, rv, name);
            default:
                return new Pkcs11Exception(function, rv, name);
        }
    }

    private static HsmAuthenticationException.Reason reason(long rv) {
        if (rv == Ck.CKR_PIN_INCORRECT || rv == Ck.CKR_PIN_INVALID || rv == Ck.CKR_PIN_LEN_RANGE) {
            return HsmAuthenticationException.Reason.PIN_INCORRECT;
        }
        if (rv == Ck.CKR_PIN_LOCKED) {
            return HsmAuthenticationException.Reason.PIN_LOCKED;
        }
        if (rv == Ck.CKR_PIN_EXPIRED) {
            return HsmAuthenticationException.Reason.PIN_EXPIRED;
        }
        return HsmAuthenticationException.Reason.OTHER;
    }
}
