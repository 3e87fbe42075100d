package io.hsmgate.store.internal;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.hsmgate.model.AuditEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Append-only JSON lines in {@code audit/audit.jsonl}, fsync'd per append, rotated by size into
 * {@code audit.<n>.jsonl} (higher n is newer). A line cut short by a crash is cut off at the next open, so the
 * log always stays whole lines.
 */
final class AuditLog implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);
    private static final String CURRENT = "audit.jsonl";

    private final Path directory;
    private final ObjectMapper mapper;
    private final long maxBytes;
    private final int filesKept;
    private FileChannel channel;
    private long size;

    private AuditLog(Path directory, ObjectMapper mapper, long maxBytes, int filesKept) throws IOException {
        this.directory = directory;
        this.mapper = mapper;
        this.maxBytes = maxBytes;
        this.filesKept = filesKept;
        openCurrent();
    }

    static AuditLog open(Path dataDirectory, ObjectMapper mapper, long maxBytes, int filesKept) throws IOException {
        Path directory = dataDirectory.resolve("audit");
        Files.createDirectories(directory);
        return new AuditLog(directory, mapper, maxBytes, filesKept);
    }

    private void openCurrent() throws IOException {
        channel = FileChannel.open(directory.resolve(CURRENT), StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        size = channel.size();
        if (size > 0 && lastByte() != '\n') {
            long keep = lastNewlineEnd();
            LOG.warn("audit log {} ended in a partial line (the process stopped while writing it); cut it off at byte"
                    + " {}", directory.resolve(CURRENT), keep);
            channel.truncate(keep);
            channel.force(true);
            size = keep;
        }
    }

    synchronized void append(List<AuditEntry> entries) throws IOException {
        if (entries.isEmpty()) {
            return;
        }
        ByteArrayOutputStream lines = new ByteArrayOutputStream();
        for (AuditEntry entry : entries) {
            lines.write(mapper.writeValueAsBytes(entry));
            lines.write('\n');
        }
        if (size > 0 && size + lines.size() > maxBytes) {
            rotate();
        }
        ByteBuffer buffer = ByteBuffer.wrap(lines.toByteArray());
        while (buffer.hasRemaining()) {
            size += channel.write(buffer, size);
        }
        channel.force(false);
    }

    /** The newest {@code limit} entries, newest first; unreadable lines are skipped with a warning. */
    synchronized List<AuditEntry> read(int limit) throws IOException {
        List<AuditEntry> newestFirst = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        files.add(directory.resolve(CURRENT));
        files.addAll(rotated().descendingMap().values());
        for (Path file : files) {
            if (newestFirst.size() >= limit) {
                break;
            }
            List<String> lines = Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
            for (int i = lines.size() - 1; i >= 0 && newestFirst.size() < limit; i--) {
                if (lines.get(i).isBlank()) {
                    continue;
                }
                try {
                    newestFirst.add(mapper.readValue(lines.get(i), AuditEntry.class));
                } catch (IOException | RuntimeException e) {
                    LOG.warn("skipping unreadable audit line {} of {}: {}", i + 1, file, e.getMessage());
                }
            }
        }
        return newestFirst;
    }

    private void rotate() throws IOException {
        channel.close();
        TreeMap<Long, Path> rotated = rotated();
        long next = rotated.isEmpty() ? 1 : rotated.lastKey() + 1;
        Files.move(directory.resolve(CURRENT), directory.resolve("audit." + next + ".jsonl"),
                StandardCopyOption.ATOMIC_MOVE);
        rotated.put(next, directory.resolve("audit." + next + ".jsonl"));
        while (rotated.size() > filesKept) {
            Files.deleteIfExists(rotated.pollFirstEntry().getValue());
        }
        openCurrent();
        AtomicFiles.syncDirectory(directory);
    }

    private TreeMap<Long, Path> rotated() throws IOException {
        TreeMap<Long, Path> rotated = new TreeMap<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "audit.*.jsonl")) {
            for (Path file : files) {
                String number = file.getFileName().toString().split("\\.")[1];
                if (number.matches("[0-9]{1,18}")) {
                    rotated.put(Long.parseLong(number), file);
                }
            }
        }
        return rotated;
    }

    private int lastByte() throws IOException {
        ByteBuffer one = ByteBuffer.allocate(1);
        channel.read(one, size - 1);
        return one.get(0);
    }

    private long lastNewlineEnd() throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(8192);
        long end = size;
        while (end > 0) {
            long start = Math.max(0, end - buffer.capacity());
            buffer.clear().limit((int) (end - start));
            channel.read(buffer, start);
            for (int i = (int) (end - start) - 1; i >= 0; i--) {
                if (buffer.get(i) == '\n') {
                    return start + i + 1;
                }
            }
            end = start;
        }
        return 0;
    }

    @Override
    public synchronized void close() throws IOException {
        channel.close();
    }
}
