package io.hsmgate.console.internal;

import io.hsmgate.model.Actor;
import io.hsmgate.model.ConfigurationException;
import io.hsmgate.model.ConfigurationService;
import io.hsmgate.model.FieldError;
import io.hsmgate.model.StorageException;
import io.hsmgate.model.ValidationException;
import io.hsmgate.runtime.ConnectionOverview;
import io.hsmgate.runtime.HsmConnectionRuntime;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.felix.webconsole.servlet.ServletConstants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Monitoring &gt; Status: a Configuration tab (the candidate against the running revision, Push Configuration
 * with the option to restart affected connections) and an HSM Connection tab (each running connection's state,
 * pool and sign metrics; test, validate credentials, stop, start).
 */
@Component(service = Servlet.class, property = {
        ServletConstants.PLUGIN_LABEL + "=" + ItemLinks.STATUS,
        ServletConstants.PLUGIN_TITLE + "=Status",
        ServletConstants.PLUGIN_CATEGORY + "=Monitoring"
})
public final class StatusPage extends ConsolePage {

    private static final long serialVersionUID = 1L;
    private static final String CONFIGURATION_TAB = "configuration";
    private static final String CONNECTIONS_TAB = "connections";
    /** Request attribute: a report to show under one connection after a test or validation. */
    private static final String RESULT = "hsmgate.status.result";

    private record ConnectionResult(UUID id, String html) {
    }

    private final transient ConfigurationService configuration;
    private final transient HsmConnectionRuntime runtime;

    @Activate
    public StatusPage(@Reference CsrfTokens csrf, @Reference ConfigurationService configuration,
            @Reference HsmConnectionRuntime runtime) {
        super(csrf);
        this.configuration = configuration;
        this.runtime = runtime;
    }

    @Override
    String label() {
        return ItemLinks.STATUS;
    }

    @Override
    Map<String, String> doneMessages() {
        return Map.of("pushed", "The candidate configuration was pushed.",
                "pushed-restarted", "The candidate configuration was pushed and the affected connections restarted.",
                "started", "The HSM connection is starting.",
                "stopped", "The HSM connection was stopped.");
    }

    @Override
    void handlePost(HttpServletRequest request, HttpServletResponse response, Actor actor) throws IOException {
        String action = Optional.ofNullable(request.getParameter("action")).orElse("");
        UUID id = parseId(request.getParameter("id"));
        try {
            switch (action) {
                case "push" -> {
                    configuration.push(actor);
                    boolean restart = "true".equals(request.getParameter("restartAffected"));
                    if (restart) {
                        runtime.restartPending(actor);
                    }
                    redirect(request, response, "tab=" + CONFIGURATION_TAB + "&done=" + (restart ? "pushed-restarted" : "pushed"));
                }
                case "start" -> {
                    runtime.start(requireId(id), actor);
                    redirect(request, response, "tab=" + CONNECTIONS_TAB + "&done=started");
                }
                case "stop" -> {
                    runtime.stop(requireId(id), actor);
                    redirect(request, response, "tab=" + CONNECTIONS_TAB + "&done=stopped");
                }
                case "test" -> request.setAttribute(RESULT, new ConnectionResult(id,
                        ReportViews.testReport("Test", runtime.test(requireId(id), actor))));
                case "validate" -> {
                    String name = runtime.connection(requireId(id)).map(ConnectionOverview::name).orElse(String.valueOf(id));
                    request.setAttribute(RESULT, new ConnectionResult(id,
                            ReportViews.validationReport(name, runtime.validate(id, actor))));
                }
                default -> notice(request, "error", "Unknown action; nothing was changed.");
            }
        } catch (ValidationException e) {
            notice(request, "error", "The candidate configuration cannot be pushed: " + e.errors().stream()
                    .map(FieldError::message).collect(Collectors.joining("; ")));
        } catch (ConfigurationException e) {
            notice(request, "error", e.getMessage());
        }
    }

    private static UUID requireId(UUID id) throws ConfigurationException {
        if (id == null) {
            throw new ConfigurationException("The request names no HSM connection.");
        }
        return id;
    }

    @Override
    void render(HttpServletRequest request, PrintWriter out) {
        String tab = request.getAttribute(RESULT) != null || CONNECTIONS_TAB.equals(request.getParameter("tab"))
                || List.of("start", "stop", "test", "validate").contains(String.valueOf(request.getParameter("action")))
                ? CONNECTIONS_TAB : CONFIGURATION_TAB;
        String page = pageUrl(request);
        out.println("<h2>Status</h2><nav class=\"hsmgate-tabs\">"
                + tabLink(page, CONFIGURATION_TAB, "Configuration", tab) + tabLink(page, CONNECTIONS_TAB, "HSM Connection", tab)
                + "</nav>");
        if (tab.equals(CONFIGURATION_TAB)) {
            configurationTab(request, out);
        } else {
            connectionsTab(request, out);
        }
    }

    private static String tabLink(String page, String tab, String title, String active) {
        return "<a href=\"" + Html.attr(page + "?tab=" + tab) + "\" id=\"tab-" + tab + "\""
                + (tab.equals(active) ? " class=\"hsmgate-tab-active\"" : "") + ">" + Html.text(title) + "</a>";
    }

    private void configurationTab(HttpServletRequest request, PrintWriter out) {
        out.println(StatusViews.revision(configuration.running()));
        try {
            out.println(StatusViews.preview(configuration.preview()));
        } catch (StorageException e) {
            out.println(Html.notice("error", "The preview cannot be computed: " + e.getMessage()));
        }
        out.println(formStart(request, "push", "push-form", "Pushing\u2026")
                + "<p><label><input type=\"checkbox\" name=\"restartAffected\" value=\"true\" id=\"field-restartAffected\">"
                + " Restart affected connections</label></p><button type=\"submit\" class=\"ui-button\""
                + " id=\"push-configuration\">Push Configuration</button></form>");
    }

    private void connectionsTab(HttpServletRequest request, PrintWriter out) {
        List<ConnectionOverview> connections = runtime.connections();
        if (connections.isEmpty()) {
            out.println("<p id=\"no-running-connections\">No HSM connection has been pushed yet.</p>");
            return;
        }
        ConnectionResult result = request.getAttribute(RESULT) instanceof ConnectionResult r ? r : null;
        for (ConnectionOverview o : connections) {
            out.println("<section class=\"hsmgate-connection\" id=\"status-" + Html.attr(o.id()) + "\" data-name=\""
                    + Html.attr(o.name()) + "\">");
            out.println(StatusViews.connection(o));
            out.println("<div class=\"hsmgate-buttons\">"
                    + buttonForm(request, "test", "id", o.id(), "Test HSM Connection", "test-" + o.id(), "Testing\u2026") + " "
                    + buttonForm(request, "validate", "id", o.id(), "Validate Credentials", "validate-" + o.id(), "Validating\u2026") + " "
                    + buttonForm(request, "stop", "id", o.id(), "Stop HSM Connection", "stop-" + o.id(), "Stopping\u2026") + " "
                    + buttonForm(request, "start", "id", o.id(), "Start HSM Connection", "start-" + o.id(), "Starting\u2026")
                    + "</div>");
            if (result != null && o.id().equals(result.id())) {
                out.println(result.html());
            }
            out.println("</section>");
        }
    }
}
