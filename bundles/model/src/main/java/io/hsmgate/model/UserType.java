package io.hsmgate.model;

/** The PKCS#11 user an HSM connection logs in as. */
public enum UserType {
    /** The normal user (CKU_USER). */
    USER,
    /** The security officer (CKU_SO). */
    SO
}
