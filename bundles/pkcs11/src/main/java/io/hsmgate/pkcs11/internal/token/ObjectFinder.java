package io.hsmgate.pkcs11.internal.token;

import com.sun.jna.Memory;
import com.sun.jna.NativeLong;
import io.hsmgate.pkcs11.HsmException;
import io.hsmgate.pkcs11.KeyRef;
import io.hsmgate.pkcs11.internal.binding.Ck;
import io.hsmgate.pkcs11.internal.binding.Cryptoki;
import io.hsmgate.pkcs11.internal.binding.Structs;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** C_FindObjectsInit / C_FindObjects in bounded batches / C_FindObjectsFinal, always finalised. */
final class ObjectFinder {
    private static final int BATCH = 64;

    private final Cryptoki cryptoki;
    private final NativeLong session;

    ObjectFinder(Cryptoki cryptoki, NativeLong session) {
        this.cryptoki = cryptoki;
        this.session = session;
    }

    List<Long> find(long objectClass, KeyRef ref) throws HsmException {
        List<Memory> values = new ArrayList<>();
        List<long[]> types = new ArrayList<>();
        if (objectClass >= 0) {
            Memory v = new Memory(Cryptoki.UL);
            Cryptoki.putUlong(v, 0, objectClass);
            values.add(v);
            types.add(new long[] {Ck.CKA_CLASS, Cryptoki.UL});
        }
        if (ref != null && ref.id() != null) {
            byte[] id = ref.id();
            Memory v = new Memory(Math.max(1, id.length));
            v.write(0, id, 0, id.length);
            values.add(v);
            types.add(new long[] {Ck.CKA_ID, id.length});
        }
        if (ref != null && ref.label() != null) {
            byte[] label = ref.label().getBytes(StandardCharsets.UTF_8);
            Memory v = new Memory(Math.max(1, label.length));
            v.write(0, label, 0, label.length);
            values.add(v);
            types.add(new long[] {Ck.CKA_LABEL, label.length});
        }
        Memory template = null;
        if (!values.isEmpty()) {
            template = Structs.zeroed(Structs.TRIPLE_SIZE * values.size());
            for (int i = 0; i < values.size(); i++) {
                Structs.putTriple(template, i, types.get(i)[0], values.get(i), types.get(i)[1]);
            }
        }
        cryptoki.check("C_FindObjectsInit", cryptoki.findObjectsInit(session, template, values.size()));
        List<Long> found = new ArrayList<>();
        try {
            Memory handles = new Memory((long) BATCH * Cryptoki.UL);
            Memory count = Structs.zeroed(Cryptoki.UL);
            while (true) {
                cryptoki.check("C_FindObjects", cryptoki.findObjects(session, handles, BATCH, count));
                long n = Cryptoki.getUlong(count, 0);
                for (int i = 0; i < n; i++) {
                    found.add(Cryptoki.getUlong(handles, (long) i * Cryptoki.UL));
                }
                if (n < BATCH) {
                    break;
                }
            }
        } finally {
            long rv = cryptoki.findObjectsFinal(session);
            if (rv != Ck.CKR_OK && found.isEmpty()) {
                cryptoki.check("C_FindObjectsFinal", rv);
            }
        }
        return found;
    }
}
