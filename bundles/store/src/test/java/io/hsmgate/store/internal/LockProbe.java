package io.hsmgate.store.internal;

import java.nio.file.Path;

import io.hsmgate.model.StorageException;

/** Run in a child JVM: tries to open a store; exit 3 with the message when refused. */
public final class LockProbe {

    private LockProbe() {
    }

    public static void main(String[] args) {
        try (FileConfigurationStore store = new FileConfigurationStore(StoreSettings.of(Path.of(args[0])))) {
            System.out.println("opened");
            System.exit(0);
        } catch (StorageException e) {
            System.out.println(e.getMessage());
            System.exit(3);
        }
    }
}
