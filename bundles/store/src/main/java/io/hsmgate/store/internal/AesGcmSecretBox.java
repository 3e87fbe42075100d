package io.hsmgate.store.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Set;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import javax.security.auth.DestroyFailedException;

import io.hsmgate.model.StorageException;
import io.hsmgate.model.spi.SealedSecret;
import io.hsmgate.model.spi.SecretBox;

/**
 * AES-256-GCM with a random 96-bit nonce per value and the context as additional authenticated data. Sealed
 * form: {@code v1:} + base64(nonce || ciphertext || tag).
 */
final class AesGcmSecretBox implements SecretBox {

    private static final String PREFIX = "v1:";
    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    private AesGcmSecretBox(byte[] key) {
        this.key = new SecretKeySpec(key, "AES");
        Arrays.fill(key, (byte) 0);
    }

    /**
     * Reads the key file, or creates it (mode 0600) when it is the default one and the store holds no sealed
     * data yet: a new key could never open secrets sealed under a lost one.
     */
    static AesGcmSecretBox open(StoreSettings settings, boolean storeIsEmpty) throws StorageException {
        Path file = settings.secretKeyFile();
        try {
            if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                if (settings.secretKeyFileConfigured()) {
                    throw new StorageException("the configured secret key file " + file + " does not exist");
                }
                if (!storeIsEmpty) {
                    throw new StorageException("secret key file " + file + " is missing but data directory "
                            + settings.dataDirectory() + " holds sealed secrets; restore the key file from backup");
                }
                create(file);
            }
            checkOwnerOnly(file);
            byte[] key = Files.readAllBytes(file);
            if (key.length != KEY_BYTES) {
                Arrays.fill(key, (byte) 0);
                throw new StorageException("secret key file " + file + " must hold exactly " + KEY_BYTES
                        + " bytes; it holds " + key.length);
            }
            return new AesGcmSecretBox(key);
        } catch (IOException e) {
            throw new StorageException("cannot read secret key file " + file + ": " + e, e);
        }
    }

    private static void create(Path file) throws IOException {
        byte[] key = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(key);
        try (FileChannel channel = FileChannel.open(file, Set.of(StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(
                        "rw-------")))) {
            channel.write(ByteBuffer.wrap(key));
            channel.force(true);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
        AtomicFiles.syncDirectory(file.getParent());
    }

    private static void checkOwnerOnly(Path file) throws IOException, StorageException {
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
        for (PosixFilePermission permission : permissions) {
            if (permission.name().startsWith("GROUP") || permission.name().startsWith("OTHERS")) {
                throw new StorageException("secret key file " + file + " is accessible to others ("
                        + PosixFilePermissions.toString(permissions) + "); run chmod 600 " + file);
            }
        }
    }

    @Override
    public SealedSecret seal(char[] plaintext, String context) {
        byte[] bytes = utf8(plaintext);
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = Arrays.copyOf(nonce, NONCE_BYTES + cipher.getOutputSize(bytes.length));
            cipher.doFinal(bytes, 0, bytes.length, sealed, NONCE_BYTES);
            return new SealedSecret(PREFIX + Base64.getEncoder().encodeToString(sealed));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM is not available in this JVM", e);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    @Override
    public char[] open(SealedSecret sealed, String context) throws StorageException {
        if (sealed == null || sealed.value() == null || !sealed.value().startsWith(PREFIX)) {
            throw new StorageException("sealed value for " + context + " is not in a known format");
        }
        byte[] bytes = null;
        try {
            byte[] data = Base64.getDecoder().decode(sealed.value().substring(PREFIX.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, data, 0, NONCE_BYTES));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            bytes = cipher.doFinal(data, NONCE_BYTES, data.length - NONCE_BYTES);
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            char[] plaintext = Arrays.copyOf(chars.array(), chars.remaining());
            Arrays.fill(chars.array(), '\0');
            return plaintext;
        } catch (GeneralSecurityException | IllegalArgumentException | CharacterCodingException e) {
            throw new StorageException("sealed value for " + context + " does not open with the secret key: it was"
                    + " sealed under another key or has been altered");
        } finally {
            if (bytes != null) {
                Arrays.fill(bytes, (byte) 0);
            }
        }
    }

    private static byte[] utf8(char[] chars) {
        ByteBuffer buffer = StandardCharsets.UTF_8.encode(CharBuffer.wrap(chars));
        byte[] bytes = Arrays.copyOf(buffer.array(), buffer.limit());
        Arrays.fill(buffer.array(), (byte) 0);
        return bytes;
    }

    /** The key object cannot be wiped on every JDK; dropping the reference is what we can do. */
    void destroy() {
        try {
            key.destroy();
        } catch (DestroyFailedException expected) {
            // SecretKeySpec does not implement destroy on Java 17
        }
    }
}
