package io.hsmgate.model.internal;

import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import io.hsmgate.model.spi.DocumentType;
import io.hsmgate.model.spi.StoreSnapshot;

/** Where a credential lives: in an HSM (connection, CKA_ID and/or CKA_LABEL) or not. */
record HsmLocation(boolean storeInHsm, UUID hsmConnectionId, String ckaId, String ckaLabel) {

    static final int MAX_CKA_ID_BYTES = 255;
    static final int MAX_CKA_LABEL_BYTES = 255;
    private static final Pattern HEX = Pattern.compile("[0-9a-f]+");

    static HsmLocation of(Boolean storeInHsm, UUID hsmConnectionId, String rawCkaId, String rawCkaLabel,
            StoreSnapshot candidate, FieldErrors errors) {
        boolean inHsm = storeInHsm != null && storeInHsm;
        String ckaId = ckaId(rawCkaId, errors);
        String ckaLabel = Texts.optional(rawCkaLabel);
        if (ckaLabel != null && Texts.utf8Length(ckaLabel) > MAX_CKA_LABEL_BYTES) {
            errors.add("ckaLabel", "ckaLabel has at most " + MAX_CKA_LABEL_BYTES + " bytes in UTF-8; got "
                    + Texts.utf8Length(ckaLabel));
        }
        if (inHsm) {
            if (hsmConnectionId == null) {
                errors.add("hsmConnectionId", "hsmConnectionId is required when storeInHsm is true");
            } else if (candidate.document(DocumentType.HSM_CONNECTIONS, hsmConnectionId.toString()) == null) {
                errors.add("hsmConnectionId", "there is no HSM connection with id " + hsmConnectionId);
            }
            if (ckaId == null && ckaLabel == null && Texts.optional(rawCkaId) == null) {
                errors.add("ckaId,ckaLabel", "give a ckaId, a ckaLabel or both when storeInHsm is true");
            }
        } else {
            if (hsmConnectionId != null) {
                errors.add("hsmConnectionId", "give no hsmConnectionId when storeInHsm is false");
            }
            if (Texts.optional(rawCkaId) != null) {
                errors.add("ckaId", "give no ckaId when storeInHsm is false");
            }
            if (ckaLabel != null) {
                errors.add("ckaLabel", "give no ckaLabel when storeInHsm is false");
            }
        }
        return inHsm ? new HsmLocation(true, hsmConnectionId, ckaId, ckaLabel) : new HsmLocation(false, null, null, null);
    }

    /** Lower-case hex without separators; operators paste "0A:1B" or "0a 1b" from tools. */
    private static String ckaId(String raw, FieldErrors errors) {
        String value = Texts.optional(raw);
        if (value == null) {
            return null;
        }
        String hex = value.replace(":", "").replace(" ", "").toLowerCase(Locale.ROOT);
        if (hex.startsWith("0x")) {
            hex = hex.substring(2);
        }
        if (!HEX.matcher(hex).matches() || hex.length() % 2 != 0 || hex.length() > 2 * MAX_CKA_ID_BYTES) {
            errors.add("ckaId", "ckaId must be hexadecimal with an even number of digits (1 to " + MAX_CKA_ID_BYTES
                    + " bytes); got " + Texts.quoted(value));
            return null;
        }
        return hex;
    }
}
