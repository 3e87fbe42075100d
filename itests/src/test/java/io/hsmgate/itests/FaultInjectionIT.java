package io.hsmgate.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;

import io.hsmgate.model.Actor;
import io.hsmgate.model.ConfigurationService;
import io.hsmgate.model.HsmConnection;
import io.hsmgate.model.HsmConnectionInput;
import io.hsmgate.model.UserType;
import io.hsmgate.pkcs11.HsmException;
import io.hsmgate.pkcs11.HsmOfflineException;
import io.hsmgate.pkcs11.KeyRef;
import io.hsmgate.pkcs11.Pkcs11Libraries;
import io.hsmgate.pkcs11.SessionPoolTimeoutException;
import io.hsmgate.pkcs11.SigningMechanism;
import io.hsmgate.runtime.ConnectionOverview;
import io.hsmgate.runtime.ConnectionState;
import io.hsmgate.runtime.HsmConnectionRuntime;
import io.hsmgate.runtime.RunningHsmConnection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.After;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * Faults injected between hsmgate and SoftHSM2 by the fault shim (src/test/c/faultshim.c): for each class of
 * PKCS#11 error the runtime recovers or shows the right state, callers get typed errors within their timeout,
 * no thread stays stuck, and every session opened is closed after stop.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class FaultInjectionIT extends FrameworkTest {

    private static final Actor ACTOR = Actor.of("fault injection test");
    private static final KeyRef KEY = KeyRef.byLabel("ec256");
    private static final String TOKEN = "hsmgate-a";


    @Configuration
    public Option[] config() throws IOException {
        SoftHsmTokens.prepare();
        Path shim = Path.of(System.getProperty("hsmgate.faultshim.library"));
        // a second file name gives the Luna-profile connection a library of its own (one profile per library path)
        Path lunaShim = shim.resolveSibling("libhsmgate-faultshim-luna.so");
        Files.copy(shim, lunaShim, StandardCopyOption.REPLACE_EXISTING);
        List<Option> options = DistributionOptions.of("faults");
        options.add(frameworkProperty("hsmgate.itest.shim").value(shim.toString()));
        options.add(frameworkProperty("hsmgate.itest.shim.luna").value(lunaShim.toString()));
        options.add(frameworkProperty("hsmgate.itest.control").value(System.getenv("FAULTSHIM_CONTROL")));
        options.add(frameworkProperty("hsmgate.itest.stats").value(System.getenv("FAULTSHIM_STATS")));
        return options.toArray(new Option[0]);
    }

    @After
    public void clearFaults() throws IOException {
        Files.deleteIfExists(control());
    }

    @Test
    public void sessionTokenAndDeviceErrorsAreRecoveredWithinTheCall() throws Exception {
        RunningHsmConnection connection = running("recovering", shim(), null, 2, 5);
        for (String rv : List.of("0x000000B3" /* SESSION_HANDLE_INVALID */, "0x000000B0" /* SESSION_CLOSED */,
                "0x00000101" /* USER_NOT_LOGGED_IN */, "0x000000E0" /* TOKEN_NOT_PRESENT */, "0x00000032" /* DEVICE_REMOVED */)) {
            inject("C_Sign rv=" + rv + " count=1");
            sign(connection); // recovered and retried once inside the call: the caller sees a signature
            assertEquals("state after " + rv, ConnectionState.RUNNING, state(connection.id()));
        }
        stopAndCheckSessions(connection.id());
    }

    @Test
    public void aDeviceErrorReinitialisesTheLibraryAndTheConnectionRecovers() throws Exception {
        RunningHsmConnection connection = running("device error", shim(), null, 2, 5);
        inject("C_Sign rv=0x00000030 count=1");
        try {
            sign(connection);
        } catch (HsmOfflineException e) {
            // a library error may reach the caller as a typed offline error while the library re-initialises
            assertTrue(e.getMessage(), e.getMessage().contains("CKR_DEVICE_ERROR"));
        }
        awaitState(connection.id(), s -> s == ConnectionState.RUNNING, "running again");
        sign(connection);
        stopAndCheckSessions(connection.id());
    }

    @Test
    public void vendorCodesAreClassifiedByTheAdapterAndUnknownOnesShownInHex() throws Exception {
        RunningHsmConnection connection = running("luna profile", lunaShim(), "luna", 2, 5);
        inject("C_Sign rv=0x80000041 count=1"); // Luna CKR_AGAIN: transient, retried once
        sign(connection);
        inject("C_Sign rv=0x80001234 count=1"); // not in any table: reported in hex, never retried
        try {
            sign(connection);
            fail("an unknown vendor code must reach the caller");
        } catch (HsmException e) {
            assertEquals("0x80001234", e.returnValueName());
        }
        assertEquals(ConnectionState.RUNNING, state(connection.id()));
        sign(connection);
        stopAndCheckSessions(connection.id());
    }

    @Test
    public void aHangingHsmGivesOtherCallersATypedTimeoutAndNoThreadStaysStuck() throws Exception {
        RunningHsmConnection connection = running("hanging", shim(), null, 1, 2);
        inject("C_Sign hang=1");
        CompletableFuture<Void> stuck = CompletableFuture.runAsync(() -> {
            try {
                sign(connection);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        awaitPool(connection.id(), o -> o.pool().map(p -> p.inUse() == 1).orElse(false), "the one session lent to the hung call");
        long start = System.nanoTime();
        try {
            sign(connection);
            fail("the pool's only session is hung: the second caller must time out");
        } catch (SessionPoolTimeoutException e) {
            long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertTrue("timed out after the 2 s connection timeout, not before: " + waited, waited >= 1900);
            assertTrue("typed error within the timeout plus scheduling slack: " + waited, waited < 6000);
        }
        Files.delete(control()); // the HSM answers again
        stuck.get(30, TimeUnit.SECONDS);
        assertFalse(stuck.isCompletedExceptionally());
        assertEquals(1, service(HsmConnectionRuntime.class).connection(connection.id()).orElseThrow().pool().orElseThrow().timeouts());
        stopAndCheckSessions(connection.id());
    }

    @Test
    public void aPoolOfNLetsExactlyNCallsReachTheHsmAtOnce() throws Exception {
        for (int poolSize : new int[] {1, 4}) {
            RunningHsmConnection connection = running("pool of " + poolSize, shim(), null, poolSize, 30);
            inject("C_Sign delay_us=5000"); // a 5 ms HSM round trip keeps calls overlapping
            Files.deleteIfExists(stats());
            List<CompletableFuture<Void>> callers = new java.util.ArrayList<>();
            for (int i = 0; i < 2 * poolSize + 2; i++) {
                callers.add(CompletableFuture.runAsync(() -> {
                    for (int n = 0; n < 10; n++) {
                        try {
                            sign(connection);
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    }
                }, runnable -> new Thread(runnable, "itest-caller").start()));
            }
            CompletableFuture.allOf(callers.toArray(new CompletableFuture[0])).get(60, TimeUnit.SECONDS);
            assertEquals("C_Sign calls in flight at once with a pool of " + poolSize,
                    "max_concurrent_sign=" + poolSize, Files.readString(stats()).strip());
            Files.deleteIfExists(control());
            stopAndCheckSessions(connection.id());
        }
    }

    // ---- support ----

    private Path stats() {
        return Path.of(context.getProperty("hsmgate.itest.stats"));
    }

    private RunningHsmConnection running(String name, String library, String vendor, int sessions, int timeoutSeconds)
            throws Exception {
        allowShimDirectory();
        ConfigurationService configuration = service(ConfigurationService.class);
        HsmConnection created = configuration.createConnection(new HsmConnectionInput(name, "fault injection", library,
                null, TOKEN, null, true, "1234".toCharArray(), UserType.USER, sessions, timeoutSeconds, vendor), ACTOR);
        configuration.push(ACTOR);
        awaitState(created.id(), s -> s == ConnectionState.RUNNING, "running");
        return runningService(created.id());
    }

    private void allowShimDirectory() throws Exception {
        ConfigurationAdmin admin = service(ConfigurationAdmin.class);
        org.osgi.service.cm.Configuration runtimeSettings = admin.getConfiguration("io.hsmgate.runtime", "?");
        Dictionary<String, Object> properties = runtimeSettings.getProperties();
        String shimDir = Path.of(shim()).getParent().toString();
        if (properties != null && List.of((String[]) properties.get("allowedLibraryDirectories")).contains(shimDir)) {
            return;
        }
        Dictionary<String, Object> settings = new Hashtable<>();
        settings.put("allowedLibraryDirectories", new String[] {"/usr/lib", shimDir});
        runtimeSettings.update(settings);
        long end = System.nanoTime() + DEADLINE.toNanos();
        while (System.nanoTime() < end) { // the runtime applies the new settings asynchronously
            if (service(HsmConnectionRuntime.class).test(new HsmConnectionInput("probe", null, shim(), null, TOKEN, null,
                    true, "1234".toCharArray(), UserType.USER, 1, 5, null), ACTOR).steps().get(1).ok()) {
                return;
            }
            Thread.sleep(50); // poll interval; the loop checks the condition against a deadline
        }
        throw new AssertionError("the runtime never allowed " + shimDir);
    }

    private static void sign(RunningHsmConnection connection) throws Exception {
        byte[] hash = MessageDigest.getInstance("SHA-256").digest("fault".getBytes());
        assertTrue(connection.sign(KEY, SigningMechanism.ECDSA, hash).length > 0);
    }

    private void inject(String rule) throws IOException {
        Path control = control();
        Path temp = Files.createTempFile(control.getParent(), "control", ".tmp");
        Files.writeString(temp, rule + "\n");
        Files.move(temp, control, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        try {
            Thread.sleep(30); // the shim re-reads its control file at most every 20 ms: not a wait for a condition
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void stopAndCheckSessions(UUID id) throws Exception {
        service(HsmConnectionRuntime.class).stop(id, ACTOR);
        awaitState(id, s -> s == ConnectionState.STOPPED, "stopped");
        Pkcs11Libraries core = service(Pkcs11Libraries.class);
        long end = System.nanoTime() + DEADLINE.toNanos();
        while (core.sessionCensus().open() != 0) {
            if (System.nanoTime() > end) {
                throw new AssertionError("sessions opened != closed after stop: " + core.sessionCensus());
            }
            Thread.sleep(50); // poll interval; the loop checks the condition against a deadline
        }
    }

    private Path control() {
        return Path.of(context.getProperty("hsmgate.itest.control"));
    }

    private String shim() {
        return context.getProperty("hsmgate.itest.shim");
    }

    private String lunaShim() {
        return context.getProperty("hsmgate.itest.shim.luna");
    }

    private ConnectionState state(UUID id) throws Exception {
        return service(HsmConnectionRuntime.class).connection(id).orElseThrow().status().state();
    }

    private void awaitState(UUID id, Predicate<ConnectionState> condition, String what) throws Exception {
        awaitPool(id, o -> condition.test(o.status().state()), what);
    }

    private void awaitPool(UUID id, Predicate<ConnectionOverview> condition, String what) throws Exception {
        awaitConnection(id, condition, what);
    }
}
