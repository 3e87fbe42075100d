package io.hsmgate.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.util.tracker.ServiceTracker;

import io.hsmgate.model.StorageException;

/**
 * The real model and store bundles in Felix with SCR: the data directory comes from the framework property,
 * ConfigurationService appears, and stopping the store bundle releases the directory lock, closes its files
 * and leaves no thread behind; starting it again brings the service back.
 */
class StoreLifecycleIT {

    /** Bundles from the test classpath, in start order; slf4j needs SPI Fly and a provider before it. */
    private static final List<String> BUNDLES = List.of("asm-9", "asm-commons", "asm-util", "asm-tree", "asm-analysis",
            "org.apache.aries.spifly.dynamic.bundle", "slf4j-api", "slf4j-simple", "org.osgi.util.function",
            "org.osgi.util.promise", "org.osgi.service.component-", "org.apache.felix.scr",
            "org.apache.felix.configadmin", "jackson-annotations", "jackson-core", "jackson-databind", "model-",
            "store-");

    @TempDir
    Path data;

    @TempDir
    Path frameworkStorage;

    @Test
    void bundlesStartStopAndStartAgainCleanly() throws Exception {
        Map<String, String> properties = new HashMap<>();
        properties.put(Constants.FRAMEWORK_STORAGE, frameworkStorage.toString());
        properties.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        properties.put(StoreConfiguration.DATA_DIR_PROPERTY, data.toString());
        properties.put("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        Framework framework = ServiceLoader.load(FrameworkFactory.class).iterator().next().newFramework(properties);
        framework.start();
        try {
            BundleContext context = framework.getBundleContext();
            List<Bundle> bundles = new ArrayList<>();
            for (String jar : jars()) {
                bundles.add(context.installBundle(new File(jar).toURI().toString()));
            }
            for (Bundle bundle : bundles) {
                bundle.start();
            }
            Bundle store = bundles.get(bundles.size() - 1);
            assertEquals("io.hsmgate.store", store.getSymbolicName());
            assertEquals("io.hsmgate.model", bundles.get(bundles.size() - 2).getSymbolicName());

            ServiceTracker<Object, Object> service = new ServiceTracker<>(context,
                    "io.hsmgate.model.ConfigurationService", null);
            service.open(true);
            Object configuration = service.waitForService(TimeUnit.SECONDS.toMillis(30));
            assertNotNull(configuration, "ConfigurationService registered");
            assertEquals(List.of(), configuration.getClass().getMethod("connections").invoke(configuration));
            assertTrue(data.resolve("secret.key").toFile().isFile(), "store opened the data directory");
            // the directory is taken while the bundle runs
            assertThrows(StorageException.class, () -> new FileConfigurationStore(StoreSettings.of(data)));

            Set<String> threadsBefore = threadNames();
            store.stop();
            assertNull(service.getService(), "ConfigurationService goes away with its store");
            // lock released, files closed: another store can open the directory now
            new FileConfigurationStore(StoreSettings.of(data)).close();
            assertTrue(threadsBefore.containsAll(threadNames()),
                    "no thread left behind: " + threadNames() + " vs " + threadsBefore);

            store.start();
            assertNotNull(service.waitForService(TimeUnit.SECONDS.toMillis(30)), "back after a restart");
            service.close();
        } finally {
            framework.stop();
            framework.waitForStop(TimeUnit.SECONDS.toMillis(30));
        }
    }

    private static Set<String> threadNames() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .collect(Collectors.toSet());
    }

    private static List<String> jars() {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> entries = List.of(classpath.split(File.pathSeparator));
        List<String> jars = new ArrayList<>();
        for (String prefix : BUNDLES) {
            String jar = entries.stream()
                    .filter(e -> e.endsWith(".jar") && new File(e).getName().startsWith(prefix))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no bundle " + prefix + "* on " + classpath));
            jars.add(jar);
        }
        return jars;
    }
}
