/**
 * hsmgate's administrator authentication, shared by the Web Console, the REST API and the metrics endpoint.
 */
@Export
@Version("2.0.0")
package io.hsmgate.auth;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
