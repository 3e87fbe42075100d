package io.hsmgate.benchmarks.network;

import io.hsmgate.pkcs11.HsmPrivateKey;
import io.hsmgate.pkcs11.KeyRef;
import io.hsmgate.pkcs11.LoginSpec;
import io.hsmgate.pkcs11.PoolCounters;
import io.hsmgate.pkcs11.PoolSettings;
import io.hsmgate.pkcs11.Pkcs11Library;
import io.hsmgate.pkcs11.SigningMechanism;
import io.hsmgate.pkcs11.TokenConnection;
import io.hsmgate.pkcs11.TokenSelector;
import io.hsmgate.pkcs11.internal.library.LibraryRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * How hsmgate's session pool behaves in front of a network HSM: the fault shim adds a fixed latency to every
 * C_Sign without using local CPU (replay mode: the token signs each distinct input once, later calls get that
 * valid signature back after the delay), and many threads sign through pools of different sizes. Prints one
 * line per pool size: throughput, the ideal min(pool, threads) / latency, latency p50/p99 and pool wait p50/p99.
 *
 * Arguments: shimLibrary controlFile tokenLabel pin keyLabel threads seconds delayMicros mode(replay|real) pools...
 */
public final class NetworkHsmBenchmark {

    private NetworkHsmBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path shim = Path.of(args[0]);
        Path control = Path.of(args[1]);
        String token = args[2];
        char[] pin = args[3].toCharArray();
        String keyLabel = args[4];
        int threads = Integer.parseInt(args[5]);
        int seconds = Integer.parseInt(args[6]);
        long delayMicros = Long.parseLong(args[7]);
        boolean replay = args[8].equals("replay");
        int[] pools = Arrays.stream(args, 9, args.length).mapToInt(Integer::parseInt).toArray();

        writeControl(control, "C_Sign delay_us=" + delayMicros + (replay ? " replay=1" : ""));
        System.out.printf(Locale.ROOT, "%-6s %-6s %8s %8s %6s %9s %9s %9s %9s%n", "pool", "thr", "sig/s", "ideal",
                "ratio", "lat p50", "lat p99", "wait p50", "wait p99");
        try (LibraryRegistry registry = new LibraryRegistry(); Pkcs11Library library = registry.acquire(shim, null)) {
            for (int pool : pools) {
                try (TokenConnection connection = library.connect(TokenSelector.byLabel(token),
                        LoginSpec.user(() -> pin.clone()), PoolSettings.of(pool, Duration.ofSeconds(120)))) {
                    run(connection, keyLabel, pool, threads, seconds, delayMicros);
                }
            }
        } finally {
            Files.deleteIfExists(control);
        }
    }

    private static void run(TokenConnection connection, String keyLabel, int pool, int threads, int seconds,
            long delayMicros) throws Exception {
        HsmPrivateKey key = connection.privateKey(KeyRef.byLabel(keyLabel));
        byte[] hash = MessageDigest.getInstance("SHA-256").digest("network hsm".getBytes());
        connection.withSession(s -> s.sign(key, SigningMechanism.ECDSA, hash)); // the replayed signature exists

        AtomicBoolean measuring = new AtomicBoolean(false);
        AtomicBoolean running = new AtomicBoolean(true);
        List<long[]> latencies = new ArrayList<>();
        List<long[]> waits = new ArrayList<>();
        int[] counts = new int[threads];
        CountDownLatch done = new CountDownLatch(threads);
        int capacity = 4_000_000 / threads;
        for (int t = 0; t < threads; t++) {
            long[] latency = new long[capacity];
            long[] wait = new long[capacity];
            latencies.add(latency);
            waits.add(wait);
            int index = t;
            Thread thread = new Thread(() -> {
                try {
                    int n = 0;
                    long[] borrowed = new long[1];
                    while (running.get()) {
                        long start = System.nanoTime();
                        connection.withSession(s -> {
                            borrowed[0] = System.nanoTime();
                            return s.sign(key, SigningMechanism.ECDSA, hash);
                        });
                        long end = System.nanoTime();
                        if (measuring.get() && n < capacity) {
                            latency[n] = end - start;
                            wait[n] = borrowed[0] - start;
                            n++;
                        }
                    }
                    counts[index] = n;
                } catch (Exception e) {
                    e.printStackTrace();
                } finally {
                    done.countDown();
                }
            }, "signer-" + t);
            thread.start();
        }
        Thread.sleep(1000); // warm-up period of the benchmark, not a wait for a condition
        PoolCounters before = connection.counters();
        measuring.set(true);
        long start = System.nanoTime();
        Thread.sleep(seconds * 1000L); // the measured period
        measuring.set(false);
        long elapsed = System.nanoTime() - start;
        running.set(false);
        done.await();
        long total = Arrays.stream(counts).asLongStream().sum();
        double throughput = total / (elapsed / 1e9);
        double ideal = Math.min(pool, threads) / (delayMicros / 1e6);
        long[] allLatency = merge(latencies, counts);
        long[] allWait = merge(waits, counts);
        System.out.printf(Locale.ROOT, "%-6d %-6d %8.0f %8.0f %6.2f %8.2fms %8.2fms %8.2fms %8.2fms   (timeouts %d)%n",
                pool, threads, throughput, ideal, throughput / ideal, ms(percentile(allLatency, 0.50)),
                ms(percentile(allLatency, 0.99)), ms(percentile(allWait, 0.50)), ms(percentile(allWait, 0.99)),
                connection.counters().timeouts() - before.timeouts());
    }

    private static long[] merge(List<long[]> perThread, int[] counts) {
        long[] all = new long[Arrays.stream(counts).sum()];
        int offset = 0;
        for (int t = 0; t < counts.length; t++) {
            System.arraycopy(perThread.get(t), 0, all, offset, counts[t]);
            offset += counts[t];
        }
        Arrays.sort(all);
        return all;
    }

    private static long percentile(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.round(p * (sorted.length - 1)))];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static void writeControl(Path control, String rule) throws Exception {
        Path temp = Files.createTempFile(control.toAbsolutePath().getParent(), "control", ".tmp");
        Files.writeString(temp, rule + "\n");
        Files.move(temp, control, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
