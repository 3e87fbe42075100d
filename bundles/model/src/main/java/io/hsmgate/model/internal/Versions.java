package io.hsmgate.model.internal;

import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import io.hsmgate.model.ConflictException;
import io.hsmgate.model.ItemType;

/** Optimistic concurrency and name uniqueness, the two conflicts every item type shares. */
final class Versions {

    private Versions() {
    }

    static void check(ItemType type, String name, long current, long basedOn) throws ConflictException {
        if (current != basedOn) {
            throw new ConflictException("version", type.label() + " " + Texts.quoted(name) + " was changed meanwhile:"
                    + " your change is based on version " + basedOn + ", the current version is " + current
                    + "; reload it and apply your change again");
        }
    }

    static <T> void checkNameFree(ItemType type, Map<String, T> documents, Function<T, UUID> id,
            Function<T, String> name, String wanted, UUID self) throws ConflictException {
        for (T document : documents.values()) {
            if (!id.apply(document).equals(self) && name.apply(document).equalsIgnoreCase(wanted)) {
                throw new ConflictException("name", "another " + type.label() + " is already named "
                        + Texts.quoted(name.apply(document)) + " (id " + id.apply(document) + "); names are unique"
                        + " ignoring case");
            }
        }
    }
}
