package io.hsmgate.store.internal;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.hsmgate.model.spi.DocumentType;
import io.hsmgate.model.spi.StoreSnapshot;

/** Immutable: a commit builds a new snapshot, copying only the collections it changed. */
final class MemorySnapshot implements StoreSnapshot {

    private final long generation;
    private final Map<DocumentType<?>, Map<String, Object>> documents;

    MemorySnapshot(long generation, Map<DocumentType<?>, Map<String, Object>> documents) {
        this.generation = generation;
        Map<DocumentType<?>, Map<String, Object>> copy = new HashMap<>();
        documents.forEach((type, byId) -> copy.put(type, Collections.unmodifiableMap(new HashMap<>(byId))));
        this.documents = Collections.unmodifiableMap(copy);
    }

    private MemorySnapshot(Map<DocumentType<?>, Map<String, Object>> documents, long generation) {
        this.generation = generation;
        this.documents = documents;
    }

    @Override
    public long generation() {
        return generation;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> Map<String, T> documents(DocumentType<T> type) {
        return (Map<String, T>) documents.getOrDefault(type, Map.of());
    }

    boolean isEmpty() {
        return documents.values().stream().allMatch(Map::isEmpty);
    }

    MemorySnapshot with(List<Write> writes, long newGeneration) {
        Map<DocumentType<?>, Map<String, Object>> changed = new HashMap<>();
        for (Write write : writes) {
            Map<String, Object> byId = changed.computeIfAbsent(write.type(),
                    type -> new HashMap<>(documents.getOrDefault(type, Map.of())));
            if (write.isDelete()) {
                byId.remove(write.id());
            } else {
                byId.put(write.id(), write.document());
            }
        }
        Map<DocumentType<?>, Map<String, Object>> next = new HashMap<>(documents);
        changed.forEach((type, byId) -> next.put(type, Collections.unmodifiableMap(byId)));
        return new MemorySnapshot(Collections.unmodifiableMap(next), newGeneration);
    }
}
