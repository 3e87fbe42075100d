/** The REST API's implementation: routes, JSON binding, error mapping. Not exported. */
package io.hsmgate.rest.internal;
