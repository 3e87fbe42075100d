package io.hsmgate.pkcs11;

/**
 * A slot as C_GetSlotInfo describes it; {@code token} is null when no token is present.
 *
 * @param slotId the slot id (valid only for the current library generation)
 * @param description slotDescription, blank-trimmed
 * @param manufacturer manufacturerID, blank-trimmed
 * @param flags CKF_TOKEN_PRESENT, CKF_REMOVABLE_DEVICE, CKF_HW_SLOT
 * @param token the token in the slot, or null
 */
public record SlotDescription(long slotId, String description, String manufacturer, long flags,
                              TokenDescription token) {
}
