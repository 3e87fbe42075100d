package io.hsmgate.model;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One audit log record. {@code action} is open ended: the model writes {@link #CREATE}, {@link #UPDATE},
 * {@link #DELETE}, {@link #PUSH}, {@link #SET_DESIRED_STATE}; the runtime adds "start", "stop", "test" and so
 * on. {@code before} and {@code after} hold the item's fields with secrets redacted; the constructor redacts
 * any property named like a secret again, so a careless caller cannot log one.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuditEntry(
        Instant time,
        Actor actor,
        String action,
        ItemType itemType,
        UUID itemId,
        String itemName,
        Map<String, Object> before,
        Map<String, Object> after,
        String detail) {

    public static final String CREATE = "create";
    public static final String UPDATE = "update";
    public static final String DELETE = "delete";
    public static final String PUSH = "push";
    public static final String SET_DESIRED_STATE = "set desired state";
    /** What a redacted secret shows in {@code before}/{@code after}. */
    public static final String REDACTED = "(redacted)";

    private static final Set<String> SECRET_PROPERTIES = Set.of("pin", "privatekeypem", "password", "secret");

    public AuditEntry {
        if (time == null || actor == null || action == null || action.isBlank()) {
            throw new IllegalArgumentException("an audit entry needs a time, an actor and an action");
        }
        before = redacted(before);
        after = redacted(after);
    }

    private static Map<String, Object> redacted(Map<String, Object> fields) {
        if (fields == null) {
            return null;
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        fields.forEach((key, value) -> copy.put(key,
                SECRET_PROPERTIES.contains(key.toLowerCase(java.util.Locale.ROOT)) && value != null ? REDACTED : value));
        return Collections.unmodifiableMap(copy);
    }
}
