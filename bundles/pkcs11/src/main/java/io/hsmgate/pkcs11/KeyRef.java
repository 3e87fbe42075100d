package io.hsmgate.pkcs11;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * Names an object on the token by CKA_ID, CKA_LABEL or both (both must match when both are given).
 *
 * @param id the CKA_ID bytes, or null
 * @param label the CKA_LABEL, or null
 */
public record KeyRef(byte[] id, String label) {

    public KeyRef {
        if (id == null && (label == null || label.isEmpty())) {
            throw new IllegalArgumentException("give a key id, a key label or both");
        }
        id = id == null ? null : id.clone();
    }

    /** @return a reference by CKA_ID given in hex (e.g. "01") */
    public static KeyRef byId(String hexId) {
        return new KeyRef(HexFormat.of().parseHex(hexId), null);
    }

    /** @return a reference by CKA_LABEL */
    public static KeyRef byLabel(String label) {
        return new KeyRef(null, label);
    }

    @Override
    public byte[] id() {
        return id == null ? null : id.clone();
    }

    /** @return the CKA_ID in lower-case hex, or null */
    public String idHex() {
        return id == null ? null : HexFormat.of().formatHex(id);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KeyRef k && Arrays.equals(id, k.id) && java.util.Objects.equals(label, k.label);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(id) + java.util.Objects.hashCode(label);
    }

    @Override
    public String toString() {
        return "key" + (id != null ? " id " + idHex() : "") + (label != null ? " label '" + label + "'" : "");
    }
}
