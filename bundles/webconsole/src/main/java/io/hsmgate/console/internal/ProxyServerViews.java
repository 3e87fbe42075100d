package io.hsmgate.console.internal;

import io.hsmgate.model.ProxyServer;
import io.hsmgate.model.SshListener;
import io.hsmgate.model.TlsListener;
import io.hsmgate.proxy.ListenerStatus;
import io.hsmgate.proxy.ProxyServerStatus;
import io.hsmgate.proxy.ProxyServers;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * How a proxy server reads in the list and details views: its configured listeners as one line each
 * ("TLS 127.0.0.1:8443 → app:8080 (TLSv1.2, TLSv1.3)") and what the proxy bundle reports about it now.
 * The configuration shown is the candidate's; the live status is the running revision's, so the two can differ
 * until the next push.
 */
final class ProxyServerViews {

    static final String BUNDLE_NOT_RUNNING = "proxy bundle not running";
    static final String NOT_RUNNING = "not in the running revision";

    private ProxyServerViews() {
    }

    /** @return "TLS bind:port → backend:port (protocols)" */
    static String describe(TlsListener l) {
        return "TLS " + address(l.bindHost(), l.port()) + " \u2192 " + address(l.backendHost(), l.backendPort())
                + " (" + String.join(", ", l.protocols() == null ? List.of() : l.protocols()) + ")";
    }

    /** @return "SSH bind:port → backend:port (n authorized keys)" */
    static String describe(SshListener l) {
        int keys = l.authorizedKeys() == null ? 0 : l.authorizedKeys().size();
        return "SSH " + address(l.bindHost(), l.port()) + " \u2192 " + address(l.backendHost(), l.backendPort())
                + " (" + keys + " authorized key" + (keys == 1 ? "" : "s") + ")";
    }

    /** @return one line per configured listener, TLS first; empty when there is none */
    static List<String> listeners(ProxyServer p) {
        List<String> lines = new ArrayList<>();
        if (p.tlsListener() != null) {
            lines.add(describe(p.tlsListener()));
        }
        if (p.sshListener() != null) {
            lines.add(describe(p.sshListener()));
        }
        return lines;
    }

    /** @return the listeners as lines for a list cell or details row, "none" when there is none */
    static Markup listenersCell(ProxyServer p) {
        List<String> lines = listeners(p);
        if (lines.isEmpty()) {
            return new Markup("<span class=\"proxy-listeners hsmgate-hint\">none</span>");
        }
        StringBuilder html = new StringBuilder("<span class=\"proxy-listeners\">");
        for (int i = 0; i < lines.size(); i++) {
            html.append(i == 0 ? "" : "<br>").append(Html.text(lines.get(i)));
        }
        return new Markup(html.append("</span>").toString());
    }

    /** @param servers the proxy bundle's service, null while that bundle is not running */
    static Markup stateCell(ProxyServers servers, UUID id) {
        if (servers == null) {
            return new Markup("<span class=\"proxy-state hsmgate-hint\">" + Html.text(BUNDLE_NOT_RUNNING) + "</span>");
        }
        Optional<ProxyServerStatus> status = servers.server(id);
        if (status.isEmpty()) {
            return new Markup("<span class=\"proxy-state hsmgate-hint\">" + Html.text(NOT_RUNNING) + "</span>");
        }
        return new Markup("<span class=\"proxy-state\" title=\"" + Html.attr(status.get().reason()) + "\">"
                + Html.badge(status.get().state().name()) + "</span>");
    }

    /** @param servers the proxy bundle's service, null while that bundle is not running */
    static String liveStatus(ProxyServers servers, UUID id) {
        StringBuilder html = new StringBuilder("<section id=\"proxy-status\"><h3>Live status</h3>");
        if (servers == null) {
            return html.append("<p id=\"proxy-state\">").append(Html.text(BUNDLE_NOT_RUNNING))
                    .append(": the proxy servers are not running and no status is known.</p></section>").toString();
        }
        Optional<ProxyServerStatus> found = servers.server(id);
        if (found.isEmpty()) {
            return html.append("<p id=\"proxy-state\">").append(Html.text(NOT_RUNNING))
                    .append(": push the configuration on Monitoring &gt; Status to run it.</p></section>").toString();
        }
        ProxyServerStatus status = found.get();
        html.append("<p>State <span id=\"proxy-state\">").append(Html.badge(status.state().name())).append("</span>");
        if (status.reason() != null && !status.reason().isBlank()) {
            html.append(" <span id=\"proxy-reason\">").append(Html.text(status.reason())).append("</span>");
        }
        html.append("</p>");
        if (status.tls() == null && status.ssh() == null) {
            return html.append("<p id=\"no-listeners\">It has no listener.</p></section>").toString();
        }
        html.append("<table class=\"nicetable\" id=\"listener-status\"><thead><tr><th>Listener</th><th>Address</th>")
                .append("<th>Listening</th><th>Accepted</th><th>Refused</th><th>Handshakes</th>")
                .append("<th>Failed handshakes</th><th>HSM unavailable</th><th>Last failure</th></tr></thead><tbody>");
        listenerRow(html, "tls", "TLS", status.tls());
        listenerRow(html, "ssh", "SSH", status.ssh());
        return html.append("</tbody></table></section>").toString();
    }

    private static void listenerRow(StringBuilder html, String kind, String title, ListenerStatus l) {
        if (l == null) {
            return;
        }
        html.append("<tr class=\"listener-status\" id=\"listener-").append(kind).append("\"><td>").append(Html.text(title))
                .append("</td><td class=\"listener-address\">").append(Html.text(l.address()))
                .append("</td><td class=\"listener-listening\">").append(l.listening() ? "yes" : "no")
                .append("</td><td class=\"listener-accepted\">").append(l.accepted())
                .append("</td><td class=\"listener-refused\">").append(l.refused())
                .append("</td><td class=\"listener-handshakes\">").append(l.handshakes())
                .append("</td><td class=\"listener-failed\">").append(l.failedHandshakes())
                .append("</td><td class=\"listener-hsm-unavailable\">").append(l.hsmUnavailable())
                .append("</td><td class=\"listener-last-failure\">").append(Html.text(l.lastFailure()))
                .append("</td></tr>");
    }

    /** @return host:port, with an IPv6 literal in brackets so the port stays readable */
    static String address(String host, Integer port) {
        String shown = host != null && host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
        return shown + ":" + port;
    }
}
