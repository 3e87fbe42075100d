package io.hsmgate.model.spi;

import io.hsmgate.model.StorageException;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Seals secrets (PINs, private key material) under the store's secret key. The {@code context} (e.g.
 * "pin:&lt;connection id&gt;") is bound to the sealed value, so a value copied to another item does not open.
 */
@ProviderType
public interface SecretBox {

    /** Seals a copy; the caller still owns and clears {@code plaintext}. */
    SealedSecret seal(char[] plaintext, String context);

    /**
     * @return a fresh array the caller clears
     * @throws StorageException if the value was not sealed under this key and context
     */
    char[] open(SealedSecret sealed, String context) throws StorageException;
}
