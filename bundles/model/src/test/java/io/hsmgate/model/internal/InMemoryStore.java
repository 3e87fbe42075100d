package io.hsmgate.model.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import io.hsmgate.model.AuditEntry;
import io.hsmgate.model.ConfigurationException;
import io.hsmgate.model.StorageException;
import io.hsmgate.model.spi.ConfigurationStore;
import io.hsmgate.model.spi.DocumentType;
import io.hsmgate.model.spi.SealedSecret;
import io.hsmgate.model.spi.SecretBox;
import io.hsmgate.model.spi.StoreSnapshot;
import io.hsmgate.model.spi.StoreTransaction;
import io.hsmgate.model.spi.Transaction;

/**
 * A real, memory-only implementation of the store SPI for the model's unit tests (the file store lives in
 * another bundle that depends on this one). Transactions are all-or-nothing; secrets really are sealed.
 */
final class InMemoryStore implements ConfigurationStore {

    private final Map<DocumentType<?>, Map<String, Object>> documents = new HashMap<>();
    private final List<AuditEntry> audit = new ArrayList<>();
    private final GcmBox secrets = new GcmBox();
    private long generation;

    @Override
    public synchronized StoreSnapshot snapshot() {
        Map<DocumentType<?>, Map<String, Object>> copy = new HashMap<>();
        documents.forEach((type, byId) -> copy.put(type, Collections.unmodifiableMap(new HashMap<>(byId))));
        long at = generation;
        return new StoreSnapshot() {
            @Override
            public long generation() {
                return at;
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T> Map<String, T> documents(DocumentType<T> type) {
                return (Map<String, T>) copy.getOrDefault(type, Map.of());
            }
        };
    }

    @Override
    public synchronized <R> R transact(Transaction<R> work) throws ConfigurationException {
        StoreSnapshot snapshot = snapshot();
        Map<String, Object[]> staged = new java.util.LinkedHashMap<>();
        List<AuditEntry> entries = new ArrayList<>();
        R result = work.run(new StoreTransaction() {
            @Override
            public StoreSnapshot snapshot() {
                return snapshot;
            }

            @Override
            public <T> void put(DocumentType<T> type, String id, T document) {
                staged.put(type + "/" + id, new Object[] {type, id, document});
            }

            @Override
            public void delete(DocumentType<?> type, String id) {
                staged.put(type + "/" + id, new Object[] {type, id, null});
            }

            @Override
            public void audit(AuditEntry entry) {
                entries.add(entry);
            }
        });
        for (Object[] write : staged.values()) {
            Map<String, Object> byId = documents.computeIfAbsent((DocumentType<?>) write[0], t -> new HashMap<>());
            if (write[2] == null) {
                byId.remove((String) write[1]);
            } else {
                byId.put((String) write[1], write[2]);
            }
        }
        if (!staged.isEmpty()) {
            generation++;
        }
        audit.addAll(entries);
        return result;
    }

    /** Bypasses the model, to build states the model itself refuses to create. */
    synchronized <T> void putDirectly(DocumentType<T> type, String id, T document) {
        documents.computeIfAbsent(type, t -> new HashMap<>()).put(id, document);
    }

    @Override
    public SecretBox secrets() {
        return secrets;
    }

    @Override
    public synchronized List<AuditEntry> readAudit(int limit) {
        List<AuditEntry> newestFirst = new ArrayList<>(audit);
        Collections.reverse(newestFirst);
        return List.copyOf(newestFirst.subList(0, Math.min(limit, newestFirst.size())));
    }

    private static final class GcmBox implements SecretBox {
        private final SecretKeySpec key;
        private final SecureRandom random = new SecureRandom();

        GcmBox() {
            byte[] bytes = new byte[32];
            random.nextBytes(bytes);
            key = new SecretKeySpec(bytes, "AES");
        }

        @Override
        public SealedSecret seal(char[] plaintext, String context) {
            try {
                ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(plaintext));
                byte[] nonce = new byte[12];
                random.nextBytes(nonce);
                Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
                cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
                cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
                byte[] sealed = cipher.doFinal(Arrays.copyOf(encoded.array(), encoded.limit()));
                return new SealedSecret(java.util.Base64.getEncoder().encodeToString(nonce) + ":"
                        + java.util.Base64.getEncoder().encodeToString(sealed));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public char[] open(SealedSecret sealed, String context) throws StorageException {
            try {
                String[] parts = sealed.value().split(":");
                Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
                cipher.init(Cipher.DECRYPT_MODE, key,
                        new GCMParameterSpec(128, java.util.Base64.getDecoder().decode(parts[0])));
                cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
                byte[] plain = cipher.doFinal(java.util.Base64.getDecoder().decode(parts[1]));
                CharBuffer chars = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(plain));
                return Arrays.copyOf(chars.array(), chars.limit());
            } catch (GeneralSecurityException e) {
                throw new StorageException("does not open for " + context);
            }
        }
    }
}
