package io.hsmgate.console.internal;

import io.hsmgate.model.Actor;
import io.hsmgate.model.ConfigurationException;
import io.hsmgate.model.ConflictException;
import io.hsmgate.model.FieldError;
import io.hsmgate.model.ReferencedException;
import io.hsmgate.model.ValidationException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * A console page for one kind of configuration item (private keys, TLS certificates, proxy servers): the list,
 * a details view, the add/edit form with the model's errors next to the fields, and delete with a confirmation
 * step that lists the referrers when the model refuses. Subclasses say how their item reads, shows and saves.
 */
abstract class ItemPage<T> extends ConsolePage {

    private static final long serialVersionUID = 1L;
    private static final String FORM_VIEW = "hsmgate.item.form";
    private static final String DELETE_VIEW = "hsmgate.item.delete";

    private record FormView(FormState state, UUID id, Long version) {
    }

    private record DeleteView(UUID id, String problemHtml) {
    }

    ItemPage(CsrfTokens csrf) {
        super(csrf);
    }

    /** e.g. "Private Key" */
    abstract String itemTitle();

    /** e.g. "Private Keys" */
    abstract String pageTitle();

    /** The form's fields, for placing the model's errors. */
    abstract List<String> fields();

    abstract List<T> items();

    abstract Optional<T> item(UUID id);

    abstract UUID id(T item);

    abstract String name(T item);

    abstract long version(T item);

    abstract FormState defaults();

    abstract FormState formOf(T item);

    /** The form's table rows; {@code editing} says whether secrets may be left blank to keep them. */
    abstract String formRows(FormState state, boolean editing);

    /** Saves the form; secrets are read from {@code parameter} here and never go into {@code state}. */
    abstract T save(UUID id, long version, FormState state, Function<String, String> parameter, Actor actor)
            throws ConfigurationException;

    abstract void delete(UUID id, long version, Actor actor) throws ConfigurationException;

    abstract List<String> listHeaders();

    /** The list's cells after the name, as plain values (escaped here) or {@link Markup}. */
    abstract List<Object> listCells(T item);

    /** Label/value pairs of the details view (values escaped here unless {@link Markup}), after the ID and name. */
    abstract List<Object[]> detailRows(T item);

    /** HTML shown under the details table, before the buttons; "" by default. */
    String detailsExtra(T item) {
        return "";
    }

    /**
     * The model's errors as the form names its fields; by default unchanged. A page whose form shows one model
     * field differently (a list as lines of a text area) says here under which input an error belongs.
     */
    List<FieldError> formErrors(FormState state, List<FieldError> errors) {
        return errors;
    }

    @Override
    Map<String, String> doneMessages() {
        return Map.of("saved", "The " + itemTitle().toLowerCase(java.util.Locale.ROOT) + " was saved to the candidate"
                + " configuration.", "deleted", "The " + itemTitle().toLowerCase(java.util.Locale.ROOT)
                + " was deleted from the candidate configuration.");
    }

    @Override
    void handlePost(HttpServletRequest request, HttpServletResponse response, Actor actor) throws IOException {
        String action = Optional.ofNullable(request.getParameter("action")).orElse("");
        UUID id = parseId(request.getParameter("id"));
        Long version = parseVersion(request.getParameter("version"));
        if (action.equals("save")) {
            FormState state = FormState.fromParameters(request::getParameter, fields());
            try {
                T saved = save(id, version == null ? -1 : version, state, request::getParameter, actor);
                if (saved != null) {
                    redirect(request, response, "id=" + id(saved) + "&done=saved");
                    return;
                }
            } catch (ValidationException e) {
                state.errors(formErrors(state, e.errors()), fields());
            } catch (ConflictException e) {
                state.error("name".equals(e.field()) ? "name" : FormState.GENERAL, e.getMessage());
                refusedForm(request, HttpServletResponse.SC_CONFLICT);
            } catch (ConfigurationException e) {
                state.error(FormState.GENERAL, e.getMessage());
            }
            refusedForm(request, HttpServletResponse.SC_BAD_REQUEST);
            request.setAttribute(FORM_VIEW, new FormView(state, id, version));
        } else if (action.equals("delete") && id != null) {
            try {
                delete(id, version == null ? -1 : version, actor);
                redirect(request, response, "done=deleted");
            } catch (ReferencedException e) {
                request.setAttribute(DELETE_VIEW, new DeleteView(id, "<div class=\"hsmgate-notice hsmgate-notice-error\""
                        + " id=\"delete-refused\">It is still used by the items below; change or delete them first."
                        + ItemLinks.referrers(appRoot(request), e.referrers()) + "</div>"));
            } catch (ConfigurationException e) {
                request.setAttribute(DELETE_VIEW, new DeleteView(id, Html.notice("error", e.getMessage())));
            }
        } else {
            notice(request, "error", "Unknown action; nothing was changed.");
        }
    }

    @Override
    void render(HttpServletRequest request, PrintWriter out) {
        if (request.getAttribute(FORM_VIEW) instanceof FormView view) {
            out.println(form(request, view));
        } else if (request.getAttribute(DELETE_VIEW) instanceof DeleteView view) {
            deleteConfirmation(request, out, view.id(), view.problemHtml());
        } else if (request.getParameter("add") != null) {
            out.println(form(request, new FormView(defaults(), null, null)));
        } else if (parseId(request.getParameter("edit")) != null) {
            UUID id = parseId(request.getParameter("edit"));
            out.println(item(id).map(i -> form(request, new FormView(formOf(i), id, version(i)))).orElse(notFound(id)));
        } else if (parseId(request.getParameter("delete")) != null) {
            deleteConfirmation(request, out, parseId(request.getParameter("delete")), "");
        } else if (parseId(request.getParameter("id")) != null) {
            details(request, out, parseId(request.getParameter("id")));
        } else {
            list(request, out);
        }
    }

    private void list(HttpServletRequest request, PrintWriter out) {
        String page = pageUrl(request);
        out.println("<h2>" + Html.text(pageTitle()) + "</h2><p><a class=\"ui-button\" id=\"add-item\" href=\""
                + Html.attr(page + "?add") + "\">Add " + Html.text(itemTitle()) + "</a></p>");
        List<T> items = items();
        if (items.isEmpty()) {
            out.println("<p id=\"no-items\">None configured yet.</p>");
            return;
        }
        StringBuilder html = new StringBuilder("<table class=\"nicetable\" id=\"items\"><thead><tr><th>Name</th>");
        listHeaders().forEach(h -> html.append("<th>").append(Html.text(h)).append("</th>"));
        html.append("</tr></thead><tbody>");
        for (T item : items) {
            html.append("<tr class=\"item\" data-id=\"").append(Html.attr(id(item))).append("\"><td><a href=\"")
                    .append(Html.attr(page + "?id=" + id(item))).append("\">").append(Html.text(name(item))).append("</a></td>");
            listCells(item).forEach(c -> html.append("<td>").append(Markup.of(c)).append("</td>"));
            html.append("</tr>");
        }
        out.println(html.append("</tbody></table>"));
    }

    private void details(HttpServletRequest request, PrintWriter out, UUID id) {
        Optional<T> found = item(id);
        if (found.isEmpty()) {
            out.println(notFound(id));
            return;
        }
        T item = found.get();
        String page = pageUrl(request);
        StringBuilder html = new StringBuilder("<h2>").append(Html.text(itemTitle())).append(" ")
                .append(Html.text(name(item))).append("</h2><table class=\"nicetable hsmgate-details\" id=\"item-details\"><tbody>")
                .append(Html.detail("ID", id)).append(Html.detail("Name", name(item)));
        detailRows(item).forEach(row -> html.append("<tr><th>").append(Html.text(row[0])).append("</th><td>")
                .append(Markup.of(row[1])).append("</td></tr>"));
        html.append("</tbody></table>").append(detailsExtra(item)).append("<div class=\"hsmgate-buttons\"><a class=\"ui-button\" id=\"edit-item\" href=\"")
                .append(Html.attr(page + "?edit=" + id)).append("\">Edit</a> <a class=\"ui-button\" id=\"delete-item\" href=\"")
                .append(Html.attr(page + "?delete=" + id)).append("\">Delete</a> <a href=\"").append(Html.attr(page))
                .append("\">All ").append(Html.text(pageTitle())).append("</a></div>");
        out.println(html);
    }

    private String form(HttpServletRequest request, FormView view) {
        boolean editing = view.id() != null;
        return "<h2>" + (editing ? "Edit " : "Add ") + Html.text(itemTitle()) + "</h2>"
                + formStart(request, "save", "item-form", null)
                + (editing ? "<input type=\"hidden\" name=\"id\" value=\"" + Html.attr(view.id()) + "\">"
                        + "<input type=\"hidden\" name=\"version\" value=\"" + Html.attr(view.version()) + "\">" : "")
                + FormHtml.generalErrors(view.state()) + "<table class=\"nicetable hsmgate-form\"><tbody>"
                + formRows(view.state(), editing) + "</tbody></table>"
                + "<p class=\"hsmgate-buttons\"><button type=\"submit\" class=\"ui-button\" id=\"save-item\""
                + " data-progress=\"Saving\u2026\">Save</button> <a href=\""
                + Html.attr(pageUrl(request) + (editing ? "?id=" + view.id() : "")) + "\">Cancel</a></p></form>";
    }

    private void deleteConfirmation(HttpServletRequest request, PrintWriter out, UUID id, String problemHtml) {
        Optional<T> found = item(id);
        if (found.isEmpty()) {
            out.println(notFound(id));
            return;
        }
        T item = found.get();
        out.println("<h2>Delete " + Html.text(itemTitle()) + " " + Html.text(name(item)) + "?</h2>" + problemHtml
                + "<p>This removes it from the candidate configuration; the running revision changes at the next push.</p>"
                + formStart(request, "delete", "delete-form", null)
                + "<input type=\"hidden\" name=\"id\" value=\"" + Html.attr(id) + "\">"
                + "<input type=\"hidden\" name=\"version\" value=\"" + Html.attr(version(item)) + "\">"
                + "<button type=\"submit\" class=\"ui-button\" id=\"confirm-delete\">Delete</button> <a href=\""
                + Html.attr(pageUrl(request) + "?id=" + id) + "\" id=\"cancel-delete\">Cancel</a></form>");
    }

    private String notFound(UUID id) {
        return Html.notice("error", "There is no " + itemTitle().toLowerCase(java.util.Locale.ROOT) + " with id " + id + ".");
    }
}
