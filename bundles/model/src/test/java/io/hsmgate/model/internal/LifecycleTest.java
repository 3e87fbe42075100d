package io.hsmgate.model.internal;

import static io.hsmgate.model.internal.Fixture.ALICE;
import static io.hsmgate.model.internal.Fixture.connection;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.hsmgate.model.AffectedConnection;
import io.hsmgate.model.Actor;
import io.hsmgate.model.AuditEntry;
import io.hsmgate.model.ChangeKind;
import io.hsmgate.model.DesiredState;
import io.hsmgate.model.FieldChange;
import io.hsmgate.model.HsmConnection;
import io.hsmgate.model.ItemChange;
import io.hsmgate.model.ItemType;
import io.hsmgate.model.NotFoundException;
import io.hsmgate.model.Preview;
import io.hsmgate.model.PrivateKeyInput;
import io.hsmgate.model.RunningConfigurationListener;
import io.hsmgate.model.RunningRevision;

class LifecycleTest {

    private final List<RunningRevision> pushed = new ArrayList<>();
    private final List<String> desired = new ArrayList<>();
    private final Fixture fixture = new Fixture(new RunningConfigurationListener() {
        @Override
        public void pushed(RunningRevision revision) {
            pushed.add(revision);
        }

        @Override
        public void desiredStateChanged(UUID connectionId, DesiredState state) {
            desired.add(connectionId + "=" + state);
        }
    });

    @Test
    void editsChangeOnlyTheCandidateUntilPushed() throws Exception {
        HsmConnection created = fixture.service.createConnection(connection("a"), ALICE);
        assertEquals(0, fixture.service.running().number());
        assertTrue(fixture.service.running().connections().isEmpty());
        assertThrows(NotFoundException.class, () -> fixture.service.runningPin(created.id()));
        assertArrayEquals("1234".toCharArray(), fixture.service.candidatePin(created.id()), "a saved connection can be tested before a push");
        assertThrows(NotFoundException.class, () -> fixture.service.candidatePin(java.util.UUID.randomUUID()));

        Preview preview = fixture.service.preview();
        assertEquals(List.of(new ItemChange(ItemType.HSM_CONNECTION, created.id(), "a", ChangeKind.ADDED, List.of())),
                preview.changes());
        assertEquals(List.of(), preview.affectedConnections());

        RunningRevision revision = fixture.service.push(Actor.of("bob"));
        assertEquals(1, revision.number());
        assertEquals(Actor.of("bob"), revision.pushedBy());
        assertEquals(Fixture.T0, revision.pushedAt());
        assertEquals(List.of(created), revision.connections());
        assertEquals(List.of(revision), pushed);
        assertArrayEquals("1234".toCharArray(), fixture.service.runningPin(created.id()));
        assertFalse(fixture.service.preview().hasChanges());

        // nothing to push: same revision, no listener call
        assertEquals(revision, fixture.service.push(ALICE));
        assertEquals(1, pushed.size());

        fixture.service.updateConnection(created.id(), 1, Fixture.withMaxSessions(connection("a"), 8), ALICE);
        assertEquals(1024, fixture.service.running().connections().get(0).maxSessions());
        assertEquals(2, fixture.service.push(ALICE).number());
        assertEquals(8, fixture.service.running().connections().get(0).maxSessions());
    }

    @Test
    void previewListsChangedFieldsAndAffectedConnections() throws Exception {
        HsmConnection edited = fixture.service.createConnection(connection("edited"), ALICE);
        HsmConnection cosmetic = fixture.service.createConnection(connection("cosmetic"), ALICE);
        HsmConnection removed = fixture.service.createConnection(connection("removed"), ALICE);
        HsmConnection samePin = fixture.service.createConnection(connection("same pin"), ALICE);
        fixture.service.push(ALICE);

        fixture.service.updateConnection(edited.id(), 1,
                Fixture.withPin(Fixture.withMaxSessions(connection("edited"), 16), "new-pin"), ALICE);
        fixture.service.updateConnection(cosmetic.id(), 1, Fixture.withDescription(connection("cosmetic"), "words"),
                ALICE);
        fixture.service.deleteConnection(removed.id(), 1, ALICE);
        // the same PIN typed again is sealed anew but is no change
        fixture.service.updateConnection(samePin.id(), 1, connection("same pin"), ALICE);
        HsmConnection added = fixture.service.createConnection(connection("added"), ALICE);

        Preview preview = fixture.service.preview();
        assertEquals(1, preview.runningRevision());
        assertEquals(List.of(
                new ItemChange(ItemType.HSM_CONNECTION, added.id(), "added", ChangeKind.ADDED, List.of()),
                new ItemChange(ItemType.HSM_CONNECTION, cosmetic.id(), "cosmetic", ChangeKind.MODIFIED,
                        List.of(new FieldChange("description", null, "words", false))),
                new ItemChange(ItemType.HSM_CONNECTION, edited.id(), "edited", ChangeKind.MODIFIED,
                        List.of(new FieldChange("maxSessions", "1024", "16", false), FieldChange.secret("pin"))),
                new ItemChange(ItemType.HSM_CONNECTION, removed.id(), "removed", ChangeKind.REMOVED, List.of())),
                preview.changes());
        assertEquals(List.of(new AffectedConnection(edited.id(), "edited", ChangeKind.MODIFIED,
                List.of("maxSessions", "pin")), new AffectedConnection(removed.id(), "removed", ChangeKind.REMOVED,
                        List.of())), preview.affectedConnections());
        assertFalse(preview.toString().contains("new-pin"));
        assertFalse(preview.toString().contains("1234"));
    }

    @Test
    void previewCoversCredentials() throws Exception {
        HsmConnection a = fixture.service.createConnection(connection("a"), ALICE);
        var key = fixture.service.createPrivateKey(new PrivateKeyInput("k", null, true, a.id(), "01", null, null),
                ALICE);
        fixture.service.push(ALICE);
        fixture.service.updatePrivateKey(key.id(), 1, new PrivateKeyInput("k", null, true, a.id(), "02", "lbl", null),
                ALICE);
        assertEquals(List.of(new ItemChange(ItemType.PRIVATE_KEY, key.id(), "k", ChangeKind.MODIFIED, List.of(
                new FieldChange("ckaId", "01", "02", false), new FieldChange("ckaLabel", null, "lbl", false)))),
                fixture.service.preview().changes());
        assertEquals(List.of(), fixture.service.preview().affectedConnections());
    }

    @Test
    void desiredStateDefaultsToStartedAndIsAudited() throws Exception {
        HsmConnection a = fixture.service.createConnection(connection("a"), ALICE);
        assertEquals(DesiredState.STARTED, fixture.service.desiredState(a.id()));
        fixture.service.setDesiredState(a.id(), DesiredState.STOPPED, ALICE);
        assertEquals(DesiredState.STOPPED, fixture.service.desiredState(a.id()));
        assertEquals(List.of(a.id() + "=STOPPED"), desired);
        AuditEntry entry = fixture.service.auditLog(1).get(0);
        assertEquals(AuditEntry.SET_DESIRED_STATE, entry.action());
        assertEquals(Map.of("desiredState", "STARTED"), entry.before());
        assertEquals(Map.of("desiredState", "STOPPED"), entry.after());
        assertThrows(NotFoundException.class,
                () -> fixture.service.setDesiredState(UUID.randomUUID(), DesiredState.STOPPED, ALICE));
    }

    @Test
    void auditRecordsEveryChangeWithSecretsRedacted() throws Exception {
        HsmConnection a = fixture.service.createConnection(connection("a"), ALICE);
        fixture.service.updateConnection(a.id(), 1, Fixture.withPin(connection("a"), "changed-pin"), Actor.of("bob"));
        fixture.service.push(ALICE);
        fixture.service.record(new AuditEntry(Fixture.T0, Actor.of("runtime"), "start", ItemType.HSM_CONNECTION,
                a.id(), "a", null, Map.of("state", "RUNNING", "pin", "leaked?"), null));

        List<AuditEntry> log = fixture.service.auditLog(10);
        assertEquals(List.of("start", "push", "update", "create"), log.stream().map(AuditEntry::action).toList());
        AuditEntry update = log.get(2);
        assertEquals(Actor.of("bob"), update.actor());
        assertEquals(AuditEntry.REDACTED, update.before().get("pin"));
        assertEquals(AuditEntry.REDACTED, update.after().get("pin"));
        assertEquals(1L, ((Number) update.before().get("version")).longValue());
        assertEquals("pin changed", update.detail());
        assertNull(log.get(3).before());
        assertEquals(AuditEntry.REDACTED, log.get(0).after().get("pin"));
        assertEquals(1L, ((Number) log.get(1).after().get("revision")).longValue());
        for (AuditEntry entry : log) {
            assertFalse(entry.toString().contains("1234"), entry.toString());
            assertFalse(entry.toString().contains("changed-pin"), entry.toString());
        }
    }

    @Test
    void aFailingListenerDoesNotUndoThePush() throws Exception {
        Fixture failing = new Fixture(revision -> {
            throw new IllegalStateException("listener broke");
        });
        failing.service.createConnection(connection("a"), ALICE);
        assertEquals(1, failing.service.push(ALICE).number());
        assertSame(DesiredState.STARTED, failing.service.desiredState(UUID.randomUUID()));
    }
}
