package io.hsmgate.console.internal;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Comparator;
import org.apache.felix.webconsole.servlet.AbstractServlet;
import org.apache.felix.webconsole.servlet.ServletConstants;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

import static org.owasp.encoder.Encode.forHtml;

/**
 * The console's "Authentication &gt; HSM" page. For now it shows which hsmgate version runs and the
 * state of every hsmgate bundle, so an operator sees at once whether an adapter or core bundle is down.
 */
@Component(service = Servlet.class, property = {
        ServletConstants.PLUGIN_LABEL + "=" + HsmConsolePlugin.LABEL,
        ServletConstants.PLUGIN_TITLE + "=HSM",
        ServletConstants.PLUGIN_CATEGORY + "=Authentication"
})
public final class HsmConsolePlugin extends AbstractServlet {

    static final String LABEL = "hsm";
    static final String BUNDLE_PREFIX = "io.hsmgate.";
    private static final long serialVersionUID = 1L;

    private final transient BundleContext context;

    @Activate
    public HsmConsolePlugin(BundleContext context) {
        this.context = context;
    }

    @Override
    public void renderContent(HttpServletRequest request, HttpServletResponse response) throws IOException {
        PrintWriter out = response.getWriter();
        out.println("<div id=\"hsmgate-overview\">");
        out.println("<p class=\"statline\">hsmgate version <span id=\"hsmgate-version\">"
                + forHtml(context.getBundle().getVersion().toString()) + "</span></p>");
        out.println("<table class=\"nicetable\" id=\"hsmgate-bundles\">");
        out.println("<thead><tr><th>Bundle</th><th>Version</th><th>State</th></tr></thead><tbody>");
        Bundle[] bundles = context.getBundles();
        Arrays.stream(bundles)
                .filter(b -> b.getSymbolicName() != null && b.getSymbolicName().startsWith(BUNDLE_PREFIX))
                .sorted(Comparator.comparing(Bundle::getSymbolicName))
                .forEach(b -> out.println("<tr><td>" + forHtml(b.getSymbolicName()) + "</td><td>"
                        + forHtml(b.getVersion().toString()) + "</td><td class=\"bundle-state\">"
                        + BundleStates.name(b.getState()) + "</td></tr>"));
        out.println("</tbody></table></div>");
    }
}
