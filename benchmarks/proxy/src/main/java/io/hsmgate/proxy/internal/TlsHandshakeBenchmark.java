package io.hsmgate.proxy.internal;

import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Security;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509KeyManager;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import io.hsmgate.model.TlsListener;
import io.hsmgate.pkcs11.HsmKeyManagers;
import io.hsmgate.pkcs11.KeyRef;
import io.hsmgate.pkcs11.LoginSpec;
import io.hsmgate.pkcs11.Pkcs11Library;
import io.hsmgate.pkcs11.PoolSettings;
import io.hsmgate.pkcs11.TokenConnection;
import io.hsmgate.pkcs11.TokenSelector;
import io.hsmgate.pkcs11.internal.osgi.Pkcs11CoreComponent;
import io.hsmgate.pkcs11.testing.SoftHsmFixture;

/**
 * Full TLS 1.3 handshakes per second through the proxy's TLS listener (accept, handshake, backend connect,
 * relay, close), with the ECDSA P-256 key: on the SoftHSM token through hsmgate (the JCA provider and the key
 * manager the runtime wraps), on the same token through SunPKCS11, and in memory. Every client handshake uses a
 * fresh SSLContext, so no session is resumed. Variants take turns within each round; the ratios are paired by
 * round.
 */
public final class TlsHandshakeBenchmark {

    private static final String KEY = SoftHsmFixture.EC_256;

    private TlsHandshakeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        SoftHsmFixture fixture = SoftHsmFixture.shared();
        Pkcs11CoreComponent core = new Pkcs11CoreComponent();
        TokenConnection token;
        try (Pkcs11Library library = core.acquire(fixture.library(), null)) {
            token = library.connect(TokenSelector.byLabel(SoftHsmFixture.TOKEN_A),
                    LoginSpec.user(SoftHsmFixture.USER_PIN::toCharArray), PoolSettings.of(4, Duration.ofSeconds(10)));
        }
        X509Certificate tokenCertificate = fixture.certificate(KEY);

        Map<String, X509KeyManager> variants = new LinkedHashMap<>();
        variants.put("hsmgate", HsmKeyManagers.forKey("a", token.privateKey(KeyRef.byLabel(KEY)), tokenCertificate));
        variants.put("SunPKCS11", sunPkcs11(fixture, tokenCertificate));
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        KeyPair memory = generator.generateKeyPair();
        variants.put("in-memory", new FixedKeyManager("a", memory.getPrivate(),
                new X509Certificate[] {selfSigned(memory)}));
        SSLContext trustAll = clientTrusting(fixture.caCertificate(), (X509Certificate) variants.get("in-memory")
                .getCertificateChain("a")[0]);

        ExecutorService workers = Executors.newCachedThreadPool();
        try (ServerSocket backend = new ServerSocket(0, 200, InetAddress.getLoopbackAddress())) {
            workers.execute(() -> acceptAndClose(backend));
            Map<String, List<Double>> results = new LinkedHashMap<>();
            for (int round = 1; round <= rounds; round++) {
                for (int threads : new int[] {1, 2}) {
                    List<String> order = new ArrayList<>(variants.keySet());
                    java.util.Collections.rotate(order, round);
                    for (String name : order) {
                        double rate = measure(variants.get(name), trustAll, backend.getLocalPort(), workers, threads,
                                seconds);
                        results.computeIfAbsent(name + "/" + threads, k -> new ArrayList<>()).add(rate);
                        System.out.printf("round %d threads %d %-10s %8.1f handshakes/s%n", round, threads, name, rate);
                    }
                }
            }
            report(results, rounds);
        } finally {
            workers.shutdownNow();
            token.close();
            core.deactivate();
        }
    }

    private static double measure(X509KeyManager keys, SSLContext client, int backendPort, ExecutorService workers,
            int threads, int seconds) throws Exception {
        SSLContext server = SSLContext.getInstance("TLS");
        server.init(new KeyManager[] {new ObservedKeyManager(keys)}, null, null);
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        ListenerCounters counters = new ListenerCounters("bench");
        try (TlsEndpoint tls = new TlsEndpoint("bench", new TlsListener("127.0.0.1", port, "127.0.0.1", backendPort,
                List.of("TLSv1.3")), server, KeyCheck.SOFTWARE_KEY, Limits.defaults(), workers, counters)) {
            tls.start();
            run(client, port, threads, 1); // warm-up
            LongAdder done = new LongAdder();
            long start = System.nanoTime();
            run(client, port, threads, seconds, done);
            double elapsed = (System.nanoTime() - start) / 1e9;
            if (counters.status("", true).failedHandshakes() > 0) {
                throw new IllegalStateException("handshakes failed: " + counters.status("", true));
            }
            return done.sum() / elapsed;
        }
    }

    private static void run(SSLContext trust, int port, int threads, int seconds) throws Exception {
        run(trust, port, threads, seconds, new LongAdder());
    }

    private static void run(SSLContext trust, int port, int threads, int seconds, LongAdder done) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> clients = new ArrayList<>();
        List<Throwable> errors = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int t = 0; t < threads; t++) {
            Thread thread = new Thread(() -> {
                while (!stop.get()) {
                    try {
                        handshake(trust, port);
                        done.increment();
                    } catch (Exception e) {
                        errors.add(e);
                        return;
                    }
                }
            });
            clients.add(thread);
            thread.start();
        }
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < end && errors.isEmpty()) {
            TimeUnit.MILLISECONDS.sleep(20); // the measuring period, checked against its end
        }
        stop.set(true);
        for (Thread thread : clients) {
            thread.join();
        }
        if (!errors.isEmpty()) {
            throw new IllegalStateException("client failed", errors.get(0));
        }
    }

    /** A full handshake: a fresh client context has no session to resume. */
    private static void handshake(SSLContext template, int port) throws Exception {
        SSLContext client = SSLContext.getInstance("TLS");
        client.init(null, trustManagers, null);
        try (SSLSocket socket = (SSLSocket) client.getSocketFactory().createSocket("127.0.0.1", port)) {
            socket.setEnabledProtocols(new String[] {"TLSv1.3"});
            socket.startHandshake();
        }
    }

    private static volatile javax.net.ssl.TrustManager[] trustManagers;

    private static SSLContext clientTrusting(X509Certificate... anchors) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        for (int i = 0; i < anchors.length; i++) {
            store.setCertificateEntry("ca" + i, anchors[i]);
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX");
        factory.init(store);
        trustManagers = factory.getTrustManagers();
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trustManagers, null);
        return context;
    }

    private static void acceptAndClose(ServerSocket backend) {
        while (!backend.isClosed()) {
            try (Socket s = backend.accept()) {
                s.setSoLinger(true, 0);
            } catch (IOException e) {
                return;
            }
        }
    }

    private static X509KeyManager sunPkcs11(SoftHsmFixture fixture, X509Certificate certificate) throws Exception {
        Path config = Files.createTempFile("sunpkcs11-", ".cfg");
        Files.writeString(config, "name = bench\nlibrary = " + fixture.library() + "\nslot = "
                + slotOf(SoftHsmFixture.TOKEN_A) + "\n");
        Provider provider = Security.getProvider("SunPKCS11").configure(config.toString());
        Security.addProvider(provider);
        KeyStore store = KeyStore.getInstance("PKCS11", provider);
        store.load(null, SoftHsmFixture.USER_PIN.toCharArray());
        PrivateKey key = (PrivateKey) store.getKey(KEY, null);
        if (key == null) {
            throw new IllegalStateException("SunPKCS11 sees no key " + KEY + "; aliases " + java.util.Collections.list(store.aliases()));
        }
        Certificate[] chain = store.getCertificateChain(KEY);
        return new FixedKeyManager("a", key, chain == null ? new X509Certificate[] {certificate}
                : Arrays.copyOf(chain, chain.length, X509Certificate[].class));
    }

    /** SunPKCS11 selects tokens by slot id only: read it from softhsm2-util. */
    private static long slotOf(String label) throws Exception {
        Process p = new ProcessBuilder("softhsm2-util", "--show-slots").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        for (String block : out.split("\n(?=Slot )")) {
            java.util.regex.Matcher slot = java.util.regex.Pattern.compile("^Slot (\\d+)").matcher(block);
            if (slot.find() && block.matches("(?s).*Label:\\s*" + label + "\\s.*")) {
                return Long.parseLong(slot.group(1));
            }
        }
        throw new IllegalStateException("no slot with token " + label + " in: " + out);
    }

    private static X509Certificate selfSigned(KeyPair pair) throws Exception {
        Instant now = Instant.now();
        X500Name name = new X500Name("CN=127.0.0.1");
        return new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(name,
                BigInteger.ONE, Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(1))), name,
                pair.getPublic()).build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
    }

    private static void report(Map<String, List<Double>> results, int rounds) {
        System.out.println();
        System.out.println("| threads | hsmgate | SunPKCS11 | in-memory | hsmgate/SunPKCS11 (median of paired) | hsmgate/in-memory |");
        System.out.println("|---|---|---|---|---|---|");
        for (int threads : new int[] {1, 2}) {
            List<Double> h = results.get("hsmgate/" + threads);
            List<Double> s = results.get("SunPKCS11/" + threads);
            List<Double> m = results.get("in-memory/" + threads);
            List<Double> hs = new ArrayList<>();
            List<Double> hm = new ArrayList<>();
            for (int r = 0; r < rounds; r++) {
                hs.add(h.get(r) / s.get(r));
                hm.add(h.get(r) / m.get(r));
            }
            System.out.printf("| %d | %.0f | %.0f | %.0f | %.2f (%s) | %.2f |%n", threads, median(h), median(s),
                    median(m), median(hs), hs.stream().map(x -> String.format("%.2f", x)).toList(), median(hm));
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
