package io.hsmgate.model.spi;

import java.time.Instant;
import java.util.UUID;

import io.hsmgate.model.Actor;
import io.hsmgate.model.DesiredState;

/** The desired state of one connection, who set it and when. */
public record DesiredStateDocument(UUID connectionId, DesiredState state, Instant changedAt, Actor changedBy) {
}
