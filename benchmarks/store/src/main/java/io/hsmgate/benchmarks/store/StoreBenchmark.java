package io.hsmgate.benchmarks.store;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import io.hsmgate.model.HsmConnection;
import io.hsmgate.model.RunningRevision;
import io.hsmgate.model.internal.StoredConfigurationService;
import io.hsmgate.store.internal.FileConfigurationStore;
import io.hsmgate.store.internal.StoreSettings;

/**
 * The configuration store with 10,000 HSM connections: load (open the data directory), list, one update
 * (durable: fsync of file and directory, plus the audit line), and push (candidate to a new running revision).
 * Sample mode, so the report carries the median (p0.50) besides the mean.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class StoreBenchmark {

    /** An open store and service over the 10,000 connections. */
    @State(Scope.Benchmark)
    public static class Open {
        FileConfigurationStore store;
        StoredConfigurationService service;
        HsmConnection target;
        int edits;

        @Setup(Level.Trial)
        public void open() throws Exception {
            store = new FileConfigurationStore(StoreSettings.of(BenchmarkData.directory()));
            service = new StoredConfigurationService(store);
            target = service.connections().get(BenchmarkData.CONNECTIONS / 2);
        }

        HsmConnection edit() throws Exception {
            target = service.updateConnection(target.id(), target.version(),
                    BenchmarkData.input(target.name(), "edit " + (++edits)), BenchmarkData.ACTOR);
            return target;
        }

        @TearDown(Level.Trial)
        public void close() {
            store.close();
        }
    }

    /** Where each push invocation starts: the candidate differs from the running revision in one connection. */
    @State(Scope.Benchmark)
    public static class Edited extends Open {
        @Setup(Level.Invocation)
        public void changeOne() throws Exception {
            edit();
        }
    }

    /** Just the directory, for loading it again and again. */
    @State(Scope.Benchmark)
    public static class Closed {
        Path directory;

        @Setup(Level.Trial)
        public void prepare() throws Exception {
            directory = BenchmarkData.directory();
        }
    }

    @Benchmark
    public long load(Closed closed) throws Exception {
        try (FileConfigurationStore store = new FileConfigurationStore(StoreSettings.of(closed.directory))) {
            return store.snapshot().generation();
        }
    }

    @Benchmark
    public List<HsmConnection> list(Open open) {
        return open.service.connections();
    }

    @Benchmark
    public HsmConnection update(Open open) throws Exception {
        return open.edit();
    }

    @Benchmark
    public RunningRevision push(Edited edited) throws Exception {
        return edited.service.push(BenchmarkData.ACTOR);
    }
}
