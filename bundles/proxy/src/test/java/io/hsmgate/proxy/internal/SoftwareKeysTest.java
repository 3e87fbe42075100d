package io.hsmgate.proxy.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;

import org.junit.jupiter.api.Test;

/** Software keys as the model hands them out (PKCS#8 PEM). */
class SoftwareKeysTest {

    @Test
    void pkcs8PemOfRsaAndEcKeysIsRead() throws Exception {
        for (String algorithm : new String[] {"RSA", "EC"}) {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            generator.initialize(algorithm.equals("RSA") ? 2048 : 256);
            KeyPair pair = generator.generateKeyPair();
            char[] pem = ("-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(
                    pair.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n").toCharArray();
            assertArrayEquals(pair.getPrivate().getEncoded(), SoftwareKeys.privateKey(pem).getEncoded());
        }
    }

    @Test
    void anythingElseIsRefusedWithoutEchoingIt() {
        assertEquals("the stored private key is not PKCS#8 PEM", assertThrows(GeneralSecurityException.class,
                () -> SoftwareKeys.privateKey("secret".toCharArray())).getMessage());
    }
}
