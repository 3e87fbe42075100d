package io.hsmgate.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Who made a change: a user name from the console or REST API, or a component name such as "runtime".
 * Callers authenticate; the model only records.
 */
public record Actor(@JsonValue String name) {

    public static final int MAX_LENGTH = 200;

    /** @throws IllegalArgumentException if the name is blank or longer than {@value #MAX_LENGTH} characters */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public Actor {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("an actor needs a name");
        }
        name = name.strip();
        if (name.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("an actor name has at most " + MAX_LENGTH + " characters; got " + name.length());
        }
    }

    public static Actor of(String name) {
        return new Actor(name);
    }

    @Override
    public String toString() {
        return name;
    }
}
