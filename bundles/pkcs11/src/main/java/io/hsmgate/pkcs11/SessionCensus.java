package io.hsmgate.pkcs11;

/**
 * Sessions this bundle opened and closed since it started, over every library: equal numbers after every
 * connection stopped mean no session leaked.
 *
 * @param opened successful C_OpenSession calls
 * @param closed C_CloseSession calls for sessions it had opened
 */
public record SessionCensus(long opened, long closed) {

    /** @return sessions open now */
    public long open() {
        return opened - closed;
    }
}
