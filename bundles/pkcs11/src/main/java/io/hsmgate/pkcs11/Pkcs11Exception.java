package io.hsmgate.pkcs11;

/**
 * A PKCS#11 function returned an error that no more specific subclass of {@link HsmException} describes.
 * Carries the CK_RV code and its symbolic name (hex for vendor codes the adapter does not know).
 */
public class Pkcs11Exception extends HsmException {
    private static final long serialVersionUID = 1L;

    private final String function;

    /**
     * @param function the PKCS#11 function that failed, e.g. "C_Sign"
     * @param rv the CK_RV it returned
     * @param rvName the symbolic name of {@code rv}
     */
    public Pkcs11Exception(String function, long rv, String rvName) {
        super(function + " failed", rv, rvName, null);
        this.function = function;
    }

    /** @return the PKCS#11 function that failed, e.g. "C_Sign" */
    public String function() {
        return function;
    }

    /** @return the CK_RV code (never -1 for this class) */
    public long code() {
        return returnValue().orElse(-1);
    }
}
