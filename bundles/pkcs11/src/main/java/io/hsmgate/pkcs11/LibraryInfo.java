package io.hsmgate.pkcs11;

/**
 * What C_GetInfo says about a loaded library, and how this process holds it.
 *
 * @param path the canonical library path
 * @param cryptokiVersion e.g. "2.40"
 * @param manufacturer manufacturerID, blank-trimmed
 * @param description libraryDescription, blank-trimmed
 * @param libraryVersion e.g. "2.6"
 * @param vendorProfile name of the vendor profile applied ("generic" without a matching adapter)
 * @param initializedByUs false when another component had already initialised it (then we never finalize it)
 * @param references connections and other holders currently using it
 * @param generation incremented on every reload; handles from an older generation are invalid
 */
public record LibraryInfo(String path, String cryptokiVersion, String manufacturer, String description,
                          String libraryVersion, String vendorProfile, boolean initializedByUs, int references,
                          long generation) {
}
