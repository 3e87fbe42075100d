package io.hsmgate.pkcs11;

import java.util.OptionalLong;

/**
 * Base of every checked error of the PKCS#11 core. Subclasses say what the operator must do: {@link
 * HsmOfflineException} (bring the device or token back), {@link HsmAuthenticationException} (fix the PIN),
 * {@link HsmConfigurationException} (fix the settings), {@link UnsupportedMechanismException} (choose another
 * algorithm or key), {@link SessionPoolTimeoutException} (more sessions or less load); anything else is a
 * {@link Pkcs11Exception}.
 *
 * <p>When the error came from the library it carries the PKCS#11 return value and its symbolic name
 * (vendor codes decoded by the vendor adapter, hex when unknown). Messages never contain PINs or key material.
 */
public class HsmException extends Exception {
    private static final long serialVersionUID = 1L;

    private final long returnValue;
    private final String returnValueName;

    /** An error that did not come from a PKCS#11 return value. */
    public HsmException(String message, Throwable cause) {
        super(message, cause);
        this.returnValue = -1;
        this.returnValueName = null;
    }

    /** An error caused by a PKCS#11 return value {@code rv} named {@code rvName} (e.g. CKR_PIN_INCORRECT). */
    public HsmException(String message, long rv, String rvName, Throwable cause) {
        super(message + " (" + rvName + ")", cause);
        this.returnValue = rv;
        this.returnValueName = rvName;
    }

    /** @return the PKCS#11 return value (CK_RV) behind this error, if there was one */
    public OptionalLong returnValue() {
        return returnValueName == null ? OptionalLong.empty() : OptionalLong.of(returnValue);
    }

    /** @return the symbolic name of {@link #returnValue()} (e.g. "CKR_DEVICE_ERROR", or "0x8000001F"), or null */
    public String returnValueName() {
        return returnValueName;
    }
}
