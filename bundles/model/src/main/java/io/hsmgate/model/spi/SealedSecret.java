package io.hsmgate.model.spi;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A secret sealed by the {@link SecretBox}: opaque text, safe to write to disk; JSON as a plain string. */
public record SealedSecret(@JsonValue String value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public SealedSecret {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("a sealed secret is never empty");
        }
    }

    @Override
    public String toString() {
        return "SealedSecret[...]";
    }
}
