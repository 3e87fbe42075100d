package io.hsmgate.benchmarks.pkcs11;

import io.hsmgate.pkcs11.HsmPrivateKey;
import io.hsmgate.pkcs11.KeyRef;
import io.hsmgate.pkcs11.LoginSpec;
import io.hsmgate.pkcs11.Pkcs11Library;
import io.hsmgate.pkcs11.PoolSettings;
import io.hsmgate.pkcs11.SessionWork;
import io.hsmgate.pkcs11.TokenConnection;
import io.hsmgate.pkcs11.TokenSelector;
import io.hsmgate.pkcs11.internal.osgi.Pkcs11CoreComponent;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Security;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * hsmgate's JCA Signature path against SunPKCS11 on the same SoftHSM token (the "bench" token of the shared
 * baseline: -Dbench.dir=/tmp/p11-bench, SOFTHSM2_CONF=$bench.dir/softhsm2.conf in the environment), plus the
 * pool's borrow + return. One Signature per thread, initialised once, as the baseline's JcaSign does.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SigningBenchmark {
    private static final byte[] MESSAGE = new byte[256];

    @State(Scope.Benchmark)
    public static class Token {
        @Param({"hsmgate", "sunpkcs11"})
        public String impl;

        Pkcs11CoreComponent core;
        TokenConnection connection;
        KeyStore sunKeyStore;
        Provider sun;

        @Setup(Level.Trial)
        public void open() throws Exception {
            Path dir = Path.of(System.getProperty("bench.dir", "/tmp/p11-bench"));
            if ("hsmgate".equals(impl)) {
                core = new Pkcs11CoreComponent();
                try (Pkcs11Library library = core.acquire(Path.of(System.getProperty("bench.library",
                        "/usr/lib/softhsm/libsofthsm2.so")), null)) {
                    connection = library.connect(TokenSelector.byLabel("bench"),
                            LoginSpec.user(() -> "1234".toCharArray()), PoolSettings.of(8, Duration.ofSeconds(10)));
                }
            } else {
                sun = Security.getProvider("SunPKCS11").configure(dir.resolve("sunpkcs11.cfg").toString());
                Security.addProvider(sun);
                sunKeyStore = KeyStore.getInstance("PKCS11", sun);
                sunKeyStore.load(null, "1234".toCharArray());
            }
        }

        PrivateKey key(String label) throws Exception {
            if (connection != null) {
                return connection.privateKey(KeyRef.byLabel(label));
            }
            return (PrivateKey) sunKeyStore.getKey(label, null);
        }

        @TearDown(Level.Trial)
        public void close() {
            if (connection != null) {
                connection.close();
                core.deactivate();
            }
            if (sun != null) {
                Security.removeProvider(sun.getName());
            }
        }
    }

    @State(Scope.Thread)
    public static class Signer {
        @Param({"rsa-pkcs", "rsa-pss", "ecdsa"})
        public String op;

        Signature signature;

        @Setup(Level.Trial)
        public void init(Token token) throws Exception {
            PrivateKey key = token.key(op.startsWith("rsa") ? "rsa2048" : "ec256");
            String algorithm = switch (op) {
                case "rsa-pkcs" -> "SHA256withRSA";
                case "rsa-pss" -> "RSASSA-PSS";
                default -> "SHA256withECDSA";
            };
            signature = token.sun != null ? Signature.getInstance(algorithm, token.sun) : Signature.getInstance(algorithm);
            signature.initSign(key);
            if (op.equals("rsa-pss")) {
                signature.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
            }
        }
    }

    @Benchmark
    public byte[] sign(Signer signer) throws Exception {
        signer.signature.update(MESSAGE);
        return signer.signature.sign();
    }

    /** Borrow + return of a pooled session, nothing done with it. */
    @State(Scope.Benchmark)
    public static class Pool {
        Pkcs11CoreComponent core;
        TokenConnection connection;
        final SessionWork<Object> nothing = s -> null;

        @Setup(Level.Trial)
        public void open() throws Exception {
            core = new Pkcs11CoreComponent();
            try (Pkcs11Library library = core.acquire(Path.of(System.getProperty("bench.library",
                    "/usr/lib/softhsm/libsofthsm2.so")), null)) {
                connection = library.connect(TokenSelector.byLabel("bench"),
                        LoginSpec.user(() -> "1234".toCharArray()), PoolSettings.of(8, Duration.ofSeconds(10)));
            }
        }

        @TearDown(Level.Trial)
        public void close() {
            connection.close();
            core.deactivate();
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public Object borrowAndReturn(Pool pool) throws Exception {
        return pool.connection.withSession(pool.nothing);
    }
}
