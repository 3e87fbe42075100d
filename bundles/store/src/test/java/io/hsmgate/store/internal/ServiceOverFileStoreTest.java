package io.hsmgate.store.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.hsmgate.model.Actor;
import io.hsmgate.model.AuditEntry;
import io.hsmgate.model.DesiredState;
import io.hsmgate.model.HsmConnection;
import io.hsmgate.model.HsmConnectionInput;
import io.hsmgate.model.ItemType;
import io.hsmgate.model.UserType;
import io.hsmgate.model.internal.StoredConfigurationService;

/** The model over the file store across a restart, and the JSON contract of the records. */
class ServiceOverFileStoreTest {

    private static final Actor ADMIN = Actor.of("admin");

    @TempDir
    Path data;

    @Test
    void candidateRunningDesiredStateAndAuditSurviveARestart() throws Exception {
        HsmConnection created;
        try (FileConfigurationStore store = new FileConfigurationStore(StoreSettings.of(data))) {
            StoredConfigurationService service = new StoredConfigurationService(store);
            created = service.createConnection(input("primary", "Tr4iling-Pin"), ADMIN);
            service.push(ADMIN);
            service.updateConnection(created.id(), 1, input("primary renamed", null), ADMIN);
            service.setDesiredState(created.id(), DesiredState.STOPPED, ADMIN);
        }
        try (FileConfigurationStore store = new FileConfigurationStore(StoreSettings.of(data))) {
            StoredConfigurationService service = new StoredConfigurationService(store);
            assertEquals("primary renamed", service.connections().get(0).name());
            assertEquals(2, service.connections().get(0).version());
            assertEquals(1, service.running().number());
            assertEquals("primary", service.running().connections().get(0).name());
            assertArrayEquals("Tr4iling-Pin".toCharArray(), service.runningPin(created.id()));
            assertEquals(DesiredState.STOPPED, service.desiredState(created.id()));
            assertEquals(List.of("name"), service.preview().changes().get(0).fields().stream()
                    .map(f -> f.field()).toList());
            List<AuditEntry> audit = service.auditLog(10);
            assertEquals(List.of(AuditEntry.SET_DESIRED_STATE, AuditEntry.UPDATE, AuditEntry.PUSH, AuditEntry.CREATE),
                    audit.stream().map(AuditEntry::action).toList());
            assertEquals(ItemType.HSM_CONNECTION, audit.get(3).itemType());
            assertEquals(AuditEntry.REDACTED, audit.get(3).after().get("pin"));
        }
    }

    @Test
    void recordsUseTheJsonContractNamesAndNeverCarryThePin() throws Exception {
        ObjectMapper mapper = Json.mapper();
        HsmConnection connection;
        try (FileConfigurationStore store = new FileConfigurationStore(StoreSettings.of(data))) {
            connection = new StoredConfigurationService(store).createConnection(input("json", "pin-json-1"), ADMIN);
        }
        JsonNode json = mapper.valueToTree(connection);
        List<String> names = iterable(json.fieldNames());
        assertEquals(List.of("id", "name", "libraryPath", "tokenLabel", "authenticate", "userType", "pinSet",
                "maxSessions", "connectionTimeoutSeconds", "createdAt", "updatedAt", "version"), names);
        assertEquals("USER", json.get("userType").asText());
        assertFalse(json.toString().contains("pin-json-1"));

        HsmConnectionInput parsed = mapper.readValue("{\"id\":\"ignored\",\"name\":\"n\",\"libraryPath\":\"/l.so\","
                + "\"slotNumber\":4294967295,\"pin\":\"s3cret\",\"userType\":\"SO\",\"maxSessions\":5,"
                + "\"createdAt\":\"2026-01-01T00:00:00Z\"}", HsmConnectionInput.class);
        assertArrayEquals("s3cret".toCharArray(), parsed.pin());
        assertEquals(UserType.SO, parsed.userType());
        assertEquals(4294967295L, parsed.slotNumber());
        assertTrue(parsed.toString().contains("pin=(given)"));
        assertEquals("\"private key\"", mapper.writeValueAsString(ItemType.PRIVATE_KEY));
        assertEquals(Map.of("actor", "admin"), mapper.convertValue(Map.of("actor", ADMIN), Map.class));
    }

    private static List<String> iterable(java.util.Iterator<String> names) {
        List<String> list = new java.util.ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }

    private static HsmConnectionInput input(String name, String pin) {
        return new HsmConnectionInput(name, null, "/usr/lib/softhsm/libsofthsm2.so", null, "token", null, true,
                pin == null ? null : pin.toCharArray(), UserType.USER, null, null, null);
    }
}
