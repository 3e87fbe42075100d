package io.hsmgate.pkcs11;

/**
 * No session became free within the connection timeout, or the waiting thread was interrupted (then its
 * interrupt flag is set again). The operator may raise the number of sessions or the timeout, or reduce load.
 */
public class SessionPoolTimeoutException extends HsmException {
    private static final long serialVersionUID = 1L;

    private final boolean interrupted;

    public SessionPoolTimeoutException(String message, boolean interrupted, Throwable cause) {
        super(message, cause);
        this.interrupted = interrupted;
    }

    /** @return true when the wait ended because the thread was interrupted, not because the timeout passed */
    public boolean interrupted() {
        return interrupted;
    }
}
