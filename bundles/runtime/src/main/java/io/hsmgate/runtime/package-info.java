/**
 * hsmgate's connection runtime: the running HSM connections of the pushed configuration, their states,
 * tests, credential validation and metrics, and the per-connection {@link io.hsmgate.runtime.RunningHsmConnection}
 * services that proxies sign through.
 */
@Export
@Version("1.0.0")
package io.hsmgate.runtime;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
