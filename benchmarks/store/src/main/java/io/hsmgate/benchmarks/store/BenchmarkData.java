package io.hsmgate.benchmarks.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import io.hsmgate.model.Actor;
import io.hsmgate.model.ConfigurationException;
import io.hsmgate.model.HsmConnectionInput;
import io.hsmgate.model.UserType;
import io.hsmgate.model.internal.StoredConfigurationService;
import io.hsmgate.store.internal.FileConfigurationStore;
import io.hsmgate.store.internal.StoreSettings;

/**
 * A data directory holding {@value #CONNECTIONS} HSM connections, built once through the real service (every
 * create fsync'd, as in production) and reused by later forks and runs.
 */
final class BenchmarkData {

    static final int CONNECTIONS = 10_000;
    static final Actor ACTOR = Actor.of("benchmark");

    private BenchmarkData() {
    }

    static Path directory() throws IOException, ConfigurationException {
        Path directory = Path.of(System.getProperty("hsmgate.bench.dir", "target/bench-data")).toAbsolutePath();
        if (count(directory) >= CONNECTIONS) {
            return directory;
        }
        long started = System.nanoTime();
        try (FileConfigurationStore store = new FileConfigurationStore(StoreSettings.of(directory))) {
            StoredConfigurationService service = new StoredConfigurationService(store);
            for (int i = service.connections().size(); i < CONNECTIONS; i++) {
                service.createConnection(input("connection-" + i, null), ACTOR);
            }
            service.push(ACTOR);
        }
        System.out.printf("created %d connections in %s in %.1f s%n", CONNECTIONS, directory,
                (System.nanoTime() - started) / 1e9);
        return directory;
    }

    static HsmConnectionInput input(String name, String description) {
        return new HsmConnectionInput(name, description, "/usr/lib/softhsm/libsofthsm2.so", null,
                "token-" + name.hashCode(), null, true, "12345678".toCharArray(), UserType.USER, 64, 30, null);
    }

    private static long count(Path directory) throws IOException {
        Path connections = directory.resolve("documents/hsm-connections");
        if (!Files.isDirectory(connections)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(connections)) {
            return files.map(f -> f.getFileName().toString().split("\\.")[0]).distinct().count();
        }
    }
}
