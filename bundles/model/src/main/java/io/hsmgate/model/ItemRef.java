package io.hsmgate.model;

import java.util.UUID;

/** Names a configuration item: its type, id and name. */
public record ItemRef(ItemType type, UUID id, String name) {

    @Override
    public String toString() {
        return type.label() + " \"" + name + "\" (" + id + ")";
    }
}
