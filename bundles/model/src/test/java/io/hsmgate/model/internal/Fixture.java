package io.hsmgate.model.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import io.hsmgate.model.Actor;
import io.hsmgate.model.HsmConnectionInput;
import io.hsmgate.model.RunningConfigurationListener;
import io.hsmgate.model.UserType;

/** A service over an in-memory store with a fixed clock. */
final class Fixture {

    static final Actor ALICE = Actor.of("alice");
    static final Instant T0 = Instant.parse("2026-01-02T03:04:05.678Z");

    final InMemoryStore store = new InMemoryStore();
    final List<RunningConfigurationListener> listeners = new ArrayList<>();
    final StoredConfigurationService service;

    Fixture(RunningConfigurationListener... listeners) {
        this.listeners.addAll(List.of(listeners));
        this.service = new StoredConfigurationService(store, Clock.fixed(T0, ZoneOffset.UTC), this.listeners);
    }

    static HsmConnectionInput connection(String name) {
        return new HsmConnectionInput(name, null, "/usr/lib/softhsm/libsofthsm2.so", null, "token-1", null, null,
                "1234".toCharArray(), UserType.USER, null, null, null);
    }

    static HsmConnectionInput withLabel(HsmConnectionInput in, String label) {
        return new HsmConnectionInput(in.name(), in.description(), in.libraryPath(), in.tokenSerialNumber(), label,
                in.slotNumber(), in.authenticate(), in.pin(), in.userType(), in.maxSessions(),
                in.connectionTimeoutSeconds(), in.vendor());
    }

    static HsmConnectionInput withPin(HsmConnectionInput in, String pin) {
        return new HsmConnectionInput(in.name(), in.description(), in.libraryPath(), in.tokenSerialNumber(),
                in.tokenLabel(), in.slotNumber(), in.authenticate(), pin == null ? null : pin.toCharArray(),
                in.userType(), in.maxSessions(), in.connectionTimeoutSeconds(), in.vendor());
    }

    static HsmConnectionInput withDescription(HsmConnectionInput in, String description) {
        return new HsmConnectionInput(in.name(), description, in.libraryPath(), in.tokenSerialNumber(),
                in.tokenLabel(), in.slotNumber(), in.authenticate(), in.pin(), in.userType(), in.maxSessions(),
                in.connectionTimeoutSeconds(), in.vendor());
    }

    static HsmConnectionInput withMaxSessions(HsmConnectionInput in, Integer maxSessions) {
        return new HsmConnectionInput(in.name(), in.description(), in.libraryPath(), in.tokenSerialNumber(),
                in.tokenLabel(), in.slotNumber(), in.authenticate(), in.pin(), in.userType(), maxSessions,
                in.connectionTimeoutSeconds(), in.vendor());
    }
}
