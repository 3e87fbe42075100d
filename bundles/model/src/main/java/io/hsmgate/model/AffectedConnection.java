package io.hsmgate.model;

import java.util.List;
import java.util.UUID;

/**
 * A running connection a push would touch: MODIFIED (its settings change, so it is flagged "restart pending";
 * {@code fields} names them) or REMOVED (it will stop).
 */
public record AffectedConnection(UUID id, String name, ChangeKind change, List<String> fields) {

    public AffectedConnection {
        fields = List.copyOf(fields);
    }
}
