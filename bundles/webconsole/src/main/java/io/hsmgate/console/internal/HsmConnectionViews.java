package io.hsmgate.console.internal;

import io.hsmgate.model.HsmConnection;
import io.hsmgate.runtime.ConnectionOverview;
import io.hsmgate.runtime.HsmConnectionRuntime;
import java.util.List;
import java.util.Optional;

/** The read-only views of the HSM page: the connections table and one connection's details. */
final class HsmConnectionViews {

    private HsmConnectionViews() {
    }

    /** @return the state shown for a saved connection: its runtime state, or "NOT PUSHED" before a push */
    static String state(HsmConnectionRuntime runtime, HsmConnection c) {
        return runtime.connection(c.id()).map(o -> o.status().state().name()).orElse("NOT PUSHED");
    }

    static String list(String pageUrl, List<HsmConnection> connections, HsmConnectionRuntime runtime) {
        StringBuilder html = new StringBuilder("<h2>HSM Connections</h2><p><a class=\"ui-button\" id=\"add-connection\" href=\"")
                .append(Html.attr(pageUrl + "?add")).append("\">Add HSM Connection</a></p>");
        if (connections.isEmpty()) {
            return html.append("<p id=\"no-connections\">No HSM connection is configured yet.</p>").toString();
        }
        html.append("<table class=\"nicetable\" id=\"connections\"><thead><tr><th>Name</th><th>Description</th>")
                .append("<th>Library</th><th>Token</th><th>Vendor</th><th>State</th><th>Updated At</th></tr></thead><tbody>");
        for (HsmConnection c : connections) {
            html.append("<tr class=\"connection\" data-id=\"").append(Html.attr(c.id())).append("\"><td><a href=\"")
                    .append(Html.attr(pageUrl + "?id=" + c.id())).append("\">").append(Html.text(c.name()))
                    .append("</a></td><td class=\"description\">").append(Html.text(c.description())).append("</td><td>")
                    .append(Html.text(c.libraryPath())).append("</td><td>").append(Html.text(tokenIdentifier(c)))
                    .append("</td><td>").append(Html.text(c.vendor() == null ? "automatic" : c.vendor()))
                    .append("</td><td class=\"state\">").append(Html.badge(state(runtime, c))).append("</td><td>")
                    .append(Html.text(Html.time(c.updatedAt()))).append("</td></tr>");
        }
        return html.append("</tbody></table>").toString();
    }

    /** @return "serial 123", "label abc" or "slot 0" */
    static String tokenIdentifier(HsmConnection c) {
        if (c.tokenSerialNumber() != null) {
            return "serial " + c.tokenSerialNumber();
        }
        if (c.tokenLabel() != null) {
            return "label " + c.tokenLabel();
        }
        return c.slotNumber() == null ? "" : "slot " + c.slotNumber();
    }

    static String details(HsmConnection c, Optional<ConnectionOverview> running) {
        return "<h2>HSM Connection " + Html.text(c.name()) + "</h2>"
                + "<table class=\"nicetable hsmgate-details\" id=\"connection-details\"><tbody>"
                + Html.detail("ID", c.id())
                + Html.detail("Name", c.name())
                + Html.detail("Description", c.description())
                + Html.detail("PKCS#11 library path", c.libraryPath())
                + Html.detail("Token serial number", c.tokenSerialNumber())
                + Html.detail("Token label", c.tokenLabel())
                + Html.detail("Slot number", c.slotNumber())
                + Html.detail("Authenticate", c.authenticate() ? "yes" : "no")
                + Html.detail("PIN", c.pinSet() ? "set" : "not set")
                + Html.detail("User type", c.userType() == null ? "" : c.userType() == io.hsmgate.model.UserType.SO
                        ? "Security officer" : "Normal user")
                + Html.detail("Max sessions", c.maxSessions())
                + Html.detail("Connection timeout (seconds)", c.connectionTimeoutSeconds())
                + Html.detail("Vendor", c.vendor() == null ? "automatic" : c.vendor())
                + "<tr><th>State</th><td class=\"state\">"
                + Html.badge(running.map(o -> o.status().state().name()).orElse("NOT PUSHED"))
                + running.map(o -> " " + Html.text(o.status().reason())).orElse("") + "</td></tr>"
                + Html.detail("Created At", Html.time(c.createdAt()))
                + Html.detail("Updated At", Html.time(c.updatedAt()))
                + "</tbody></table>";
    }
}
