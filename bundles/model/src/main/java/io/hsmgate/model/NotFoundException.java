package io.hsmgate.model;

import java.util.UUID;

/** No item of the given type has the given id. */
public class NotFoundException extends ConfigurationException {

    private static final long serialVersionUID = 1L;

    private final ItemType type;
    private final UUID id;

    public NotFoundException(ItemType type, UUID id) {
        super("no " + type.label() + " with id " + id);
        this.type = type;
        this.id = id;
    }

    public ItemType type() {
        return type;
    }

    public UUID id() {
        return id;
    }
}
