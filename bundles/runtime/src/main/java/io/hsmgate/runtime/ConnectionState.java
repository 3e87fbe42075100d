package io.hsmgate.runtime;

/** Where a running HSM connection is in its life. */
public enum ConnectionState {
    /** not running: stopped by an operator, or never started */
    STOPPED,
    /** loading the library, resolving the token, logging in */
    STARTING,
    /** serving sessions */
    RUNNING,
    /** serving, but a recent call failed and recovery is under way */
    DEGRADED,
    /** could not start or recover; {@link ConnectionStatus#nextRetry()} says when it tries again, if ever */
    FAILED,
    /** the vendor adapter it needs is not present; it starts when the adapter bundle comes back */
    WAITING_FOR_ADAPTER,
    /** letting admitted calls finish before closing every session */
    STOPPING;

    /** @return whether callers can borrow sessions in this state */
    public boolean serves() {
        return this == RUNNING || this == DEGRADED;
    }
}
