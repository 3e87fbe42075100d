package io.hsmgate.model.spi;

import java.util.Map;

import org.osgi.annotation.versioning.ProviderType;

/** An immutable view of every document at one store generation. */
@ProviderType
public interface StoreSnapshot {

    /** Increases with every committed transaction. */
    long generation();

    /** The documents of one type by id; unmodifiable. */
    <T> Map<String, T> documents(DocumentType<T> type);

    default <T> T document(DocumentType<T> type, String id) {
        return documents(type).get(id);
    }
}
