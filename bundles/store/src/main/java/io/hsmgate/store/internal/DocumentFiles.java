package io.hsmgate.store.internal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.hsmgate.model.StorageException;
import io.hsmgate.model.spi.DocumentType;

/**
 * Documents on disk: {@code documents/<type>/<id>.<generation>.json}, one whole document per file, written
 * with {@link AtomicFiles}. The newest generation of an id is current; the previous ones (up to
 * {@code generationsKept} files in all) stay for recovery by hand. A delete writes a tombstone
 * {@code <id>.<generation>.deleted} before removing the older files, so a crash never brings a deleted document
 * back. A commit of several documents is first written whole to {@code pending-commit.json} and replayed at
 * load if the process died half way.
 */
final class DocumentFiles {

    static final int SCHEMA_VERSION = 1;
    private static final String JSON = ".json";
    private static final String TOMBSTONE = ".deleted";
    private static final String PENDING = "pending-commit.json";

    /** What a document file holds around the document itself. */
    record Envelope<T>(int schemaVersion, String type, String id, long generation, T document) {
    }

    /** Everything loaded at open: the documents by type and id, and the highest generation on disk. */
    record Loaded(long generation, Map<DocumentType<?>, Map<String, Object>> documents) {
    }

    private final Path root;
    private final ObjectMapper mapper;
    private final int generationsKept;
    /** The generations on disk of every id, so pruning never lists a directory. */
    private final Map<DocumentType<?>, Map<String, NavigableMap<Long, Path>>> onDisk = new HashMap<>();

    DocumentFiles(Path dataDirectory, ObjectMapper mapper, int generationsKept) {
        this.root = dataDirectory.resolve("documents");
        this.mapper = mapper;
        this.generationsKept = generationsKept;
    }

    Loaded load() throws StorageException {
        try {
            Files.createDirectories(root);
            long generation = scan();
            generation = Math.max(generation, replayPendingCommit());
            Map<DocumentType<?>, Map<String, Object>> documents = new HashMap<>();
            for (DocumentType<?> type : DocumentType.all()) {
                documents.put(type, readNewest(type));
            }
            return new Loaded(generation, documents);
        } catch (IOException e) {
            throw new StorageException("cannot read the documents under " + root + ": " + e, e);
        }
    }

    /** Writes every change durably; with more than one, all or none survive a crash. */
    void commit(List<Write> writes, long generation) throws IOException {
        Path pending = root.resolve(PENDING);
        if (writes.size() > 1) {
            ObjectNode commit = mapper.createObjectNode();
            commit.put("schemaVersion", SCHEMA_VERSION);
            commit.put("generation", generation);
            ArrayNode array = commit.putArray("writes");
            for (Write write : writes) {
                ObjectNode node = array.addObject();
                node.put("type", write.type().name());
                node.put("id", write.id());
                node.set("document", mapper.valueToTree(write.document()));
            }
            AtomicFiles.write(pending, mapper.writeValueAsBytes(commit));
        }
        for (Write write : writes) {
            apply(write, generation);
        }
        if (writes.size() > 1) {
            Files.delete(pending);
            AtomicFiles.syncDirectory(root);
        }
    }

    private void apply(Write write, long generation) throws IOException {
        if (write.isDelete()) {
            delete(write.type(), write.id(), generation);
        } else {
            put(write.type(), write.id(), generation, write.document());
        }
    }

    private void put(DocumentType<?> type, String id, long generation, Object document) throws IOException {
        Path file = directory(type).resolve(id + "." + generation + JSON);
        byte[] content = mapper.writeValueAsBytes(
                new Envelope<>(SCHEMA_VERSION, type.name(), id, generation, document));
        AtomicFiles.write(file, content);
        NavigableMap<Long, Path> generations = onDisk.get(type).computeIfAbsent(id, key -> new TreeMap<>());
        generations.put(generation, file);
        while (generations.size() > generationsKept) {
            // An old generation that reappears after a crash is older than the newest one: harmless.
            Files.deleteIfExists(generations.pollFirstEntry().getValue());
        }
    }

    private void delete(DocumentType<?> type, String id, long generation) throws IOException {
        Path directory = directory(type);
        Path tombstone = directory.resolve(id + "." + generation + TOMBSTONE);
        AtomicFiles.write(tombstone, new byte[0]);
        NavigableMap<Long, Path> generations = onDisk.get(type).remove(id);
        if (generations != null) {
            for (Path file : generations.values()) {
                Files.deleteIfExists(file);
            }
        }
        AtomicFiles.syncDirectory(directory);
        Files.deleteIfExists(tombstone);
    }

    /** Lists every type directory into {@link #onDisk}, clears temp files and finishes interrupted deletes. */
    private long scan() throws IOException {
        long highest = 0;
        for (DocumentType<?> type : DocumentType.all()) {
            Path directory = directory(type);
            Files.createDirectories(directory);
            Map<String, NavigableMap<Long, Path>> byId = new HashMap<>();
            Map<String, Path> tombstones = new HashMap<>();
            try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
                for (Path file : files) {
                    String name = file.getFileName().toString();
                    if (name.endsWith(AtomicFiles.TEMP_SUFFIX)) {
                        Files.delete(file); // never renamed into place, so never acknowledged
                        continue;
                    }
                    String[] parts = name.split("\\.");
                    if (parts.length != 3 || !parts[1].matches("[0-9]{1,18}")) {
                        continue; // not ours; left alone
                    }
                    long generation = Long.parseLong(parts[1]);
                    highest = Math.max(highest, generation);
                    if (name.endsWith(TOMBSTONE)) {
                        tombstones.merge(parts[0], file, (a, b) -> generationOf(a) > generationOf(b) ? a : b);
                    } else if (name.endsWith(JSON)) {
                        byId.computeIfAbsent(parts[0], id -> new TreeMap<>()).put(generation, file);
                    }
                }
            }
            boolean removed = false;
            for (Map.Entry<String, Path> tombstone : tombstones.entrySet()) {
                NavigableMap<Long, Path> generations = byId.get(tombstone.getKey());
                if (generations != null && generations.lastKey() > generationOf(tombstone.getValue())) {
                    continue; // recreated after the delete: not possible with UUIDs, but then the document wins
                }
                if (generations != null) {
                    for (Path file : generations.values()) {
                        Files.deleteIfExists(file);
                    }
                    byId.remove(tombstone.getKey());
                }
                removed = true;
            }
            if (removed) {
                AtomicFiles.syncDirectory(directory);
                for (Path tombstone : tombstones.values()) {
                    Files.deleteIfExists(tombstone);
                }
            }
            onDisk.put(type, byId);
        }
        return highest;
    }

    private long replayPendingCommit() throws IOException, StorageException {
        Path pending = root.resolve(PENDING);
        if (!Files.exists(pending)) {
            return 0;
        }
        JsonNode commit;
        try {
            commit = mapper.readTree(pending.toFile());
        } catch (IOException e) {
            throw new StorageException("cannot read " + pending + " (an interrupted commit): " + e.getMessage(), e);
        }
        long generation = commit.path("generation").asLong();
        for (JsonNode node : commit.path("writes")) {
            DocumentType<?> type = typeNamed(node.path("type").asText(), pending);
            JsonNode document = node.get("document");
            Object value = document == null || document.isNull() ? null
                    : mapper.treeToValue(document, type.documentClass());
            apply(new Write(type, node.path("id").asText(), value), generation);
        }
        Files.delete(pending);
        AtomicFiles.syncDirectory(root);
        return generation;
    }

    private Map<String, Object> readNewest(DocumentType<?> type) throws StorageException {
        JavaType envelope = mapper.getTypeFactory().constructParametricType(Envelope.class, type.documentClass());
        Map<String, Object> documents = new HashMap<>();
        for (Map.Entry<String, NavigableMap<Long, Path>> entry : onDisk.get(type).entrySet()) {
            Path newest = entry.getValue().lastEntry().getValue();
            try {
                documents.put(entry.getKey(), read(newest, envelope, type));
            } catch (IOException | RuntimeException e) {
                throw new StorageException("corrupt document " + newest + ": " + e.getMessage() + "; "
                        + lastGood(entry.getValue(), envelope, type) + ". hsmgate does not start on a corrupt"
                        + " document: move the corrupt file away to use the last good generation, or restore"
                        + " the data directory from a backup", e);
            }
        }
        return documents;
    }

    private Object read(Path file, JavaType envelopeType, DocumentType<?> type) throws IOException {
        Envelope<?> envelope = mapper.readValue(file.toFile(), envelopeType);
        if (envelope.schemaVersion() > SCHEMA_VERSION) {
            throw new IOException("written with schema version " + envelope.schemaVersion()
                    + " by a newer hsmgate; this one reads up to " + SCHEMA_VERSION);
        }
        if (!type.name().equals(envelope.type()) || envelope.document() == null) {
            throw new IOException("it does not hold a " + type + " document");
        }
        return envelope.document();
    }

    private String lastGood(NavigableMap<Long, Path> generations, JavaType envelope, DocumentType<?> type) {
        for (Path older : generations.headMap(generations.lastKey(), false).descendingMap().values()) {
            try {
                read(older, envelope, type);
                return "the last good generation is " + generationOf(older) + " (" + older + ")";
            } catch (IOException | RuntimeException e) {
                // older and corrupt too: look further back
            }
        }
        return "there is no good earlier generation";
    }

    private Path directory(DocumentType<?> type) {
        return root.resolve(type.name());
    }

    private static DocumentType<?> typeNamed(String name, Path file) throws StorageException {
        return DocumentType.all().stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow(() -> new StorageException(file + " names an unknown document type " + name));
    }

    private static long generationOf(Path file) {
        return Long.parseLong(file.getFileName().toString().split("\\.")[1]);
    }
}
