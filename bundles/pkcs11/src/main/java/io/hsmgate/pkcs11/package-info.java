/**
 * PKCS#11 core API: shared libraries ({@link io.hsmgate.pkcs11.Pkcs11Libraries}), token connections with a
 * session pool ({@link io.hsmgate.pkcs11.TokenConnection}), HSM keys as JCA {@code PrivateKey} objects and a
 * TLS key manager ({@link io.hsmgate.pkcs11.HsmKeyManagers}).
 *
 * <p>This package knows PKCS#11, not hsmgate's configuration model. Vendor differences come in as data through
 * {@link io.hsmgate.pkcs11.spi.VendorAdapter}.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.hsmgate.pkcs11;
