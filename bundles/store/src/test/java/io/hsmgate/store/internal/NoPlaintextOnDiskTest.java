package io.hsmgate.store.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.hsmgate.model.Actor;
import io.hsmgate.model.DesiredState;
import io.hsmgate.model.HsmConnection;
import io.hsmgate.model.HsmConnectionInput;
import io.hsmgate.model.ItemType;
import io.hsmgate.model.PrivateKeyInput;
import io.hsmgate.model.SshPrivateKey;
import io.hsmgate.model.TlsCertificate;
import io.hsmgate.model.TlsCertificateInput;
import io.hsmgate.model.UserType;
import io.hsmgate.model.internal.StoredConfigurationService;

/** The model over the file store, end to end: secrets reach the disk only sealed. */
class NoPlaintextOnDiskTest {

    private static final Actor ADMIN = Actor.of("admin");

    @TempDir
    Path data;

    @Test
    void noPinOrPrivateKeyPlaintextInAnyFile() throws Exception {
        String firstPin = "pin-Sup3rSecret-4711";
        String secondPin = "second-PIN-0815";
        KeyPair rsa = generate("RSA", null);
        KeyPair ec = generate("EC", new ECGenParameterSpec("secp256r1"));
        KeyPair tls = generate("EC", new ECGenParameterSpec("secp256r1"));
        char[] rsaPem = pem("RSA PRIVATE KEY", PrivateKeyInfo.getInstance(rsa.getPrivate().getEncoded())
                .parsePrivateKey().toASN1Primitive().getEncoded()).toCharArray();
        char[] ecPem = pem("PRIVATE KEY", ec.getPrivate().getEncoded()).toCharArray();
        char[] tlsPem = pem("PRIVATE KEY", tls.getPrivate().getEncoded()).toCharArray();

        try (FileConfigurationStore store = new FileConfigurationStore(StoreSettings.of(data))) {
            StoredConfigurationService service = new StoredConfigurationService(store);
            HsmConnection first = service.createConnection(connection("first", firstPin), ADMIN);
            HsmConnection second = service.createConnection(connection("second", "initial-pin-1"), ADMIN);
            service.updateConnection(second.id(), 1, connection("second", secondPin), ADMIN);
            SshPrivateKey rsaKey = service.createPrivateKey(new PrivateKeyInput("rsa", null, false, null, null, null,
                    rsaPem), ADMIN);
            service.createPrivateKey(new PrivateKeyInput("ec", null, false, null, null, null, ecPem), ADMIN);
            TlsCertificate certificate = service.createTlsCertificate(new TlsCertificateInput("web", null, false, null,
                    null, null, pem("CERTIFICATE", selfSigned(tls).getEncoded()), tlsPem), ADMIN);
            service.push(ADMIN);
            service.setDesiredState(first.id(), DesiredState.STOPPED, ADMIN);

            // the secrets are there, sealed: the runtime can still have them
            assertArrayEquals(firstPin.toCharArray(), service.runningPin(first.id()));
            assertArrayEquals(secondPin.toCharArray(), service.runningPin(second.id()));
            assertTrue(new String(service.runningPrivateKeyPem(ItemType.PRIVATE_KEY, rsaKey.id()))
                    .startsWith("-----BEGIN PRIVATE KEY-----"));
            assertTrue(service.runningPrivateKeyPem(ItemType.TLS_CERTIFICATE, certificate.id()).length > 100);
            assertTrue(service.auditLog(100).size() >= 8);
        }

        List<byte[]> secrets = new ArrayList<>();
        for (String pin : List.of(firstPin, secondPin, "initial-pin-1")) {
            secrets.add(pin.getBytes(StandardCharsets.UTF_8));
        }
        for (KeyPair pair : List.of(rsa, ec, tls)) {
            byte[] pkcs8 = pair.getPrivate().getEncoded();
            secrets.add(pkcs8);
            String base64 = Base64.getEncoder().encodeToString(pkcs8);
            for (int i = 0; i + 40 <= base64.length(); i += 40) {
                secrets.add(base64.substring(i, i + 40).getBytes(StandardCharsets.US_ASCII));
            }
            secrets.add(privateNumber(pair));
        }
        for (char[] pem : List.of(rsaPem, ecPem, tlsPem)) {
            for (String line : new String(pem).split("\n")) {
                if (!line.startsWith("-----") && line.length() > 20) {
                    secrets.add(line.getBytes(StandardCharsets.US_ASCII));
                }
            }
        }

        int scanned = 0;
        try (Stream<Path> files = Files.walk(data)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                byte[] content = Files.readAllBytes(file);
                for (byte[] secret : secrets) {
                    if (indexOf(content, secret) >= 0) {
                        fail("plaintext secret found in " + file);
                    }
                }
                scanned++;
            }
        }
        assertTrue(scanned >= 10, "scanned " + scanned + " files");
        // and the sealed values are really there
        try (Stream<Path> files = Files.walk(data.resolve("documents"))) {
            assertTrue(files.filter(Files::isRegularFile).anyMatch(f -> readString(f).contains("\"pin\":\"v1:")));
        }
    }

    private static String readString(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static HsmConnectionInput connection(String name, String pin) {
        return new HsmConnectionInput(name, null, "/usr/lib/softhsm/libsofthsm2.so", null, name, null, true,
                pin.toCharArray(), UserType.USER, null, null, null);
    }

    private static KeyPair generate(String algorithm, ECGenParameterSpec spec) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
        if (spec != null) {
            generator.initialize(spec);
        } else {
            generator.initialize(2048);
        }
        return generator.generateKeyPair();
    }

    /** The secret number itself (RSA private exponent, EC scalar), as the DER integer bytes would carry it. */
    private static byte[] privateNumber(KeyPair pair) {
        BigInteger number = pair.getPrivate() instanceof RSAPrivateCrtKey rsa ? rsa.getPrivateExponent()
                : ((ECPrivateKey) pair.getPrivate()).getS();
        byte[] bytes = number.toByteArray();
        return java.util.Arrays.copyOfRange(bytes, bytes.length - 24, bytes.length);
    }

    private static java.security.cert.X509Certificate selfSigned(KeyPair keys) throws Exception {
        Instant now = Instant.now();
        return new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(
                new X500Name("CN=web"), BigInteger.ONE, Date.from(now.minus(1, ChronoUnit.DAYS)),
                Date.from(now.plus(30, ChronoUnit.DAYS)), new X500Name("CN=web"), keys.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
    }

    private static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }

    private static int indexOf(byte[] content, byte[] pattern) {
        outer:
        for (int i = 0; i <= content.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (content[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
