package io.hsmgate.model;

/** Whether an operator wants a connection running; kept across restarts. */
public enum DesiredState {
    STARTED,
    STOPPED
}
