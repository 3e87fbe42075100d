/**
 * The store SPI: what the configuration model needs from persistence. Implemented by the store bundle.
 */
@Export
@Version("1.0.0")
package io.hsmgate.model.spi;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
