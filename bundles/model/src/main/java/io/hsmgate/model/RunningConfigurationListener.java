package io.hsmgate.model;

import java.util.UUID;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Whiteboard service: the configuration model calls every registered listener after a push and after a
 * desired state change, on the caller's thread, after the change is durable. Implementations return quickly
 * (hand work to their own executor); an exception is logged and does not undo the change.
 */
@ConsumerType
public interface RunningConfigurationListener {

    void pushed(RunningRevision revision);

    default void desiredStateChanged(UUID connectionId, DesiredState state) {
    }
}
