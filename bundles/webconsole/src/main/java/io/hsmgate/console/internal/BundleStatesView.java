package io.hsmgate.console.internal;

import java.util.Arrays;
import java.util.Comparator;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * The hsmgate version and the state of every hsmgate bundle, so an operator sees at once whether an adapter or
 * core bundle is down.
 */
final class BundleStatesView {

    static final String BUNDLE_PREFIX = "io.hsmgate.";

    private BundleStatesView() {
    }

    static String render(BundleContext context) {
        StringBuilder html = new StringBuilder("<div id=\"hsmgate-overview\"><h2>hsmgate bundles</h2>")
                .append("<p class=\"statline\">hsmgate version <span id=\"hsmgate-version\">")
                .append(Html.text(context.getBundle().getVersion())).append("</span></p>")
                .append("<table class=\"nicetable\" id=\"hsmgate-bundles\">")
                .append("<thead><tr><th>Bundle</th><th>Version</th><th>State</th></tr></thead><tbody>");
        Arrays.stream(context.getBundles())
                .filter(b -> b.getSymbolicName() != null && b.getSymbolicName().startsWith(BUNDLE_PREFIX))
                .sorted(Comparator.comparing(Bundle::getSymbolicName))
                .forEach(b -> html.append("<tr><td>").append(Html.text(b.getSymbolicName())).append("</td><td>")
                        .append(Html.text(b.getVersion())).append("</td><td class=\"bundle-state\">")
                        .append(Html.text(BundleStates.name(b.getState()))).append("</td></tr>"));
        return html.append("</tbody></table></div>").toString();
    }
}
