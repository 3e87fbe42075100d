package io.hsmgate.itests;

import io.hsmgate.pkcs11.testing.SoftHsmFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.util.Base64;

/** Writes the SoftHSM test CA as PEM on the test-runner side, for curl --cacert and openssl -CAfile. */
final class SoftHsmCa {

    private SoftHsmCa() {
    }

    static Path writePem(Path directory) throws IOException, CertificateEncodingException {
        Path file = directory.resolve("hsmgate-test-ca.pem");
        Files.writeString(file, "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, "\n".getBytes())
                .encodeToString(SoftHsmFixture.shared().caCertificate().getEncoded()) + "\n-----END CERTIFICATE-----\n");
        return file;
    }
}
