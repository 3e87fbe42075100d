package io.hsmgate.model.spi;

import java.util.List;

import io.hsmgate.model.AuditEntry;
import io.hsmgate.model.ConfigurationException;
import io.hsmgate.model.StorageException;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Persistence for the configuration model: documents by type and id, changed in serialised transactions,
 * plus sealed secrets and an append-only audit log.
 */
@ProviderType
public interface ConfigurationStore {

    /** The latest committed state; cheap, never blocks on a writer. */
    StoreSnapshot snapshot();

    /**
     * Runs {@code work} with exclusive write access and commits what it staged: when this returns, every put,
     * delete and audit entry is on disk (fsync'd). Exceptions from {@code work} pass through unchanged and
     * nothing is written.
     *
     * @throws StorageException if the commit could not be made durable; the store then still holds the
     *         previous state
     */
    <R> R transact(Transaction<R> work) throws ConfigurationException;

    SecretBox secrets();

    /** The newest {@code limit} audit entries, newest first. */
    List<AuditEntry> readAudit(int limit) throws StorageException;
}
