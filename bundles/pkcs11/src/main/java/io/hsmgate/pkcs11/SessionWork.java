package io.hsmgate.pkcs11;

/**
 * Work done with a borrowed session; see {@link TokenConnection#withSession(SessionWork)}.
 *
 * @param <T> the result
 */
@FunctionalInterface
public interface SessionWork<T> {
    /**
     * @param session the borrowed session, valid only during this call
     * @return the result
     * @throws HsmException when a PKCS#11 call fails
     */
    T run(Pkcs11Session session) throws HsmException;
}
