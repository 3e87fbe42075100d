package io.hsmgate.runtime.internal;

import io.hsmgate.model.ConfigurationException;
import io.hsmgate.model.HsmConnection;
import io.hsmgate.model.HsmConnectionInput;
import io.hsmgate.model.UserType;
import io.hsmgate.pkcs11.HsmException;
import io.hsmgate.pkcs11.LibraryInfo;
import io.hsmgate.pkcs11.LoginSpec;
import io.hsmgate.pkcs11.PinSource;
import io.hsmgate.pkcs11.Pkcs11Library;
import io.hsmgate.pkcs11.PoolSettings;
import io.hsmgate.pkcs11.TokenConnection;
import io.hsmgate.pkcs11.TokenDescription;
import io.hsmgate.pkcs11.TokenSelector;
import io.hsmgate.pkcs11.spi.VendorAdapter;
import io.hsmgate.runtime.TestReport;
import io.hsmgate.runtime.TestStep;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Tests a connection the way an operator debugs one: library path allowed, library loads, C_GetInfo,
 * token found, login, a session opened and closed, random bytes generated. Stops at the first failing step,
 * whose detail says what to fix. Uses a private one-session pool, so a test never disturbs running traffic.
 */
final class ConnectionTester {

    private static final Duration TEST_BORROW_TIMEOUT = Duration.ofSeconds(10);
    static final String NOT_VERIFIED = "the token is already logged in by another connection of this hsmgate process; "
            + "PKCS#11 keeps one login per token and process, so this PIN was not checked (stop the other connections "
            + "to this token to verify it)";

    /** What a test needs, whether the values are saved or come from a form. */
    private record Target(String libraryPath, TokenSelector selector, boolean authenticate, UserType userType,
                          PinSource pin, String vendor) {
    }

    /** Runs a named step and records it; a failure ends the test. */
    private static final class Steps {
        private final List<TestStep> steps = new ArrayList<>();

        interface Step<T> {
            T run() throws Exception;
        }

        interface Detail<T> {
            String of(T result);
        }

        <T> T run(String name, Step<T> step, Detail<T> detail) throws StepFailed {
            long start = System.nanoTime();
            try {
                T result = step.run();
                steps.add(new TestStep(name, true, elapsed(start), detail.of(result)));
                return result;
            } catch (Exception e) {
                steps.add(new TestStep(name, false, elapsed(start), String.valueOf(e.getMessage())));
                throw new StepFailed();
            }
        }

        TestReport report(boolean ok) {
            return new TestReport(ok, steps);
        }

        private static long elapsed(long start) {
            return (System.nanoTime() - start) / 1_000_000;
        }
    }

    private static final class StepFailed extends Exception {
        private static final long serialVersionUID = 1L;
    }

    private final RuntimeContext context;

    ConnectionTester(RuntimeContext context) {
        this.context = context;
    }

    TestReport testSaved(HsmConnection saved) {
        PinSource pin = () -> {
            try {
                return context.configuration().candidatePin(saved.id());
            } catch (ConfigurationException e) {
                throw new io.hsmgate.pkcs11.HsmAuthenticationException("the stored PIN cannot be read: " + e.getMessage(),
                        io.hsmgate.pkcs11.HsmAuthenticationException.Reason.PIN_MISSING, e);
            }
        };
        return run(new Target(saved.libraryPath(), ConnectionSettings.selector(saved), saved.authenticate(),
                saved.userType(), pin, saved.vendor()));
    }

    TestReport testUnsaved(HsmConnectionInput values) {
        Steps steps = new Steps();
        Target target;
        try {
            target = steps.run("settings", () -> {
                validate(values);
                return targetOf(values);
            }, t -> "complete");
        } catch (StepFailed e) {
            return steps.report(false);
        }
        return run(target, steps);
    }

    private TestReport run(Target target) {
        return run(target, new Steps());
    }

    private TestReport run(Target t, Steps steps) {
        GenerationFactory factory = new GenerationFactory(context);
        try {
            Path library = steps.run("library path allowed", () -> context.policy().pathPolicy().check(t.libraryPath()),
                    p -> p.toString());
            VendorAdapter adapter = steps.run("vendor adapter", () -> adapterFor(t, library, factory),
                    a -> context.adapters().ids().contains(context.adapters().idOf(a))
                            ? "using the " + context.adapters().idOf(a) + " adapter" : "no adapter claims it: generic profile");
            try (Pkcs11Library loaded = steps.run("library loaded", () -> context.libraries().acquire(library, adapter),
                    l -> "loaded " + library.getFileName())) {
                steps.run("library information (C_GetInfo)", loaded::info, ConnectionTester::describe);
                TokenDescription token = steps.run("token found", () -> loaded.resolve(t.selector()), ConnectionTester::describe);
                LoginSpec login = !t.authenticate() ? LoginSpec.none()
                        : new LoginSpec(LoginSpec.Mode.PIN, t.userType() == UserType.SO ? ConnectionSettings.CKU_SO : LoginSpec.CKU_USER, t.pin());
                try (TokenConnection connection = steps.run(t.authenticate() ? "login" : "open token (no login)",
                        () -> loaded.connect(t.selector(), login, PoolSettings.of(1, TEST_BORROW_TIMEOUT)),
                        c -> !t.authenticate() ? "no login requested"
                                : c.pinVerified() ? "logged in as " + (t.userType() == UserType.SO ? "security officer" : "normal user")
                                : NOT_VERIFIED)) {
                    steps.run("session opened and closed", () -> connection.withSession(s -> s.handle()),
                            h -> "session handle " + h);
                    steps.run("random bytes generated", () -> connection.withSession(s -> s.generateRandom(16)),
                            bytes -> bytes.length + " random bytes from the token");
                }
            }
            return steps.report(true);
        } catch (StepFailed e) {
            return steps.report(false);
        } catch (RuntimeException e) {
            return steps.report(false);
        }
    }

    private VendorAdapter adapterFor(Target t, Path library, GenerationFactory factory) throws HsmException {
        if (t.vendor() != null) {
            return context.adapters().byId(t.vendor()).orElseThrow(() -> new io.hsmgate.pkcs11.HsmConfigurationException(
                    "vendor adapter '" + t.vendor() + "' is not deployed; deployed: " + context.adapters().ids()));
        }
        return context.adapters().byFileName(library).orElseGet(factory::genericAdapter);
    }

    /** The model's rules, so a test never runs values a save would refuse; the message lists every problem. */
    private void validate(HsmConnectionInput values) throws io.hsmgate.pkcs11.HsmConfigurationException {
        try {
            context.configuration().validateConnection(values, false);
        } catch (io.hsmgate.model.ValidationException e) {
            throw new io.hsmgate.pkcs11.HsmConfigurationException(e.errors().stream()
                    .map(f -> f.field() + ": " + f.message()).collect(java.util.stream.Collectors.joining("; ")));
        }
    }

    private static Target targetOf(HsmConnectionInput v) throws io.hsmgate.pkcs11.HsmConfigurationException {
        List<String> given = new ArrayList<>();
        if (v.tokenSerialNumber() != null && !v.tokenSerialNumber().isBlank()) {
            given.add("token serial number");
        }
        if (v.tokenLabel() != null && !v.tokenLabel().isBlank()) {
            given.add("token label");
        }
        if (v.slotNumber() != null) {
            given.add("slot number");
        }
        if (given.size() != 1) {
            throw new io.hsmgate.pkcs11.HsmConfigurationException("give exactly one of token serial number, token label, slot number; got "
                    + (given.isEmpty() ? "none" : String.join(" and ", given)));
        }
        if (v.libraryPath() == null || v.libraryPath().isBlank()) {
            throw new io.hsmgate.pkcs11.HsmConfigurationException("libraryPath: give the PKCS#11 library path");
        }
        boolean authenticate = v.authenticate() == null || v.authenticate();
        if (authenticate && (v.pin() == null || v.pin().length == 0)) {
            throw new io.hsmgate.pkcs11.HsmConfigurationException("pin: give the security PIN, or turn off authentication");
        }
        TokenSelector selector = v.tokenSerialNumber() != null && !v.tokenSerialNumber().isBlank() ? TokenSelector.bySerial(v.tokenSerialNumber())
                : v.tokenLabel() != null && !v.tokenLabel().isBlank() ? TokenSelector.byLabel(v.tokenLabel())
                : TokenSelector.bySlot(v.slotNumber());
        char[] pin = v.pin();
        PinSource source = () -> pin == null ? new char[0] : Arrays.copyOf(pin, pin.length);
        return new Target(v.libraryPath(), selector, authenticate, v.userType() == null ? UserType.USER : v.userType(),
                source, v.vendor() == null || v.vendor().isBlank() ? null : v.vendor());
    }

    private static String describe(LibraryInfo info) {
        return "cryptoki " + info.cryptokiVersion() + ", " + info.manufacturer().strip() + " " + info.description().strip()
                + ", library version " + info.libraryVersion();
    }

    private static String describe(TokenDescription token) {
        return "slot " + token.slotId() + ": label '" + token.label().strip() + "', serial " + token.serial().strip()
                + ", model " + token.model().strip() + ", flags 0x" + Long.toHexString(token.flags());
    }
}
