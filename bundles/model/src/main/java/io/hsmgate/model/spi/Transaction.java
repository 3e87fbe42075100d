package io.hsmgate.model.spi;

import io.hsmgate.model.ConfigurationException;
import org.osgi.annotation.versioning.ConsumerType;

/** Work done inside one store transaction. */
@FunctionalInterface
@ConsumerType
public interface Transaction<R> {

    R run(StoreTransaction transaction) throws ConfigurationException;
}
