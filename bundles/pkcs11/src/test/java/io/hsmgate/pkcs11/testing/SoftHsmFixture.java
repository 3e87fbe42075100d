package io.hsmgate.pkcs11.testing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A real SoftHSM2 setup for tests, created once per JVM in the directory of {@code $SOFTHSM2_CONF} (SoftHSM reads
 * that variable from the process environment, so the build sets it for the test fork, e.g. surefire's
 * {@code <environmentVariables><SOFTHSM2_CONF>${project.build.directory}/softhsm/softhsm2.conf}).
 *
 * <p>Token {@value #TOKEN_A} holds RSA-2048 ({@value #RSA_2048}, id 01), EC P-256 ({@value #EC_256}, id 02) with
 * certificates issued by {@link #caCertificate()}, and EC P-384 / P-521 keys (ids 03, 04) without certificates.
 * Token {@value #TOKEN_B} holds an EC P-256 key with certificate (id 11). Two tokens are labelled
 * {@value #TWIN_LABEL} (for ambiguity tests). User PIN {@value #USER_PIN}, SO PIN {@value #SO_PIN}.
 *
 * <p>Needs softhsm2-util and pkcs11-tool; without them it fails with the packages to install.
 */
public final class SoftHsmFixture {
    public static final String USER_PIN = "1234";
    public static final String SO_PIN = "5678";
    public static final String TOKEN_A = "hsmgate-a";
    public static final String TOKEN_B = "hsmgate-b";
    public static final String TWIN_LABEL = "twin";
    public static final String RSA_2048 = "rsa2048";
    public static final String EC_256 = "ec256";
    public static final String EC_384 = "ec384";
    public static final String EC_521 = "ec521";
    public static final String EC_256_B = "ec256b";

    private static final List<Path> LIBRARY_LOCATIONS = List.of(Path.of("/usr/lib/softhsm/libsofthsm2.so"),
            Path.of("/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so"), Path.of("/usr/local/lib/softhsm/libsofthsm2.so"),
            Path.of("/usr/lib64/pkcs11/libsofthsm2.so"));
    private static SoftHsmFixture shared;

    private final Path directory;
    private final Path library;
    private final KeyPair caKeys;
    private final X509Certificate caCertificate;
    private final Map<String, X509Certificate> certificates = new HashMap<>();

    private SoftHsmFixture(Path conf) throws Exception {
        this.directory = conf.getParent();
        this.library = LIBRARY_LOCATIONS.stream().filter(Files::isRegularFile).findFirst().orElseThrow(() ->
                new IllegalStateException("libsofthsm2.so not found in " + LIBRARY_LOCATIONS
                        + ": apt-get install softhsm2 opensc"));
        requireTool("softhsm2-util");
        requireTool("pkcs11-tool");
        Path tokens = directory.resolve("tokens");
        deleteTree(tokens);
        Files.createDirectories(tokens);
        Files.writeString(conf, "directories.tokendir = " + tokens + "\nobjectstore.backend = file\n"
                + "log.level = ERROR\nslots.removable = false\nslots.mechanisms = ALL\nlibrary.reset_on_fork = false\n");
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        caKeys = rsa.generateKeyPair();
        caCertificate = issue(new X500Name("CN=hsmgate test CA"), caKeys.getPublic(), true);

        createToken(TOKEN_A);
        createToken(TOKEN_B);
        createToken(TWIN_LABEL);
        createToken(TWIN_LABEL);
        generate(TOKEN_A, RSA_2048, "01", "rsa:2048", true);
        generate(TOKEN_A, EC_256, "02", "EC:prime256v1", true);
        generate(TOKEN_A, EC_384, "03", "EC:secp384r1", false);
        generate(TOKEN_A, EC_521, "04", "EC:secp521r1", false);
        generate(TOKEN_B, EC_256_B, "11", "EC:prime256v1", true);
    }

    /**
     * @return the fixture of this JVM, created on first use
     * @throws IllegalStateException if SOFTHSM2_CONF is not set or the SoftHSM tools are missing
     */
    public static synchronized SoftHsmFixture shared() {
        if (shared == null) {
            String conf = System.getenv("SOFTHSM2_CONF");
            if (conf == null || conf.isBlank()) {
                throw new IllegalStateException("SOFTHSM2_CONF must be set in the test JVM's environment (e.g. "
                        + "surefire <environmentVariables><SOFTHSM2_CONF>${project.build.directory}/softhsm/softhsm2.conf)");
            }
            try {
                Path path = Path.of(conf).toAbsolutePath();
                Files.createDirectories(path.getParent());
                shared = new SoftHsmFixture(path);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException("cannot create the SoftHSM test tokens: " + e.getMessage(), e);
            }
        }
        return shared;
    }

    /** @return the SoftHSM2 library file */
    public Path library() {
        return library;
    }

    /** @return the directory holding softhsm2.conf and the tokens */
    public Path directory() {
        return directory;
    }

    /** @return the CA that issued the key certificates */
    public X509Certificate caCertificate() {
        return caCertificate;
    }

    /** @return the certificate of the key labelled {@code keyLabel} (rsa2048, ec256, ec256b) */
    public X509Certificate certificate(String keyLabel) {
        X509Certificate c = certificates.get(keyLabel);
        if (c == null) {
            throw new IllegalArgumentException("no certificate for " + keyLabel);
        }
        return c;
    }

    /** @return the serial numbers of the tokens labelled {@code label}, as softhsm2-util shows them */
    public List<String> serials(String label) {
        String out = run("softhsm2-util", "--show-slots");
        List<String> serials = new ArrayList<>();
        for (String block : out.split("Slot ")) {
            Matcher label1 = Pattern.compile("Label:\\s*(.*)").matcher(block);
            Matcher serial = Pattern.compile("Serial number:\\s*(\\S+)").matcher(block);
            if (label1.find() && serial.find() && label1.group(1).strip().equals(label)) {
                serials.add(serial.group(1));
            }
        }
        return serials;
    }

    /** Initialises a new token in the free slot (visible to an initialised library only after a reload). */
    public void createToken(String label) {
        run("softhsm2-util", "--init-token", "--free", "--label", label, "--pin", USER_PIN, "--so-pin", SO_PIN);
    }

    private void generate(String token, String label, String id, String keyType, boolean withCertificate) throws Exception {
        List<String> base = List.of("pkcs11-tool", "--module", library.toString(), "--token-label", token, "--login",
                "--pin", USER_PIN);
        run(concat(base, "--keypairgen", "--key-type", keyType, "--id", id, "--label", label, "--usage-sign"));
        if (!withCertificate) {
            return;
        }
        Path pub = directory.resolve(label + ".pub.der");
        run(concat(base, "--read-object", "--type", "pubkey", "--id", id, "-o", pub.toString()));
        SubjectPublicKeyInfo spki = SubjectPublicKeyInfo.getInstance(Files.readAllBytes(pub));
        PublicKey publicKey = java.security.KeyFactory.getInstance(keyType.startsWith("rsa") ? "RSA" : "EC")
                .generatePublic(new java.security.spec.X509EncodedKeySpec(spki.getEncoded()));
        X509Certificate cert = issue(new X500Name("CN=" + label + ".hsmgate.test"), publicKey, false);
        Path der = directory.resolve(label + ".crt.der");
        Files.write(der, cert.getEncoded());
        run(concat(base, "--write-object", der.toString(), "--type", "cert", "--id", id, "--label", label));
        certificates.put(label, cert);
    }

    private X509Certificate issue(X500Name subject, PublicKey publicKey, boolean ca) throws Exception {
        Instant now = Instant.now();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(new X500Name("CN=hsmgate test CA"),
                BigInteger.valueOf(now.toEpochMilli()).add(BigInteger.valueOf(certificates.size())),
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(30))), subject, publicKey);
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(ca ? KeyUsage.keyCertSign
                : KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
        byte[] der = builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(caKeys.getPrivate())).getEncoded();
        return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
    }

    private static List<String> concat(List<String> base, String... more) {
        List<String> all = new ArrayList<>(base);
        all.addAll(List.of(more));
        return all;
    }

    private String run(String... command) {
        return run(List.of(command));
    }

    private String run(List<String> command) {
        try {
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
            pb.environment().put("SOFTHSM2_CONF", directory.resolve("softhsm2.conf").toString());
            Process p = pb.start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(command.get(0) + " did not finish within 60 s");
            }
            String text = new String(out, StandardCharsets.UTF_8);
            if (p.exitValue() != 0) {
                // the command line holds the test PIN only, never a real one
                throw new IllegalStateException(command.get(0) + " " + command.get(command.size() > 1 ? 1 : 0)
                        + " failed (exit " + p.exitValue() + "): " + text);
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void requireTool(String tool) {
        boolean found = Stream.of(System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":"))
                .map(dir -> Path.of(dir, tool)).anyMatch(Files::isExecutable);
        if (!found) {
            throw new IllegalStateException(tool + " is not installed: apt-get install softhsm2 opensc");
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
