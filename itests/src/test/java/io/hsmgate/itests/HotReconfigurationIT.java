package io.hsmgate.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;

import io.hsmgate.model.Actor;
import io.hsmgate.model.ConfigurationService;
import io.hsmgate.model.HsmConnection;
import io.hsmgate.model.HsmConnectionInput;
import io.hsmgate.model.UserType;
import io.hsmgate.pkcs11.KeyRef;
import io.hsmgate.pkcs11.Pkcs11Libraries;
import io.hsmgate.pkcs11.testing.SoftHsmFixture;
import io.hsmgate.runtime.ConnectionOverview;
import io.hsmgate.runtime.ConnectionState;
import io.hsmgate.runtime.HsmConnectionRuntime;
import io.hsmgate.runtime.RunningHsmConnection;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.MethodSorters;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The headline of issue 5: HSM connections survive bundles being stopped, started, updated and hot-deployed
 * under a signing load from several threads, without a JVM restart. After every scenario the connection is
 * stopped and the core must have closed every session it opened, and no hsmgate thread may be left over.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class HotReconfigurationIT extends FrameworkTest {

    private static final String ADAPTER_BSN = "io.hsmgate.adapter-softhsm";
    private static final String CORE_BSN = "io.hsmgate.pkcs11";
    private static final Actor ACTOR = Actor.of("hot-reconfiguration test");
    private static final KeyRef KEY = KeyRef.byLabel(SoftHsmFixture.EC_256);
    private static final int SIGNERS = 4;


    @Configuration
    public Option[] config() throws IOException {
        String library = SoftHsmTokens.prepare(); // tokens exist before any bundle loads the library
        List<Option> options = DistributionOptions.of("hot");
        options.add(frameworkProperty("hsmgate.itest.library").value(library));
        return options.toArray(new Option[0]);
    }

    @Test
    public void a_stoppingTheAdapterParksTheConnectionAndStartingItResumes() throws Exception {
        UUID id = runningConnection();
        Set<String> threads = hsmgateThreads();
        try (SigningLoad load = load(id)) {
            load.awaitProgress(100, DEADLINE.toMillis());
            Bundle adapter = bundle(ADAPTER_BSN);
            adapter.stop();
            awaitConnection(id, o -> o.status().state() == ConnectionState.WAITING_FOR_ADAPTER, "waiting for the adapter");
            adapter.start();
            awaitConnection(id, o -> o.status().state() == ConnectionState.RUNNING, "running again");
            load.awaitProgress(100, DEADLINE.toMillis());
            assertEquals("no admitted sign call may fail: " + load, 0, load.failed.sum());
        }
        stopAndCheckForLeaks(id, threads);
    }

    @Test
    public void b_updatingTheAdapterFromANewJarResumesWithTheNewVersion() throws Exception {
        UUID id = runningConnection();
        Set<String> threads = hsmgateThreads();
        Bundle adapter = bundle(ADAPTER_BSN);
        String newVersion = adapter.getVersion().getMajor() + "." + adapter.getVersion().getMinor() + "."
                + (adapter.getVersion().getMicro() + 1) + ".itest";
        Path newJar = withVersion(adapterJar(), newVersion);
        try (SigningLoad load = load(id); InputStream in = Files.newInputStream(newJar)) {
            load.awaitProgress(100, DEADLINE.toMillis());
            adapter.update(in);
            awaitConnection(id, o -> o.status().state() == ConnectionState.RUNNING
                    && o.vendorVersion().filter(newVersion::equals).isPresent(), "running with adapter " + newVersion);
            load.awaitProgress(100, DEADLINE.toMillis());
            assertEquals("no admitted sign call may fail: " + load, 0, load.failed.sum());
        }
        stopAndCheckForLeaks(id, threads);
    }

    @Test
    public void c_stoppingAndStartingTheCoreStopsEveryConnectionCleanlyAndResumes() throws Exception {
        UUID id = runningConnection();
        Set<String> threads = hsmgateThreads();
        try (SigningLoad load = load(id)) {
            load.awaitProgress(100, DEADLINE.toMillis());
            Bundle core = bundle(CORE_BSN);
            core.stop();
            awaitGone(HsmConnectionRuntime.class);
            awaitGone(RunningHsmConnection.class);
            core.start();
            awaitConnection(id, o -> o.status().state() == ConnectionState.RUNNING, "running after the core restarted");
            load.awaitProgress(100, DEADLINE.toMillis());
            assertEquals("no admitted sign call may fail: " + load, 0, load.failed.sum());
        }
        stopAndCheckForLeaks(id, threads);
    }

    @Test
    public void d_restartingAnEditedConnectionLosesNoAdmittedCall() throws Exception {
        UUID id = runningConnection();
        Set<String> threads = hsmgateThreads();
        try (SigningLoad load = load(id)) {
            load.awaitProgress(100, DEADLINE.toMillis());
            ConfigurationService configuration = service(ConfigurationService.class);
            HsmConnection before = configuration.connection(id).orElseThrow();
            int newLimit = before.maxSessions() == 4 ? 6 : 4;
            configuration.updateConnection(id, before.version(), input(newLimit, null), ACTOR);
            configuration.push(ACTOR);
            awaitConnection(id, ConnectionOverview::restartPending, "restart pending after the push");
            service(HsmConnectionRuntime.class).restart(id, ACTOR);
            awaitConnection(id, o -> !o.restartPending() && o.pool().map(p -> p.limit() == newLimit).orElse(false),
                    "restarted with " + newLimit + " sessions");
            load.awaitProgress(200, DEADLINE.toMillis());
            assertEquals("zero failed sign calls across the restart: " + load, 0, load.failed.sum());
            assertEquals("the connection never stopped serving: " + load, 0, load.notServing.sum());
        }
        stopAndCheckForLeaks(id, threads);
    }

    @Test
    public void e_anAdapterJarDroppedIntoDeploySuppliesWaitingConnections() throws Exception {
        UUID id = runningConnection();
        Set<String> threads = hsmgateThreads();
        Path dropped = Path.of(context.getProperty(DistributionOptions.DEPLOY_PROPERTY), "adapter-softhsm.jar");
        try (SigningLoad load = load(id)) {
            load.awaitProgress(100, DEADLINE.toMillis());
            bundle(ADAPTER_BSN).uninstall();
            awaitConnection(id, o -> o.status().state() == ConnectionState.WAITING_FOR_ADAPTER, "waiting for the adapter");
            Files.copy(adapterJar(), dropped, StandardCopyOption.REPLACE_EXISTING);
            awaitConnection(id, o -> o.status().state() == ConnectionState.RUNNING, "running with the deployed adapter");
            load.awaitProgress(100, DEADLINE.toMillis());
            assertEquals("no admitted sign call may fail: " + load, 0, load.failed.sum());
            assertTrue(bundle(ADAPTER_BSN).getLocation().contains("adapter-softhsm.jar"));
        }
        stopAndCheckForLeaks(id, threads);
    }

    // ---- scenario support ----

    private static UUID connectionId;

    private UUID runningConnection() throws Exception {
        ConfigurationService configuration = service(ConfigurationService.class);
        if (connectionId == null) {
            HsmConnection created = configuration.createConnection(input(4, "1234".toCharArray()), ACTOR);
            connectionId = created.id();
            configuration.push(ACTOR);
        }
        UUID id = connectionId;
        awaitConnection(id, o -> true, "known to the runtime");
        service(HsmConnectionRuntime.class).start(id, ACTOR);
        awaitConnection(id, o -> o.status().state() == ConnectionState.RUNNING, "running");
        return id;
    }

    private HsmConnectionInput input(int maxSessions, char[] pin) {
        return new HsmConnectionInput("itest softhsm", "hot reconfiguration", context.getProperty("hsmgate.itest.library"),
                null, SoftHsmFixture.TOKEN_A, null, true, pin, UserType.USER, maxSessions, 10, "softhsm");
    }

    private SigningLoad load(UUID id) {
        ServiceTracker<RunningHsmConnection, RunningHsmConnection> tracker;
        try {
            tracker = new ServiceTracker<>(context, FrameworkUtil.createFilter("(&(objectClass="
                    + RunningHsmConnection.class.getName() + ")(" + RunningHsmConnection.ID_PROPERTY + "=" + id + "))"), null);
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        tracker.open();
        return new SigningLoad(SIGNERS, tracker::getService, KEY, tracker::close);
    }

    private void stopAndCheckForLeaks(UUID id, Set<String> threadsBefore) throws Exception {
        service(HsmConnectionRuntime.class).stop(id, ACTOR);
        awaitConnection(id, o -> o.status().state() == ConnectionState.STOPPED, "stopped");
        Pkcs11Libraries core = service(Pkcs11Libraries.class);
        await(() -> core.sessionCensus().open() == 0,
                () -> "sessions opened == sessions closed after stop: " + core.sessionCensus());
        await(() -> hsmgateThreads().equals(threadsBefore) && workerThreads() == 0,
                () -> "hsmgate threads after the scenario " + hsmgateThreads() + " (workers " + workerThreads()
                        + ") differ from before " + threadsBefore);
    }

    /** Long-lived hsmgate threads by name; pool workers come and go and are checked separately. */
    private static Set<String> hsmgateThreads() {
        return Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                .filter(n -> n.startsWith("hsmgate-") && !n.startsWith("hsmgate-runtime-worker"))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static long workerThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
                .filter(t -> t.getName().startsWith("hsmgate-runtime-worker")).count();
    }

    private Path adapterJar() {
        return Path.of(context.getProperty("hsmgate.itest.dist.dir"), "bundle", "hsmgate", "io.hsmgate.adapter-softhsm.jar");
    }

    /** A copy of {@code jar} whose manifest says {@code version}: "a new jar" for Bundle.update. */
    private static Path withVersion(Path jar, String version) throws IOException {
        Path copy = Files.createTempFile("adapter-softhsm-", ".jar");
        try (JarFile in = new JarFile(jar.toFile())) {
            Manifest manifest = new Manifest(in.getManifest());
            manifest.getMainAttributes().put(new Attributes.Name("Bundle-Version"), version);
            try (OutputStream file = Files.newOutputStream(copy); JarOutputStream out = new JarOutputStream(file, manifest)) {
                for (JarEntry entry : java.util.Collections.list(in.entries())) {
                    if (entry.getName().equalsIgnoreCase("META-INF/MANIFEST.MF")) {
                        continue;
                    }
                    out.putNextEntry(new JarEntry(entry.getName()));
                    try (InputStream content = in.getInputStream(entry)) {
                        content.transferTo(out);
                    }
                    out.closeEntry();
                }
            }
        }
        return copy;
    }

    private void awaitGone(Class<?> type) throws Exception {
        await(() -> context.getServiceReference(type) == null, () -> type.getSimpleName() + " still registered");
    }
}
