package io.hsmgate.model;

import java.util.List;

/** What pushing the candidate would change against running revision {@code runningRevision}. */
public record Preview(long runningRevision, List<ItemChange> changes, List<AffectedConnection> affectedConnections) {

    public Preview {
        changes = List.copyOf(changes);
        affectedConnections = List.copyOf(affectedConnections);
    }

    public boolean hasChanges() {
        return !changes.isEmpty();
    }
}
