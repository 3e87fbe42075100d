/**
 * The vendor adapter SPI: what differs between PKCS#11 vendors, as data. Adapter bundles register a
 * {@link io.hsmgate.pkcs11.spi.VendorAdapter} service; without a matching adapter
 * {@link io.hsmgate.pkcs11.spi.VendorProfile#generic()} applies.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.hsmgate.pkcs11.spi;
