package io.hsmgate.model;

/** How the candidate differs from the running revision for one item. */
public enum ChangeKind {
    ADDED,
    MODIFIED,
    REMOVED
}
