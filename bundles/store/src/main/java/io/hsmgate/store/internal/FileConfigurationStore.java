package io.hsmgate.store.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.hsmgate.model.AuditEntry;
import io.hsmgate.model.ConfigurationException;
import io.hsmgate.model.StorageException;
import io.hsmgate.model.spi.ConfigurationStore;
import io.hsmgate.model.spi.SecretBox;
import io.hsmgate.model.spi.StoreSnapshot;
import io.hsmgate.model.spi.Transaction;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The configuration store on a local data directory: JSON documents written whole and atomically, secrets
 * sealed with AES-256-GCM, an fsync'd audit log, and an exclusive lock on the directory for the life of the
 * component. Reads use an immutable in-memory snapshot; writers are serialised.
 */
@Component(service = ConfigurationStore.class, configurationPid = StoreConfiguration.PID)
@Designate(ocd = StoreConfiguration.class)
public final class FileConfigurationStore implements ConfigurationStore, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FileConfigurationStore.class);

    private final StoreSettings settings;
    private final DirectoryLock lock;
    private final DocumentFiles files;
    private final AuditLog audit;
    private final AesGcmSecretBox secrets;
    private final ReentrantLock writer = new ReentrantLock();
    private volatile MemorySnapshot snapshot;
    private volatile boolean closed;
    private boolean released;

    @Activate
    public FileConfigurationStore(StoreConfiguration config, BundleContext context) throws StorageException {
        this(StoreSettings.of(config, context.getProperty(StoreConfiguration.DATA_DIR_PROPERTY)));
    }

    /** Opens (and on first use creates) the store; fails if another process has the directory. */
    public FileConfigurationStore(StoreSettings settings) throws StorageException {
        this.settings = settings;
        createDataDirectory(settings.dataDirectory());
        this.lock = DirectoryLock.acquire(settings.dataDirectory());
        AuditLog openedAudit = null;
        try {
            ObjectMapper mapper = Json.mapper();
            this.files = new DocumentFiles(settings.dataDirectory(), mapper, settings.generationsKept());
            DocumentFiles.Loaded loaded = files.load();
            this.snapshot = new MemorySnapshot(loaded.generation(), loaded.documents());
            this.secrets = AesGcmSecretBox.open(settings, snapshot.isEmpty());
            openedAudit = AuditLog.open(settings.dataDirectory(), mapper, settings.auditFileMaxBytes(),
                    settings.auditFilesKept());
            this.audit = openedAudit;
        } catch (StorageException | IOException | RuntimeException e) {
            try {
                lock.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            if (e instanceof StorageException storage) {
                throw storage;
            }
            throw new StorageException("cannot open the store in " + settings.dataDirectory() + ": " + e, e);
        }
        LOG.info("configuration store open in {} at generation {}", settings.dataDirectory(), snapshot.generation());
    }

    private static void createDataDirectory(Path directory) throws StorageException {
        try {
            if (!Files.isDirectory(directory)) {
                Files.createDirectories(directory,
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
        } catch (IOException e) {
            throw new StorageException("cannot create data directory " + directory + ": " + e, e);
        }
    }

    @Override
    public StoreSnapshot snapshot() {
        return snapshot;
    }

    @Override
    public <R> R transact(Transaction<R> work) throws ConfigurationException {
        writer.lock();
        try {
            if (closed) {
                throw new StorageException("the configuration store in " + settings.dataDirectory() + " is closed");
            }
            StagedTransaction transaction = new StagedTransaction(snapshot);
            R result = work.run(transaction);
            if (!transaction.isEmpty()) {
                commit(transaction);
            }
            return result;
        } finally {
            writer.unlock();
        }
    }

    private void commit(StagedTransaction transaction) throws StorageException {
        long generation = snapshot.generation() + 1;
        List<Write> writes = transaction.writes();
        try {
            files.commit(writes, generation);
        } catch (IOException | RuntimeException e) {
            resynchronise(e);
            throw new StorageException("could not save the change in " + settings.dataDirectory() + ": " + e, e);
        }
        snapshot = snapshot.with(writes, generation);
        try {
            audit.append(transaction.auditEntries());
        } catch (IOException e) {
            throw new StorageException("the change was saved, but its audit entry could not be written to "
                    + settings.dataDirectory().resolve("audit") + ": " + e, e);
        }
    }

    /** After a failed write the disk may hold part of it: believe the disk. */
    private void resynchronise(Exception cause) {
        try {
            DocumentFiles.Loaded loaded = files.load();
            snapshot = new MemorySnapshot(loaded.generation(), loaded.documents());
        } catch (StorageException e) {
            cause.addSuppressed(e);
            closed = true;
            LOG.error("configuration store in {} no longer matches its files and is closed for writing",
                    settings.dataDirectory(), e);
        }
    }

    @Override
    public SecretBox secrets() {
        return secrets;
    }

    @Override
    public List<AuditEntry> readAudit(int limit) throws StorageException {
        try {
            return audit.read(Math.max(0, limit));
        } catch (IOException e) {
            throw new StorageException("cannot read the audit log in " + settings.dataDirectory() + ": " + e, e);
        }
    }

    /** Releases the directory lock and closes every file; safe to call twice. */
    @Deactivate
    @Override
    public void close() {
        writer.lock();
        try {
            if (released) {
                return;
            }
            released = true;
            closed = true;
            try {
                audit.close();
            } catch (IOException e) {
                LOG.warn("closing the audit log failed", e);
            }
            secrets.destroy();
            try {
                lock.close();
            } catch (IOException e) {
                LOG.warn("releasing the lock on {} failed", settings.dataDirectory(), e);
            }
        } finally {
            writer.unlock();
        }
    }
}
