package io.hsmgate.pkcs11;

import java.util.Map;

/**
 * A snapshot of a connection's session pool.
 *
 * @param limit the pool size: min(maxSessions, the token's ulMaxSessionCount when finite)
 * @param open sessions open in the pool now (the login session not counted)
 * @param inUse sessions lent out now
 * @param idle open sessions waiting to be lent
 * @param waiters threads waiting for a session now
 * @param waits borrows that had to wait
 * @param timeouts borrows that gave up (timeout or interrupt)
 * @param created sessions opened since the connection started
 * @param closed sessions closed since the connection started
 * @param loans borrows served
 * @param errorsByName PKCS#11 errors seen, by CKR name
 * @param signaturesByMechanism signatures made, by CKM name
 */
public record PoolCounters(int limit, int open, int inUse, int idle, int waiters, long waits, long timeouts,
                           long created, long closed, long loans, Map<String, Long> errorsByName,
                           Map<String, Long> signaturesByMechanism) {

    public PoolCounters {
        errorsByName = Map.copyOf(errorsByName);
        signaturesByMechanism = Map.copyOf(signaturesByMechanism);
    }
}
