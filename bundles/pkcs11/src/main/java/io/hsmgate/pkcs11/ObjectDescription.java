package io.hsmgate.pkcs11;

import java.time.Instant;

/**
 * One object on the token, as listed for discovery. Attributes the token does not reveal are null.
 *
 * @param type "PRIVATE_KEY", "PUBLIC_KEY", "CERTIFICATE" or "SECRET_KEY"
 * @param idHex CKA_ID in hex
 * @param label CKA_LABEL
 * @param keyType "RSA" or "EC" (or the CKK name) for keys
 * @param keySize RSA modulus bits or EC field bits, 0 when unknown
 * @param curve the EC curve name (e.g. "secp256r1") or OID, for EC keys
 * @param sign CKA_SIGN
 * @param sensitive CKA_SENSITIVE
 * @param extractable CKA_EXTRACTABLE
 * @param alwaysAuthenticate CKA_ALWAYS_AUTHENTICATE
 * @param subject certificate subject (RFC 2253)
 * @param issuer certificate issuer (RFC 2253)
 * @param notBefore certificate validity start
 * @param notAfter certificate validity end
 */
public record ObjectDescription(String type, String idHex, String label, String keyType, int keySize, String curve,
                                Boolean sign, Boolean sensitive, Boolean extractable, Boolean alwaysAuthenticate,
                                String subject, String issuer, Instant notBefore, Instant notAfter) {
}
