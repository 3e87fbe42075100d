package io.hsmgate.model;

/** Base of the checked exceptions of the configuration model; subclasses say what the caller must do. */
public class ConfigurationException extends Exception {

    private static final long serialVersionUID = 1L;

    public ConfigurationException(String message) {
        super(message);
    }

    public ConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
