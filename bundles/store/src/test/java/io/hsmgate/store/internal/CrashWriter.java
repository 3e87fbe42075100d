package io.hsmgate.store.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.hsmgate.model.Actor;
import io.hsmgate.model.DesiredState;
import io.hsmgate.model.spi.DesiredStateDocument;
import io.hsmgate.model.spi.DocumentType;

/**
 * Run in a child JVM by {@link CrashTest}: opens the store and applies operations start, start+1, ... forever,
 * printing "ACK n" only after operation n's transaction has returned (its files and audit entry are durable).
 */
public final class CrashWriter {

    /** Sixteen ids, so documents are created, updated and deleted again and again. */
    static final int IDS = 16;

    private CrashWriter() {
    }

    /** One effect of an operation on the store: "type/id" to a description, or null for a delete. */
    record Effect(String key, String value) {
    }

    static UUID id(long operation) {
        return new UUID(0x4853_4D47_4154_4500L, operation % IDS);
    }

    /**
     * Operation n: every fifth deletes its connection; the others write it, and every third of those also
     * writes the connection's desired state in the same transaction (a multi-document commit).
     */
    static List<Effect> effects(long n) {
        String id = id(n).toString();
        List<Effect> effects = new ArrayList<>();
        if (n % 5 == 4) {
            effects.add(new Effect(DocumentType.HSM_CONNECTIONS.name() + "/" + id, null));
        } else {
            effects.add(new Effect(DocumentType.HSM_CONNECTIONS.name() + "/" + id, "op " + n));
            if (n % 3 == 0) {
                effects.add(new Effect(DocumentType.DESIRED_STATES.name() + "/" + id, "op " + n));
            }
        }
        return effects;
    }

    public static void main(String[] args) throws Exception {
        long start = Long.parseLong(args[1]);
        try (FileConfigurationStore store = new FileConfigurationStore(StoreSettings.of(Path.of(args[0])))) {
            for (long n = start;; n++) {
                long operation = n;
                UUID id = id(n);
                store.transact(tx -> {
                    for (Effect effect : effects(operation)) {
                        if (effect.value() == null) {
                            tx.delete(DocumentType.HSM_CONNECTIONS, id.toString());
                        } else if (effect.key().startsWith(DocumentType.HSM_CONNECTIONS.name())) {
                            tx.put(DocumentType.HSM_CONNECTIONS, id.toString(),
                                    Documents.connection(id, effect.value(), null));
                        } else {
                            tx.put(DocumentType.DESIRED_STATES, id.toString(), new DesiredStateDocument(id,
                                    DesiredState.STOPPED, Documents.T0, Actor.of(effect.value())));
                        }
                    }
                    tx.audit(Documents.audit("op " + operation));
                    return null;
                });
                System.out.println("ACK " + n);
                System.out.flush();
            }
        }
    }
}
