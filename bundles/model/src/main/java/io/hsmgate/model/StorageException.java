package io.hsmgate.model;

/** Persistence failed (disk, corrupt file, missing or wrong secret key); the message names the file. */
public class StorageException extends ConfigurationException {

    private static final long serialVersionUID = 1L;

    public StorageException(String message) {
        super(message);
    }

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
