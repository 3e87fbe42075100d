package io.hsmgate.model.spi;

import io.hsmgate.model.AuditEntry;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The write side of one transaction. Reads see the state when the transaction started (no other transaction
 * runs meanwhile); puts, deletes and audit entries are staged and become durable together when
 * {@link Transaction#run} returns normally, and are dropped when it throws.
 */
@ProviderType
public interface StoreTransaction {

    StoreSnapshot snapshot();

    <T> void put(DocumentType<T> type, String id, T document);

    void delete(DocumentType<?> type, String id);

    void audit(AuditEntry entry);
}
