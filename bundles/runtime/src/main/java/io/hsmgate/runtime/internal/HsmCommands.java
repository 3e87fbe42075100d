package io.hsmgate.runtime.internal;

import io.hsmgate.model.Actor;
import io.hsmgate.model.ConfigurationException;
import io.hsmgate.model.ConfigurationService;
import io.hsmgate.model.HsmConnection;
import io.hsmgate.model.ItemChange;
import io.hsmgate.model.Preview;
import io.hsmgate.model.RunningRevision;
import io.hsmgate.pkcs11.HsmException;
import io.hsmgate.pkcs11.SlotDescription;
import io.hsmgate.runtime.ConnectionOverview;
import io.hsmgate.runtime.CredentialCheck;
import io.hsmgate.runtime.HsmConnectionRuntime;
import io.hsmgate.runtime.TestReport;
import io.hsmgate.runtime.TestStep;
import io.hsmgate.runtime.ValidationReport;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Gogo commands in scope {@code hsm}. Connections are named by name or id. Output is plain text meant for
 * an operator at a terminal; PINs never appear.
 */
@Component(service = HsmCommands.class, property = {
        "osgi.command.scope=hsm",
        "osgi.command.function=list", "osgi.command.function=status", "osgi.command.function=start",
        "osgi.command.function=stop", "osgi.command.function=restart", "osgi.command.function=test",
        "osgi.command.function=validate", "osgi.command.function=tokens", "osgi.command.function=preview",
        "osgi.command.function=push"
})
public final class HsmCommands {

    private static final Actor SHELL = Actor.of("gogo shell");

    private final HsmConnectionRuntime runtime;
    private final ConfigurationService configuration;

    @Activate
    public HsmCommands(@Reference HsmConnectionRuntime runtime, @Reference ConfigurationService configuration) {
        this.runtime = runtime;
        this.configuration = configuration;
    }

    public String list() {
        List<ConnectionOverview> all = runtime.connections();
        if (all.isEmpty()) {
            return "no HSM connections in the running configuration (push to apply the candidate)";
        }
        return all.stream().map(o -> String.format("%-36s  %-24s  %-19s  %s", o.id(), o.name(), o.status().state(),
                o.status().reason())).collect(Collectors.joining("\n"));
    }

    public String status(String connection) throws ConfigurationException {
        ConnectionOverview o = runtime.connection(resolve(connection))
                .orElseThrow(() -> new IllegalArgumentException("not in the running configuration: " + connection));
        StringBuilder out = new StringBuilder();
        out.append(o.name()).append(" (").append(o.id()).append(")\n");
        out.append("  state:   ").append(o.status().state()).append(" since ").append(o.status().since()).append('\n');
        out.append("  reason:  ").append(o.status().reason()).append('\n');
        o.status().nextRetry().ifPresent(r -> out.append("  retry:   ").append(r).append('\n'));
        out.append("  desired: ").append(o.desiredStarted() ? "started" : "stopped")
                .append(o.restartPending() ? " (restart pending)" : "").append('\n');
        o.vendor().ifPresent(v -> out.append("  vendor:  ").append(v).append('\n'));
        o.pool().ifPresent(p -> out.append("  pool:    ").append(p.open()).append(" open, ").append(p.inUse())
                .append(" in use, ").append(p.idle()).append(" idle, limit ").append(p.limit()).append(", ")
                .append(p.waiters()).append(" waiting, ").append(p.timeouts()).append(" timeouts\n"));
        out.append("  signed:  ").append(o.signatures()).append(" (").append(o.signErrors()).append(" errors)");
        return out.toString();
    }

    public String start(String connection) throws ConfigurationException {
        runtime.start(resolve(connection), SHELL);
        return "starting " + connection;
    }

    public String stop(String connection) throws ConfigurationException {
        runtime.stop(resolve(connection), SHELL);
        return "stopping " + connection;
    }

    public String restart(String connection) throws ConfigurationException {
        runtime.restart(resolve(connection), SHELL);
        return "restarting " + connection;
    }

    public String test(String connection) throws ConfigurationException {
        TestReport report = runtime.test(resolveCandidate(connection), SHELL);
        return report.steps().stream().map(HsmCommands::line).collect(Collectors.joining("\n"))
                + "\n" + (report.ok() ? "PASSED" : "FAILED");
    }

    public String validate(String connection) throws ConfigurationException {
        ValidationReport report = runtime.validate(resolve(connection), SHELL);
        StringBuilder out = new StringBuilder();
        report.warnings().forEach(w -> out.append("warning: ").append(w).append('\n'));
        for (CredentialCheck c : report.credentials()) {
            out.append(c.ok() ? "OK    " : "FAIL  ").append(c.type()).append(" '").append(c.name()).append("'");
            if (c.keyType() != null) {
                out.append(" (").append(c.keyType()).append(' ').append(c.keySize()).append(")");
            }
            out.append('\n');
            c.problems().forEach(p -> out.append("      problem: ").append(p).append('\n'));
            c.warnings().forEach(w -> out.append("      warning: ").append(w).append('\n'));
        }
        return out.append(report.ok() ? "VALID" : "INVALID").toString();
    }

    public String tokens(String libraryPath) throws HsmException {
        List<SlotDescription> slots = runtime.tokens(libraryPath);
        return slots.stream().map(s -> s.token() == null
                ? String.format("slot %d: %s (no token)", s.slotId(), s.description().strip())
                : String.format("slot %d: label '%s', serial %s, model %s, flags 0x%x", s.slotId(),
                        s.token().label().strip(), s.token().serial().strip(), s.token().model().strip(), s.token().flags()))
                .collect(Collectors.joining("\n"));
    }

    public String preview() throws ConfigurationException {
        Preview preview = configuration.preview();
        if (preview.changes().isEmpty()) {
            return "the candidate matches the running configuration";
        }
        StringBuilder out = new StringBuilder();
        for (ItemChange change : preview.changes()) {
            out.append(change.change()).append(' ').append(change.type().label()).append(" '").append(change.name()).append("'");
            if (!change.fields().isEmpty()) {
                out.append(": ").append(change.fields().stream().map(f -> f.field()).collect(Collectors.joining(", ")));
            }
            out.append('\n');
        }
        return out.toString().stripTrailing();
    }

    public String push() throws ConfigurationException {
        RunningRevision revision = configuration.push(SHELL);
        return "running revision " + revision.number();
    }

    private static String line(TestStep step) {
        return String.format("%s %-34s %5d ms  %s", step.ok() ? "ok  " : "FAIL", step.name(), step.millis(), step.detail());
    }

    private UUID resolve(String nameOrId) {
        RunningRevision running = configuration.running();
        return parse(nameOrId).filter(id -> running.connection(id).isPresent())
                .or(() -> running.connectionNamed(nameOrId).map(HsmConnection::id))
                .orElseThrow(() -> new IllegalArgumentException("no HSM connection '" + nameOrId + "' in the running configuration"));
    }

    private UUID resolveCandidate(String nameOrId) {
        return parse(nameOrId).filter(id -> configuration.connection(id).isPresent())
                .or(() -> configuration.connections().stream().filter(c -> c.name().equalsIgnoreCase(nameOrId))
                        .map(HsmConnection::id).findFirst())
                .orElseThrow(() -> new IllegalArgumentException("no HSM connection '" + nameOrId + "'"));
    }

    private static Optional<UUID> parse(String text) {
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
