package io.hsmgate.model;

import java.util.List;
import java.util.UUID;

/** One item that a push would add, modify or remove, with the changed fields (empty when added or removed). */
public record ItemChange(ItemType type, UUID id, String name, ChangeKind change, List<FieldChange> fields) {

    public ItemChange {
        fields = List.copyOf(fields);
    }
}
