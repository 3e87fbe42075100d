package io.hsmgate.pkcs11.spi;

/**
 * Implemented by vendor adapter bundles and registered as an OSGi service. It contributes facts only: the core
 * never branches on a vendor name.
 */
@org.osgi.annotation.versioning.ConsumerType
public interface VendorAdapter {

    /** @return the vendor facts */
    VendorProfile profile();
}
