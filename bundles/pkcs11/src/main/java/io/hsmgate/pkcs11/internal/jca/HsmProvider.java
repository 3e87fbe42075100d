package io.hsmgate.pkcs11.internal.jca;

import java.security.Provider;
import java.util.List;
import java.util.Map;

/**
 * The hsmgate JCA provider: Signature algorithms that accept only HSM keys. SupportedKeyClasses lets the JCA's
 * delayed provider selection send HSM keys here and software keys elsewhere, wherever it sits in the list.
 */
public final class HsmProvider extends Provider {
    public static final String NAME = "HsmGate";
    private static final long serialVersionUID = 1L;

    public HsmProvider() {
        super(NAME, "1.0", "hsmgate: signatures with keys in a PKCS#11 HSM");
        Map<String, String> keys = Map.of("SupportedKeyClasses", TokenKey.class.getName());
        add("SHA256withRSA", "RSA", "SHA-256", keys);
        add("SHA384withRSA", "RSA", "SHA-384", keys);
        add("SHA512withRSA", "RSA", "SHA-512", keys);
        add("RSASSA-PSS", "RSASSA-PSS", null, keys);
        add("SHA256withECDSA", "EC", "SHA-256", keys);
        add("SHA384withECDSA", "EC", "SHA-384", keys);
        add("SHA512withECDSA", "EC", "SHA-512", keys);
    }

    private void add(String algorithm, String family, String hash, Map<String, String> attributes) {
        putService(new Service(this, "Signature", algorithm, HsmSignatureSpi.class.getName(), List.of(), attributes) {
            @Override
            public Object newInstance(Object constructorParameter) {
                return new HsmSignatureSpi(family, hash);
            }
        });
    }
}
