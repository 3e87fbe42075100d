package io.hsmgate.runtime;

import io.hsmgate.pkcs11.PoolCounters;
import java.util.Optional;
import java.util.UUID;

/**
 * One running-revision connection as the runtime sees it.
 *
 * @param id its id
 * @param name its name
 * @param status its state, reason, since and next retry
 * @param desiredStarted whether an operator wants it running
 * @param restartPending whether its pushed settings differ from those it runs with
 * @param vendor the vendor profile it runs with ("generic" when no adapter claimed it), empty when not running
 * @param vendorVersion the version of the adapter bundle it runs with, empty for the generic profile
 * @param pool its session pool counters, when it has a pool
 * @param signatures signatures made through the runtime since it started
 * @param signErrors failed sign calls since it started
 */
public record ConnectionOverview(UUID id, String name, ConnectionStatus status, boolean desiredStarted,
                                 boolean restartPending, Optional<String> vendor, Optional<String> vendorVersion,
                                 Optional<PoolCounters> pool,
                                 long signatures, long signErrors) {
}
