package io.hsmgate.console.internal;

import io.hsmgate.model.Actor;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;
import java.util.Map;
import java.util.Optional;
import org.apache.felix.webconsole.servlet.AbstractServlet;
import org.apache.felix.webconsole.servlet.ServletConstants;
import org.apache.felix.webconsole.servlet.User;

/**
 * What every hsmgate console page shares: the CSRF and origin check before any POST is handled, the size limit
 * of a POST, the actor recorded in the audit log, and the page frame (stylesheet, script, notices).
 * <p>
 * How the Web Console drives a plugin: a POST reaches {@link #doPost}; a page that sends a redirect or sets a
 * status has answered. A page that does neither (a form with errors, a test report) leaves what to show in
 * request attributes and the Web Console then renders the page around {@link #renderContent}, so the result
 * appears in the normal console frame without a session to carry it.
 */
abstract class ConsolePage extends AbstractServlet {

    private static final long serialVersionUID = 1L;
    /** PEM chains are the largest thing a form carries; a few hundred KiB is far more than any real one. */
    static final long MAX_POST_BYTES = 512 * 1024;
    /** Request attribute: a notice to show above the page after a POST that rendered the page. */
    static final String NOTICE = "hsmgate.notice";

    private final transient CsrfTokens csrf;

    ConsolePage(CsrfTokens csrf) {
        this.csrf = csrf;
    }

    /** The plugin label, the last part of /system/console/<label>. */
    abstract String label();

    /** Handles a POST whose token and origin were checked; {@code actor} is the authenticated console user. */
    abstract void handlePost(HttpServletRequest request, HttpServletResponse response, Actor actor)
            throws IOException, ServletException;

    /** Renders the page body. */
    abstract void render(HttpServletRequest request, PrintWriter out) throws IOException;

    /** Fixed texts for the {@code done} query parameter a page redirects to after a successful POST. */
    Map<String, String> doneMessages() {
        return Map.of();
    }

    @Override
    protected final void doPost(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        request.setCharacterEncoding(StandardCharsets.UTF_8.name());
        if (request.getContentLengthLong() > MAX_POST_BYTES) {
            refuse(response, 413, "The form is larger than " + MAX_POST_BYTES / 1024 + " KiB; nothing was changed.");
            return;
        }
        Optional<String> foreign = OriginCheck.problem(request.getHeader("Origin"), request.getHeader("Referer"),
                request.getScheme(), request.getHeader("Host"));
        if (foreign.isPresent()) {
            refuse(response, 403, "Refused: " + foreign.get() + ". Nothing was changed.");
            return;
        }
        String user = userName(request);
        if (!csrf.isValid(user, request.getParameter(CsrfTokens.FIELD))) {
            refuse(response, 403, "Refused: the form's security token is missing or no longer valid."
                    + " Reload the page and submit it again. Nothing was changed.");
            return;
        }
        handlePost(request, response, Actor.of(user));
    }

    @Override
    public final void renderContent(HttpServletRequest request, HttpServletResponse response) throws IOException {
        setNoCache(response);
        if (request.getAttribute(REFUSED_STATUS) instanceof Integer status) {
            response.setStatus(status); // the page's header is still buffered: the status can change here
        }
        PrintWriter out = response.getWriter();
        out.println("<link rel=\"stylesheet\" href=\"" + Html.attr(resource(request, "hsmgate-console.css")) + "\">");
        out.println("<div class=\"hsmgate-page\" id=\"hsmgate-" + Html.attr(label()) + "\">");
        String done = request.getParameter("done");
        if (done != null && doneMessages().containsKey(done)) {
            out.println(Html.notice("ok", doneMessages().get(done)));
        }
        Object notice = request.getAttribute(NOTICE);
        if (notice instanceof String[] kindAndText) {
            out.println(Html.notice(kindAndText[0], kindAndText[1]));
        }
        render(request, out);
        out.println("</div>");
        out.println("<script src=\"" + Html.attr(resource(request, "hsmgate-console.js")) + "\" defer></script>");
    }

    /** Shows a notice above the page rendered for this POST. */
    static void notice(HttpServletRequest request, String kind, String text) {
        request.setAttribute(NOTICE, new String[] {kind, text});
    }

    /** @return the URL of this page, e.g. /system/console/hsm */
    String pageUrl(HttpServletRequest request) {
        return appRoot(request) + "/" + label();
    }

    /** @return the URL of a file under src/main/resources/res, served by the Web Console from this bundle */
    String resource(HttpServletRequest request, String file) {
        return pageUrl(request) + "/res/" + file;
    }

    /** Redirects to this page with {@code query} (already encoded), the end of every successful POST. */
    void redirect(HttpServletRequest request, HttpServletResponse response, String query) throws IOException {
        response.sendRedirect(pageUrl(request) + (query.isEmpty() ? "" : "?" + query));
    }

    /**
     * @param action the action as a hidden field, or null when the form's buttons carry it ({@code name="action"})
     * @return a form start tag posting to this page, with the CSRF token as a hidden field
     */
    String formStart(HttpServletRequest request, String action, String id, String progress) {
        return "<form method=\"post\" accept-charset=\"UTF-8\" action=\"" + Html.attr(pageUrl(request)) + "\""
                + (id == null ? "" : " id=\"" + Html.attr(id) + "\"")
                + (progress == null ? "" : " data-progress=\"" + Html.attr(progress) + "\"") + ">"
                + "<input type=\"hidden\" name=\"" + CsrfTokens.FIELD + "\" value=\""
                + Html.attr(csrf.tokenFor(userName(request))) + "\">"
                + (action == null ? "" : "<input type=\"hidden\" name=\"action\" value=\"" + Html.attr(action) + "\">");
    }

    /** @return a form with one button: a small POST such as start, stop, test */
    String buttonForm(HttpServletRequest request, String action, String idField, Object idValue, String buttonText,
            String buttonId, String progress) {
        return formStart(request, action, null, progress)
                + "<input type=\"hidden\" name=\"" + Html.attr(idField) + "\" value=\"" + Html.attr(idValue) + "\">"
                + "<button type=\"submit\" class=\"ui-button\" id=\"" + Html.attr(buttonId) + "\">" + Html.text(buttonText)
                + "</button></form>";
    }

    /** The console user: the Web Console's user object is the name our security provider authenticated. */
    static String userName(HttpServletRequest request) {
        Object user = request.getAttribute(User.USER_ATTRIBUTE);
        if (user instanceof User consoleUser && consoleUser.getUserObject() != null) {
            return consoleUser.getUserObject().toString();
        }
        return request.getRemoteUser() != null ? request.getRemoteUser() : "admin";
    }

    static String appRoot(HttpServletRequest request) {
        Object root = request.getAttribute(ServletConstants.ATTR_APP_ROOT);
        return root == null ? "/system/console" : root.toString();
    }

    static UUID parseId(String value) {
        try {
            return value == null || value.isBlank() ? null : UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static Long parseVersion(String value) {
        try {
            return value == null || value.isBlank() ? null : Long.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static void clear(char[] secret) {
        if (secret != null) {
            Arrays.fill(secret, '\0');
        }
    }

    private static final String REFUSED_STATUS = "hsmgate.refused.status";

    /**
     * A save that comes back as the form with its errors is a refused request, so scripts posting to the console
     * see it as one: 400, or 409 for a conflict. Set as a request attribute and applied when the page renders,
     * because the Web Console renders nothing after a POST that set an error status itself.
     */
    static void refusedForm(HttpServletRequest request, int status) {
        if (request.getAttribute(REFUSED_STATUS) == null) { // the first, most precise status wins
            request.setAttribute(REFUSED_STATUS, status);
        }
    }

    private static void refuse(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().println(message);
    }
}
