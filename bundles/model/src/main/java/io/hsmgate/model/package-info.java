/**
 * The hsmgate configuration model: HSM connections, private keys, TLS certificates and proxy servers, the
 * candidate/running life cycle and the audit log. JSON property names of the records are a public contract.
 */
@Export
@Version("1.1.0")
package io.hsmgate.model;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
