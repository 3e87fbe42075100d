package io.hsmgate.pkcs11.spi;

import java.util.Objects;

/**
 * A vendor-defined CK_RV value (>= 0x80000000).
 *
 * @param code the CK_RV value
 * @param name its symbolic name, e.g. "CKR_LUNA_TIMEOUT"
 * @param errorClass what the core does about it
 */
public record VendorReturnCode(long code, String name, ErrorClass errorClass) {
    public VendorReturnCode {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(errorClass, "errorClass");
    }
}
