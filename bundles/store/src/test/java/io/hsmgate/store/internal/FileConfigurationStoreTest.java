package io.hsmgate.store.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.hsmgate.model.AuditEntry;
import io.hsmgate.model.StorageException;
import io.hsmgate.model.ValidationException;
import io.hsmgate.model.spi.ConnectionDocument;
import io.hsmgate.model.spi.DesiredStateDocument;
import io.hsmgate.model.spi.DocumentType;
import io.hsmgate.model.spi.SealedSecret;

class FileConfigurationStoreTest {

    @TempDir
    Path data;

    private FileConfigurationStore open() throws StorageException {
        return new FileConfigurationStore(StoreSettings.of(data));
    }

    private static void put(FileConfigurationStore store, UUID id, String description) throws Exception {
        store.transact(tx -> {
            tx.put(DocumentType.HSM_CONNECTIONS, id.toString(), Documents.connection(id, description, null));
            tx.audit(Documents.audit(description));
            return null;
        });
    }

    private Path typeDirectory() {
        return data.resolve("documents").resolve(DocumentType.HSM_CONNECTIONS.name());
    }

    private List<String> fileNames(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(f -> f.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }

    @Test
    void documentsSurviveReopenWithSecretsThatStillOpen() throws Exception {
        UUID id = UUID.randomUUID();
        try (FileConfigurationStore store = open()) {
            SealedSecret pin = store.secrets().seal("4321".toCharArray(), "pin:" + id);
            store.transact(tx -> {
                tx.put(DocumentType.HSM_CONNECTIONS, id.toString(), Documents.connection(id, "first", pin));
                return null;
            });
            assertEquals(1, store.snapshot().generation());
        }
        try (FileConfigurationStore store = open()) {
            ConnectionDocument loaded = store.snapshot().document(DocumentType.HSM_CONNECTIONS, id.toString());
            assertEquals("first", loaded.connection().description());
            assertEquals(Documents.T0, loaded.connection().createdAt());
            assertArrayEquals("4321".toCharArray(), store.secrets().open(loaded.pin(), "pin:" + id));
            assertThrows(StorageException.class, () -> store.secrets().open(loaded.pin(), "pin:" + UUID.randomUUID()));
            assertEquals(1, store.snapshot().generation());
        }
    }

    @Test
    void keepsAFewGenerationsAndDeletesWithoutResurrection() throws Exception {
        UUID id = UUID.randomUUID();
        try (FileConfigurationStore store = open()) {
            for (int i = 1; i <= 5; i++) {
                put(store, id, "v" + i);
            }
            assertEquals(List.of(id + ".3.json", id + ".4.json", id + ".5.json"), fileNames(typeDirectory()));
            store.transact(tx -> {
                tx.delete(DocumentType.HSM_CONNECTIONS, id.toString());
                return null;
            });
            assertEquals(List.of(), fileNames(typeDirectory()));
            assertNull(store.snapshot().document(DocumentType.HSM_CONNECTIONS, id.toString()));
        }
        // a tombstone left by a crash after the delete still wins over older generations
        UUID other = UUID.randomUUID();
        try (FileConfigurationStore store = open()) {
            put(store, other, "v1");
        }
        Files.createFile(typeDirectory().resolve(other + ".99.deleted"));
        Files.writeString(typeDirectory().resolve(other + ".100.json.tmp"), "{half a wri");
        try (FileConfigurationStore store = open()) {
            assertNull(store.snapshot().document(DocumentType.HSM_CONNECTIONS, other.toString()));
            assertEquals(List.of(), fileNames(typeDirectory()));
        }
    }

    @Test
    void aFailedTransactionWritesNothing() throws Exception {
        UUID id = UUID.randomUUID();
        try (FileConfigurationStore store = open()) {
            assertThrows(ValidationException.class, () -> store.transact(tx -> {
                tx.put(DocumentType.HSM_CONNECTIONS, id.toString(), Documents.connection(id, "x", null));
                throw new ValidationException(List.of());
            }));
            assertEquals(0, store.snapshot().generation());
            assertEquals(List.of(), fileNames(typeDirectory()));
            assertEquals(List.of(), store.readAudit(10));
        }
    }

    @Test
    void aCorruptDocumentIsRefusedNamingItAndTheLastGoodGeneration() throws Exception {
        UUID id = UUID.randomUUID();
        try (FileConfigurationStore store = open()) {
            put(store, id, "v1");
            put(store, id, "v2");
        }
        Path newest = typeDirectory().resolve(id + ".2.json");
        Files.writeString(newest, "{\"schemaVersion\":1,\"type\":\"hsm-connections\",\"id\":\"x\",\"generation\":2,"
                + "\"document\":{\"connection\":{\"name\": tru");
        StorageException refused = assertThrows(StorageException.class, this::open);
        assertTrue(refused.getMessage().startsWith("corrupt document " + newest + ": "), refused.getMessage());
        assertTrue(refused.getMessage().contains("the last good generation is 1 ("
                + typeDirectory().resolve(id + ".1.json") + ")"), refused.getMessage());
        // the refusal released the lock: moving the corrupt file away is enough to start again
        Files.move(newest, data.resolve("corrupt.json"));
        try (FileConfigurationStore store = open()) {
            assertEquals("v1", store.snapshot().document(DocumentType.HSM_CONNECTIONS, id.toString()).connection()
                    .description());
        }
    }

    @Test
    void aDocumentFromANewerSchemaIsRefused() throws Exception {
        UUID id = UUID.randomUUID();
        try (FileConfigurationStore store = open()) {
            put(store, id, "v1");
        }
        Path file = typeDirectory().resolve(id + ".1.json");
        Files.writeString(file, Files.readString(file).replace("\"schemaVersion\":1", "\"schemaVersion\":9"));
        StorageException refused = assertThrows(StorageException.class, this::open);
        assertTrue(refused.getMessage().contains("written with schema version 9 by a newer hsmgate"),
                refused.getMessage());
        assertTrue(refused.getMessage().contains("there is no good earlier generation"), refused.getMessage());
    }

    @Test
    void aSecondStoreOnTheSameDirectoryIsRefusedUntilTheFirstCloses() throws Exception {
        FileConfigurationStore first = open();
        StorageException refused = assertThrows(StorageException.class, this::open);
        assertEquals("data directory " + data.toAbsolutePath().normalize() + " is in use by another hsmgate process"
                + " (pid " + ProcessHandle.current().pid() + ") (it holds the lock on "
                + data.toAbsolutePath().normalize().resolve("hsmgate.lock") + "); stop that process or give this one"
                + " another HSMGATE_DATA_DIR", refused.getMessage());
        first.close();
        first.close();
        assertThrows(StorageException.class, () -> first.transact(tx -> null));
        open().close();
    }

    @Test
    void aSecondProcessIsRefused() throws Exception {
        try (FileConfigurationStore store = open()) {
            Process child = new ProcessBuilder(ChildJvm.command(LockProbe.class, data.toString()))
                    .redirectErrorStream(true).start();
            String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(3, child.waitFor(), output);
            assertTrue(output.contains("is in use by another hsmgate process (pid " + ProcessHandle.current().pid()
                    + ")"), output);
        }
    }

    @Test
    void theSecretKeyFileIsOwnerOnlyAndChecked() throws Exception {
        open().close();
        Path key = data.resolve("secret.key");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
        assertEquals(32, Files.size(key));
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));
        assertEquals("secret key file " + key + " is accessible to others (rw-r--r--); run chmod 600 " + key,
                assertThrows(StorageException.class, this::open).getMessage());
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));

        try (FileConfigurationStore store = open()) {
            put(store, UUID.randomUUID(), "sealed data now exists");
        }
        Files.delete(key);
        assertTrue(assertThrows(StorageException.class, this::open).getMessage()
                .contains("is missing but data directory " + data.toAbsolutePath().normalize()
                        + " holds sealed secrets"));
    }

    @Test
    void aConfiguredKeyFileMustExist(@TempDir Path elsewhere) {
        Path key = elsewhere.resolve("hsmgate.key");
        StoreSettings settings = new StoreSettings(data, key, true, 3, 1 << 20, 5);
        assertEquals("the configured secret key file " + key + " does not exist",
                assertThrows(StorageException.class, () -> new FileConfigurationStore(settings)).getMessage());
    }

    @Test
    void multiDocumentCommitsAreReplayedAfterACrash() throws Exception {
        UUID id = UUID.randomUUID();
        try (FileConfigurationStore store = open()) {
            store.transact(tx -> {
                tx.put(DocumentType.HSM_CONNECTIONS, id.toString(), Documents.connection(id, "both", null));
                tx.put(DocumentType.DESIRED_STATES, id.toString(), new DesiredStateDocument(id,
                        io.hsmgate.model.DesiredState.STOPPED, Documents.T0, io.hsmgate.model.Actor.of("t")));
                return null;
            });
        }
        assertFalse(Files.exists(data.resolve("documents/pending-commit.json")));
        // as if the process died after writing the commit record and before applying it
        UUID lost = UUID.randomUUID();
        String pending = "{\"schemaVersion\":1,\"generation\":7,\"writes\":[{\"type\":\"hsm-connections\",\"id\":\""
                + lost + "\",\"document\":" + Json.mapper().writeValueAsString(Documents.connection(lost, "replayed",
                        null)) + "},{\"type\":\"hsm-connections\",\"id\":\"" + id + "\",\"document\":null}]}";
        Files.writeString(data.resolve("documents/pending-commit.json"), pending);
        try (FileConfigurationStore store = open()) {
            assertEquals("replayed", store.snapshot().document(DocumentType.HSM_CONNECTIONS, lost.toString())
                    .connection().description());
            assertNull(store.snapshot().document(DocumentType.HSM_CONNECTIONS, id.toString()));
            assertEquals(io.hsmgate.model.DesiredState.STOPPED, store.snapshot().document(
                    DocumentType.DESIRED_STATES, id.toString()).state());
            assertEquals(7, store.snapshot().generation());
        }
        assertFalse(Files.exists(data.resolve("documents/pending-commit.json")));
    }

    @Test
    void auditLogIsRotatedBySizeAndSurvivesATornLine() throws Exception {
        StoreSettings small = new StoreSettings(data.toAbsolutePath(), data.resolve("secret.key"), false, 3, 4096, 2);
        try (FileConfigurationStore store = new FileConfigurationStore(small)) {
            for (int i = 0; i < 150; i++) {
                store.transact(tx -> {
                    tx.audit(Documents.audit("entry"));
                    return null;
                });
            }
            List<AuditEntry> entries = store.readAudit(1000);
            assertTrue(entries.size() < 100 && entries.size() > 20, "rotated files beyond 2 are dropped: "
                    + entries.size());
        }
        List<String> files = fileNames(data.resolve("audit"));
        assertEquals(3, files.size(), files.toString());
        assertTrue(files.contains("audit.jsonl"));
        Files.writeString(data.resolve("audit/audit.jsonl"), "{\"time\":\"2026-01-0", StandardOpenOption.APPEND);
        try (FileConfigurationStore store = new FileConfigurationStore(small)) {
            int before = store.readAudit(1000).size();
            store.transact(tx -> {
                tx.audit(Documents.audit("after the crash"));
                return null;
            });
            List<AuditEntry> entries = store.readAudit(1000);
            assertEquals(before + 1, entries.size());
            assertEquals("after the crash", entries.get(0).detail());
        }
    }

    @Test
    void settingsComeFromTheFrameworkPropertyUnlessConfigured() {
        StoreConfiguration defaults = configuration("", "");
        assertEquals(Path.of("/srv/hsmgate"), StoreSettings.of(defaults, "/srv/hsmgate").dataDirectory());
        assertEquals(Path.of("/srv/hsmgate/secret.key"), StoreSettings.of(defaults, "/srv/hsmgate").secretKeyFile());
        StoreSettings configured = StoreSettings.of(configuration("/data", "/keys/k"), "/srv/hsmgate");
        assertEquals(Path.of("/data"), configured.dataDirectory());
        assertEquals(Path.of("/keys/k"), configured.secretKeyFile());
        assertTrue(configured.secretKeyFileConfigured());
        assertEquals("no data directory: set the environment variable HSMGATE_DATA_DIR (the launcher passes it as"
                + " framework property hsmgate.data.dir) or dataDirectory in configuration io.hsmgate.store",
                assertThrows(IllegalArgumentException.class, () -> StoreSettings.of(defaults, null)).getMessage());
        assertNotEquals(0, defaults.generationsKept());
    }

    private static StoreConfiguration configuration(String dataDirectory, String keyFile) {
        return new StoreConfiguration() {
            @Override
            public Class<? extends java.lang.annotation.Annotation> annotationType() {
                return StoreConfiguration.class;
            }

            @Override
            public String dataDirectory() {
                return dataDirectory;
            }

            @Override
            public String secretKeyFile() {
                return keyFile;
            }

            @Override
            public int generationsKept() {
                return 3;
            }

            @Override
            public long auditFileMaxBytes() {
                return 1 << 20;
            }

            @Override
            public int auditFilesKept() {
                return 5;
            }
        };
    }
}
