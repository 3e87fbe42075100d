package io.hsmgate.pkcs11;

/** The token or the key does not support the requested mechanism or parameters: choose another algorithm or key. */
public class UnsupportedMechanismException extends HsmException {
    private static final long serialVersionUID = 1L;

    public UnsupportedMechanismException(String message, Throwable cause) {
        super(message, cause);
    }

    public UnsupportedMechanismException(String message, long rv, String rvName) {
        super(message, rv, rvName, null);
    }
}
