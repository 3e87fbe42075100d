package io.hsmgate.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The kinds of configuration item; {@link #label()} is the name used in JSON and in messages. */
public enum ItemType {
    HSM_CONNECTION("HSM connection"),
    PRIVATE_KEY("private key"),
    TLS_CERTIFICATE("TLS certificate"),
    PROXY_SERVER("proxy server");

    private final String label;

    ItemType(String label) {
        this.label = label;
    }

    @JsonValue
    public String label() {
        return label;
    }

    /**
     * @throws IllegalArgumentException if the label names no item type
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static ItemType ofLabel(String label) {
        for (ItemType type : values()) {
            if (type.label.equals(label)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown item type \"" + label + "\"");
    }
}
