package io.hsmgate.store.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.hsmgate.model.AuditEntry;
import io.hsmgate.model.spi.DocumentType;
import io.hsmgate.model.spi.StoreSnapshot;
import io.hsmgate.model.spi.StoreTransaction;

/** Collects what a transaction wants written; nothing touches the disk until the store commits it. */
final class StagedTransaction implements StoreTransaction {

    /** Ids become file names, so only UUID-like text is allowed. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,63}");

    private final StoreSnapshot snapshot;
    private final Map<String, Write> writes = new LinkedHashMap<>();
    private final List<AuditEntry> auditEntries = new ArrayList<>();

    StagedTransaction(StoreSnapshot snapshot) {
        this.snapshot = snapshot;
    }

    @Override
    public StoreSnapshot snapshot() {
        return snapshot;
    }

    @Override
    public <T> void put(DocumentType<T> type, String id, T document) {
        checkId(id);
        if (!type.documentClass().isInstance(document)) {
            throw new IllegalArgumentException("a " + type + " document must be a " + type.documentClass().getName());
        }
        writes.put(type.name() + "/" + id, new Write(type, id, document));
    }

    @Override
    public void delete(DocumentType<?> type, String id) {
        checkId(id);
        writes.put(type.name() + "/" + id, new Write(type, id, null));
    }

    @Override
    public void audit(AuditEntry entry) {
        auditEntries.add(entry);
    }

    List<Write> writes() {
        return List.copyOf(writes.values());
    }

    List<AuditEntry> auditEntries() {
        return List.copyOf(auditEntries);
    }

    boolean isEmpty() {
        return writes.isEmpty() && auditEntries.isEmpty();
    }

    static void checkId(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("document id must be letters, digits and '-' (at most 64); got " + id);
        }
    }
}
