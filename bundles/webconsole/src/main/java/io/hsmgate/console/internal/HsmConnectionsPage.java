package io.hsmgate.console.internal;

import io.hsmgate.model.Actor;
import io.hsmgate.model.ConfigurationException;
import io.hsmgate.model.ConfigurationService;
import io.hsmgate.model.ConflictException;
import io.hsmgate.model.HsmConnection;
import io.hsmgate.model.HsmConnectionInput;
import io.hsmgate.model.ReferencedException;
import io.hsmgate.model.ValidationException;
import io.hsmgate.pkcs11.HsmException;
import io.hsmgate.pkcs11.SlotDescription;
import io.hsmgate.runtime.HsmConnectionRuntime;
import io.hsmgate.runtime.TestReport;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.felix.webconsole.servlet.ServletConstants;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Authentication &gt; HSM: the HSM connections (list, details, add, edit, delete), testing unsaved form values,
 * token discovery, and at the bottom the hsmgate version and bundle states.
 */
@Component(service = Servlet.class, property = {
        ServletConstants.PLUGIN_LABEL + "=" + ItemLinks.HSM,
        ServletConstants.PLUGIN_TITLE + "=HSM",
        ServletConstants.PLUGIN_CATEGORY + "=Authentication"
})
public final class HsmConnectionsPage extends ConsolePage {

    private static final long serialVersionUID = 1L;
    private static final String FORM_VIEW = "hsmgate.hsm.form";
    private static final String DETAILS_VIEW = "hsmgate.hsm.details";
    private static final String DELETE_VIEW = "hsmgate.hsm.delete";

    /** A form to render again after a POST: with errors, a test report or discovered tokens. */
    private record FormView(FormState state, UUID id, Long version, boolean pinStored, String extraHtml) {
    }

    /** A details view after a POST, with the saved connection's test report. */
    private record DetailsView(UUID id, String extraHtml) {
    }

    /** A refused delete: the confirmation again, with why. */
    private record DeleteView(UUID id, String problemHtml) {
    }

    private final transient BundleContext context;
    private final transient ConfigurationService configuration;
    private final transient HsmConnectionRuntime runtime;

    @Activate
    public HsmConnectionsPage(BundleContext context, @Reference CsrfTokens csrf,
            @Reference ConfigurationService configuration, @Reference HsmConnectionRuntime runtime) {
        super(csrf);
        this.context = context;
        this.configuration = configuration;
        this.runtime = runtime;
    }

    @Override
    String label() {
        return ItemLinks.HSM;
    }

    @Override
    Map<String, String> doneMessages() {
        return Map.of("saved", "The HSM connection was saved to the candidate configuration. Push it on"
                + " Monitoring > Status to make it run.", "deleted", "The HSM connection was deleted from the candidate configuration.");
    }

    // ---- POST ----

    @Override
    void handlePost(HttpServletRequest request, HttpServletResponse response, Actor actor) throws IOException {
        String action = Optional.ofNullable(request.getParameter("action")).orElse("");
        FormState state = HsmConnectionForm.read(request::getParameter);
        UUID id = parseId(request.getParameter("id"));
        Long version = parseVersion(request.getParameter("version"));
        if (action.equals("save")) {
            save(request, response, actor, state, id, version);
        } else if (action.equals("test")) {
            test(request, actor, state, id, version);
        } else if (action.equals("discover")) {
            discover(request, state, id, version);
        } else if (action.startsWith(TokenTable.USE_TOKEN)) {
            state.put("tokenSerialNumber", action.substring(TokenTable.USE_TOKEN.length()));
            request.setAttribute(FORM_VIEW, new FormView(withoutTokenAlternatives(state), id, version, pinStored(id), ""));
        } else if (action.equals("test-saved") && id != null) {
            testSaved(request, actor, id);
        } else if (action.equals("delete") && id != null) {
            delete(request, response, actor, id, version);
        } else {
            notice(request, "error", "Unknown action; nothing was changed.");
        }
    }

    private void save(HttpServletRequest request, HttpServletResponse response, Actor actor, FormState state, UUID id,
            Long version) throws IOException {
        char[] pin = HsmConnectionForm.pin(request.getParameter("pin"));
        try {
            HsmConnectionInput input = HsmConnectionForm.input(state, pin);
            if (!state.hasErrors()) {
                HsmConnection saved = id == null ? configuration.createConnection(input, actor)
                        : configuration.updateConnection(id, version == null ? -1 : version, input, actor);
                redirect(request, response, "id=" + saved.id() + "&done=saved");
                return;
            }
        } catch (ValidationException e) {
            state.errors(e.errors(), HsmConnectionForm.FIELDS);
        } catch (ConflictException e) {
            state.error("name".equals(e.field()) ? "name" : FormState.GENERAL, e.getMessage());
            refusedForm(request, HttpServletResponse.SC_CONFLICT);
        } catch (ConfigurationException e) {
            state.error(FormState.GENERAL, e.getMessage());
        } finally {
            clear(pin);
        }
        refusedForm(request, HttpServletResponse.SC_BAD_REQUEST);
        request.setAttribute(FORM_VIEW, new FormView(state, id, version, pinStored(id), ""));
    }

    private void test(HttpServletRequest request, Actor actor, FormState state, UUID id, Long version) {
        char[] pin = HsmConnectionForm.pin(request.getParameter("pin"));
        try {
            if (pin == null && id != null && state.asBoolean("authenticate") && pinStored(id)) {
                pin = configuration.candidatePin(id); // blank on edit means "the stored PIN": test with it
            }
            HsmConnectionInput input = HsmConnectionForm.input(state, pin);
            TestReport report = runtime.test(input, actor);
            request.setAttribute(FORM_VIEW, new FormView(state, id, version, pinStored(id),
                    ReportViews.testReport("Test of the form's values", report)));
        } catch (ConfigurationException e) {
            state.error(FormState.GENERAL, e.getMessage());
            request.setAttribute(FORM_VIEW, new FormView(state, id, version, pinStored(id), ""));
        } finally {
            clear(pin);
        }
    }

    private void discover(HttpServletRequest request, FormState state, UUID id, Long version) {
        String library = state.asString("libraryPath");
        String extra = "";
        if (library == null) {
            state.error("libraryPath", "enter the library path to discover its tokens");
        } else {
            try {
                List<SlotDescription> slots = runtime.tokens(library);
                extra = TokenTable.render(library, slots);
            } catch (HsmException e) {
                state.error("libraryPath", e.getMessage());
            }
        }
        request.setAttribute(FORM_VIEW, new FormView(state, id, version, pinStored(id), extra));
    }

    private void testSaved(HttpServletRequest request, Actor actor, UUID id) {
        try {
            TestReport report = runtime.test(id, actor);
            request.setAttribute(DETAILS_VIEW, new DetailsView(id, ReportViews.testReport("Test of the saved connection", report)));
        } catch (ConfigurationException e) {
            notice(request, "error", e.getMessage());
        }
    }

    private void delete(HttpServletRequest request, HttpServletResponse response, Actor actor, UUID id, Long version)
            throws IOException {
        try {
            configuration.deleteConnection(id, version == null ? -1 : version, actor);
            redirect(request, response, "done=deleted");
        } catch (ReferencedException e) {
            request.setAttribute(DELETE_VIEW, new DeleteView(id, "<div class=\"hsmgate-notice hsmgate-notice-error\""
                    + " id=\"delete-refused\">The HSM connection is still used by the items below; change or delete"
                    + " them first." + ItemLinks.referrers(appRoot(request), e.referrers()) + "</div>"));
        } catch (ConfigurationException e) {
            request.setAttribute(DELETE_VIEW, new DeleteView(id, Html.notice("error", e.getMessage())));
        }
    }

    // ---- GET (and the page after a POST that did not redirect) ----

    @Override
    void render(HttpServletRequest request, PrintWriter out) {
        String page = pageUrl(request);
        if (request.getAttribute(FORM_VIEW) instanceof FormView view) {
            out.println(form(request, view));
        } else if (request.getAttribute(DETAILS_VIEW) instanceof DetailsView view) {
            details(request, out, view.id(), view.extraHtml());
        } else if (request.getAttribute(DELETE_VIEW) instanceof DeleteView view) {
            deleteConfirmation(request, out, view.id(), view.problemHtml());
        } else if (request.getParameter("add") != null) {
            out.println(form(request, new FormView(HsmConnectionForm.defaults(), null, null, false, "")));
        } else if (parseId(request.getParameter("edit")) != null) {
            UUID id = parseId(request.getParameter("edit"));
            Optional<HsmConnection> c = configuration.connection(id);
            out.println(c.map(conn -> form(request, new FormView(HsmConnectionForm.of(conn), id, conn.version(),
                    conn.pinSet(), ""))).orElse(Html.notice("error", "There is no HSM connection with id " + id + ".")));
        } else if (parseId(request.getParameter("delete")) != null) {
            deleteConfirmation(request, out, parseId(request.getParameter("delete")), "");
        } else if (parseId(request.getParameter("id")) != null) {
            details(request, out, parseId(request.getParameter("id")), "");
        } else {
            out.println(HsmConnectionViews.list(page, configuration.connections(), runtime));
            out.println(BundleStatesView.render(context));
        }
    }

    private String form(HttpServletRequest request, FormView view) {
        boolean editing = view.id() != null;
        String title = editing ? "Edit HSM Connection" : "Add HSM Connection";
        return "<h2>" + title + "</h2>" + formStart(request, null, "connection-form", null)
                + (editing ? "<input type=\"hidden\" name=\"id\" value=\"" + Html.attr(view.id()) + "\">"
                        + "<input type=\"hidden\" name=\"version\" value=\"" + Html.attr(view.version()) + "\">" : "")
                + HsmConnectionForm.rows(view.state(), editing, view.pinStored())
                + "<p class=\"hsmgate-buttons\"><button type=\"submit\" name=\"action\" value=\"save\" class=\"ui-button\""
                + " id=\"save-connection\" data-progress=\"Saving\u2026\">Save</button> "
                + "<button type=\"submit\" name=\"action\" value=\"test\" class=\"ui-button\" id=\"test-connection\""
                + " formnovalidate data-progress=\"Testing\u2026\">Test connection</button> "
                + "<a href=\"" + Html.attr(pageUrl(request) + (editing ? "?id=" + view.id() : "")) + "\">Cancel</a></p>"
                + view.extraHtml() + "</form>";
    }

    private void details(HttpServletRequest request, PrintWriter out, UUID id, String extraHtml) {
        Optional<HsmConnection> found = configuration.connection(id);
        if (found.isEmpty()) {
            out.println(Html.notice("error", "There is no HSM connection with id " + id + "."));
            return;
        }
        HsmConnection c = found.get();
        String page = pageUrl(request);
        out.println(HsmConnectionViews.details(c, runtime.connection(id)));
        out.println("<div class=\"hsmgate-buttons\"><a class=\"ui-button\" id=\"edit-connection\" href=\""
                + Html.attr(page + "?edit=" + id) + "\">Edit</a> <a class=\"ui-button\" id=\"delete-connection\" href=\""
                + Html.attr(page + "?delete=" + id) + "\">Delete</a> "
                + buttonForm(request, "test-saved", "id", id, "Test connection", "test-saved-connection", "Testing\u2026")
                + " <a href=\"" + Html.attr(page) + "\">All HSM connections</a></div>");
        out.println(extraHtml);
    }

    private void deleteConfirmation(HttpServletRequest request, PrintWriter out, UUID id, String problemHtml) {
        Optional<HsmConnection> found = configuration.connection(id);
        if (found.isEmpty()) {
            out.println(Html.notice("error", "There is no HSM connection with id " + id + "."));
            return;
        }
        HsmConnection c = found.get();
        out.println("<h2>Delete HSM Connection " + Html.text(c.name()) + "?</h2>" + problemHtml
                + "<p>This removes it from the candidate configuration; it stops running at the next push.</p>"
                + formStart(request, "delete", "delete-form", null)
                + "<input type=\"hidden\" name=\"id\" value=\"" + Html.attr(id) + "\">"
                + "<input type=\"hidden\" name=\"version\" value=\"" + Html.attr(c.version()) + "\">"
                + "<button type=\"submit\" class=\"ui-button\" id=\"confirm-delete\">Delete</button> <a href=\""
                + Html.attr(pageUrl(request) + "?id=" + id) + "\" id=\"cancel-delete\">Cancel</a></form>");
    }

    // ---- helpers ----

    private boolean pinStored(UUID id) {
        return id != null && configuration.connection(id).map(HsmConnection::pinSet).orElse(false);
    }

    private static FormState withoutTokenAlternatives(FormState state) {
        FormState copy = new FormState();
        for (String field : HsmConnectionForm.FIELDS) {
            if (!field.equals("tokenLabel") && !field.equals("slotNumber")) {
                copy.put(field, state.value(field));
            }
        }
        return copy;
    }

}
