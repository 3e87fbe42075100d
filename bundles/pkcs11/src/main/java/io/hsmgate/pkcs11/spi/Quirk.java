package io.hsmgate.pkcs11.spi;

/** Known deviations from the PKCS#11 standard the core works around when the profile lists them. */
public enum Quirk {
    /** C_GetAttributeValue may fail on multi-attribute templates: read one attribute at a time */
    ATTRIBUTES_ONE_AT_A_TIME,
    /** CKA_EC_POINT is written and expected DER-wrapped (an OCTET STRING); raw points are also accepted on read */
    EC_POINT_DER_WRAPPED,
    /** vendor codes are 0x80000000 | a standard code (e.g. FIPS variants): the low 31 bits carry the meaning */
    VENDOR_BIT_WRAPS_STANDARD_CODES,
    /** the library crashes or misbehaves on unload: never close the native library, even after C_Finalize */
    NEVER_UNLOAD
}
