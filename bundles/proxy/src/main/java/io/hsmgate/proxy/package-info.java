/**
 * What the proxy servers are doing: the state of each Proxy Server of the running revision and the counters of
 * its TLS and SSH listeners, for the console, the REST API and tests.
 */
@Export
@Version("1.0.0")
package io.hsmgate.proxy;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
