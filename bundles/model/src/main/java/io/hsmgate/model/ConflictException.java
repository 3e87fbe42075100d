package io.hsmgate.model;

/**
 * The change conflicts with the current state: it was based on a stale version, or the name is taken. The
 * caller reloads and decides again.
 */
public class ConflictException extends ConfigurationException {

    private static final long serialVersionUID = 1L;

    private final String field;

    public ConflictException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The JSON property in conflict: "version" or "name". */
    public String field() {
        return field;
    }
}
