package io.hsmgate.proxy.internal;

/**
 * MINA SSHD enables its BouncyCastle registrar whenever it can load BouncyCastle through the context or system
 * class loader, then links its own BC-specific classes, which inside OSGi fail with NoClassDefFoundError unless a
 * BC bundle is wired to sshd-osgi (it is not in hsmgate's distribution). BC is also the provider MINA would name
 * for signatures, which cannot use an HSM key. So the registrar is switched off, unless an operator has chosen
 * otherwise with the same system property.
 */
final class MinaSecurity {

    static final String BOUNCY_CASTLE_ENABLED = "org.apache.sshd.security.provider.BC.enabled";

    private MinaSecurity() {
    }

    static void keepBouncyCastleOut() {
        if (System.getProperty(BOUNCY_CASTLE_ENABLED) == null) {
            System.setProperty(BOUNCY_CASTLE_ENABLED, "false");
        }
    }
}
