package io.hsmgate.pkcs11;

/** The library, device or token cannot be reached (removed, not present, device error): bring it back. */
public class HsmOfflineException extends HsmException {
    private static final long serialVersionUID = 1L;

    public HsmOfflineException(String message, Throwable cause) {
        super(message, cause);
    }

    public HsmOfflineException(String message, long rv, String rvName, Throwable cause) {
        super(message, rv, rvName, cause);
    }
}
