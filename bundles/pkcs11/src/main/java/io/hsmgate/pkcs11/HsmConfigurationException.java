package io.hsmgate.pkcs11;

/**
 * The settings given to the core are wrong or do not match what is installed: a library that cannot be
 * loaded, a missing vendor environment variable or file, no token or several tokens matching the selector,
 * a key that does not exist. The message names what was wrong.
 */
public class HsmConfigurationException extends HsmException {
    private static final long serialVersionUID = 1L;

    public HsmConfigurationException(String message) {
        super(message, null);
    }

    public HsmConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }

    public HsmConfigurationException(String message, long rv, String rvName, Throwable cause) {
        super(message, rv, rvName, cause);
    }
}
