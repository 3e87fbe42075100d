package io.hsmgate.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;

import io.hsmgate.model.Actor;
import io.hsmgate.model.ConfigurationService;
import io.hsmgate.model.HsmConnection;
import io.hsmgate.model.HsmConnectionInput;
import io.hsmgate.model.PrivateKeyInput;
import io.hsmgate.model.TlsCertificateInput;
import io.hsmgate.model.UserType;
import io.hsmgate.pkcs11.KeyRef;
import io.hsmgate.pkcs11.SigningMechanism;
import io.hsmgate.runtime.ConnectionOverview;
import io.hsmgate.runtime.ConnectionState;
import io.hsmgate.runtime.CredentialCheck;
import io.hsmgate.runtime.HsmConnectionRuntime;
import io.hsmgate.runtime.RunningHsmConnection;
import io.hsmgate.runtime.TestReport;
import io.hsmgate.runtime.TestStep;
import io.hsmgate.runtime.ValidationReport;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import java.util.UUID;
import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * What an operator does with running connections, against the real bundles and a SoftHSM token: test
 * (saved and unsaved values), validate credentials, failure states, metrics and the Gogo commands.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class RuntimeOperationsIT extends FrameworkTest {

    private static final Actor ACTOR = Actor.of("runtime operations test");
    private static final String TOKEN = "hsmgate-a";
    /** A token no running connection of this test logs in to, so a wrong PIN really reaches C_Login. */
    private static final String IDLE_TOKEN = "hsmgate-b";


    private static UUID connectionId;

    @Configuration
    public Option[] config() throws IOException {
        String library = SoftHsmTokens.prepare();
        List<Option> options = DistributionOptions.of("ops");
        options.add(frameworkProperty("hsmgate.itest.library").value(library));
        return options.toArray(new Option[0]);
    }

    @Test
    public void aSavedConnectionPassesEveryTestStep() throws Exception {
        UUID id = runningConnection();
        TestReport report = service(HsmConnectionRuntime.class).test(id, ACTOR);
        assertTrue(report.steps().toString(), report.ok());
        List<String> names = report.steps().stream().map(TestStep::name).toList();
        for (String step : List.of("library path allowed", "library loaded", "library information (C_GetInfo)",
                "token found", "login", "session opened and closed", "random bytes generated")) {
            assertTrue("step " + step + " in " + names, names.contains(step));
        }
        assertTrue(report.steps().get(names.indexOf("token found")).detail().contains(TOKEN));
    }

    @Test
    public void theFirstFailingStepSaysWhatToFix() throws Exception {
        HsmConnectionRuntime runtime = service(HsmConnectionRuntime.class);
        TestReport wrongPin = runtime.test(new HsmConnectionInput("unsaved", null, library(), null, IDLE_TOKEN, null, true,
                "0000".toCharArray(), UserType.USER, 2, 5, null), ACTOR);
        assertFalse(wrongPin.ok());
        TestStep last = wrongPin.steps().get(wrongPin.steps().size() - 1);
        assertEquals("login", last.name());
        assertTrue(last.detail(), last.detail().contains("PIN"));
        assertFalse("the PIN never appears in a report", wrongPin.toString().contains("0000"));

        Path outside = Files.createTempFile("libsofthsm2-copy", ".so");
        Files.copy(Path.of(library()), outside, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        TestReport notAllowed = runtime.test(new HsmConnectionInput("unsaved", null, outside.toString(), null, TOKEN,
                null, true, "1234".toCharArray(), UserType.USER, 2, 5, null), ACTOR);
        assertFalse(notAllowed.ok());
        TestStep refused = notAllowed.steps().get(notAllowed.steps().size() - 1);
        assertEquals("library path allowed", refused.name());
        assertFalse(refused.ok());
        assertTrue(refused.detail(), refused.detail().contains("outside the allowed library directories"));

        TestReport notPkcs11 = runtime.test(new HsmConnectionInput("unsaved", null, "/usr/lib/x86_64-linux-gnu/libz.so.1",
                null, TOKEN, null, true, "1234".toCharArray(), UserType.USER, 2, 5, null), ACTOR);
        TestStep loadStep = notPkcs11.steps().get(notPkcs11.steps().size() - 1);
        assertFalse(notPkcs11.ok());
        assertEquals("library loaded", loadStep.name());
        assertTrue(loadStep.detail(), loadStep.detail().contains("is not a PKCS#11 library"));

        TestReport twoTokens = runtime.test(new HsmConnectionInput("unsaved", null, library(), null, TOKEN, 3L, true,
                "1234".toCharArray(), UserType.USER, 2, 5, null), ACTOR);
        assertFalse(twoTokens.ok());
        assertEquals("settings", twoTokens.steps().get(0).name());
        assertTrue(twoTokens.steps().get(0).detail(), twoTokens.steps().get(0).detail()
                .contains("give exactly one of token serial number, token label, slot number; got token label and slot number"));
    }

    @Test
    public void aPinThatCannotBeCheckedIsSaidSo() throws Exception {
        runningConnection(); // logs in to TOKEN: PKCS#11 shares that login with everything else in the process
        TestReport report = service(HsmConnectionRuntime.class).test(input("unsaved", "not-the-pin", null), ACTOR);
        TestStep login = report.steps().stream().filter(s -> s.name().equals("login")).findFirst().orElseThrow();
        assertTrue(login.detail(), login.detail().contains("this PIN was not checked"));
    }

    @Test
    public void validationChecksEveryHsmCredentialOfTheConnection() throws Exception {
        UUID id = runningConnection();
        ConfigurationService configuration = service(ConfigurationService.class);
        if (configuration.privateKeys().isEmpty()) {
            configuration.createPrivateKey(new PrivateKeyInput("ssh host key", null, true, id, "01", null, null), ACTOR);
            configuration.createTlsCertificate(new TlsCertificateInput("tls ec", null, true, id, null, "ec256", null, null), ACTOR);
            configuration.createTlsCertificate(new TlsCertificateInput("tls missing", null, true, id, null, "no-such-key", null, null), ACTOR);
            configuration.push(ACTOR);
        }
        ValidationReport report = service(HsmConnectionRuntime.class).validate(id, ACTOR);
        assertEquals(report.toString(), 3, report.credentials().size());
        CredentialCheck rsa = check(report, "ssh host key");
        assertTrue(rsa.toString(), rsa.ok());
        assertEquals("RSA", rsa.keyType());
        assertEquals(2048, rsa.keySize());
        CredentialCheck ec = check(report, "tls ec");
        assertTrue(ec.toString(), ec.ok());
        assertEquals(256, ec.keySize());
        assertTrue("the fixture's certificates expire within 30 days: " + ec, ec.warnings().stream().anyMatch(w -> w.contains("within 30 days")));
        CredentialCheck missing = check(report, "tls missing");
        assertFalse(missing.ok());
        assertTrue(missing.toString(), missing.problems().get(0).contains("no-such-key"));
        assertFalse(report.ok());
    }

    @Test
    public void aWrongPinFailsOnceAndIsNeverRetriedAndAMissingAdapterIsWaitedFor() throws Exception {
        ConfigurationService configuration = service(ConfigurationService.class);
        HsmConnection wrongPin = configuration.createConnection(new HsmConnectionInput("wrong pin", null, library(), null,
                IDLE_TOKEN, null, true, "9999".toCharArray(), UserType.USER, 2, 5, null), ACTOR);
        HsmConnection noAdapter = configuration.createConnection(input("no adapter", "1234", "nosuchvendor"), ACTOR);
        configuration.push(ACTOR);
        ConnectionOverview failed = awaitConnection(wrongPin.id(), o -> o.status().state() == ConnectionState.FAILED, "failed");
        assertTrue(failed.status().reason(), failed.status().reason().contains("PIN"));
        assertTrue("a wrong PIN is never retried", failed.status().nextRetry().isEmpty());
        ConnectionOverview waiting = awaitConnection(noAdapter.id(),
                o -> o.status().state() == ConnectionState.WAITING_FOR_ADAPTER, "waiting for its adapter");
        assertTrue(waiting.status().reason(), waiting.status().reason().contains("nosuchvendor"));
        HsmConnectionRuntime runtime = service(HsmConnectionRuntime.class);
        runtime.stop(wrongPin.id(), ACTOR);
        runtime.stop(noAdapter.id(), ACTOR);
        awaitConnection(noAdapter.id(), o -> o.status().state() == ConnectionState.STOPPED, "stopped");
    }

    @Test
    public void metricsNeedTheAdministratorAndCountSignatures() throws Exception {
        UUID id = runningConnection();
        RunningHsmConnection running = runningService(id);
        byte[] hash = MessageDigest.getInstance("SHA-256").digest("metrics".getBytes(StandardCharsets.UTF_8));
        running.sign(KeyRef.byLabel("ec256"), SigningMechanism.ECDSA, hash);

        String url = "http://127.0.0.1:" + context.getProperty(DistributionOptions.PORT_PROPERTY) + "/metrics";
        Http.awaitResponse(url, null, null, DEADLINE, r -> r.statusCode() == 401);
        String password = Files.readString(Path.of(context.getProperty(DistributionOptions.DATA_PROPERTY), "initial-admin-password")).trim();
        HttpResponse<String> metrics = Http.get(url, "admin", password);
        assertEquals(200, metrics.statusCode());
        assertTrue(metrics.headers().firstValue("Content-Type").orElse("").startsWith("text/plain; version=0.0.4"));
        String body = metrics.body();
        assertTrue(body, body.contains("hsmgate_connection_state{connection=\"ops connection\",id=\"" + id + "\",state=\"RUNNING\"} 1"));
        assertTrue(body, body.matches("(?s).*hsmgate_sign_total\\{connection=\"ops connection\",id=\"" + id + "\"} [1-9].*"));
        assertTrue(body, body.contains("hsmgate_sign_duration_seconds_bucket{connection=\"ops connection\",id=\"" + id + "\",le=\"+Inf\"}"));
        assertTrue(body, body.contains("hsmgate_pool_sessions_open{connection=\"ops connection\""));
    }

    @Test
    public void gogoCommandsListTestAndDiscover() throws Exception {
        runningConnection();
        String list = gogo("hsm:list");
        assertTrue(list, list.contains("ops connection") && list.contains("RUNNING"));
        String status = gogo("hsm:status 'ops connection'");
        assertTrue(status, status.contains("state:   RUNNING") && status.contains("vendor:  softhsm"));
        String test = gogo("hsm:test 'ops connection'");
        assertTrue(test, test.endsWith("PASSED"));
        String tokens = gogo("hsm:tokens " + library());
        assertTrue(tokens, tokens.contains("label '" + TOKEN + "'"));
        String preview = gogo("hsm:preview");
        assertTrue(preview, preview.contains("the candidate matches the running configuration") || preview.contains("'"));
    }

    // ---- support ----

    private UUID runningConnection() throws Exception {
        ConfigurationService configuration = service(ConfigurationService.class);
        if (connectionId == null) {
            connectionId = configuration.createConnection(input("ops connection", "1234", null), ACTOR).id();
            configuration.push(ACTOR);
        }
        awaitConnection(connectionId, o -> o.status().state() == ConnectionState.RUNNING, "running");
        return connectionId;
    }

    private HsmConnectionInput input(String name, String pin, String vendor) {
        return new HsmConnectionInput(name, "runtime operations", library(), null, TOKEN, null, true, pin.toCharArray(),
                UserType.USER, 4, 10, vendor);
    }

    private String library() {
        return context.getProperty("hsmgate.itest.library");
    }

    private static CredentialCheck check(ValidationReport report, String name) {
        return report.credentials().stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no check for " + name + " in " + report));
    }

    private String gogo(String command) throws Exception {
        CommandProcessor processor = service(CommandProcessor.class);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        CommandSession session = processor.createSession(new ByteArrayInputStream(new byte[0]), print, print);
        try {
            Object result = session.execute(command);
            return String.valueOf(result).strip();
        } finally {
            session.close();
        }
    }
}
