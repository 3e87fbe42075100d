package io.hsmgate.console.internal;

import io.hsmgate.model.AffectedConnection;
import io.hsmgate.model.FieldChange;
import io.hsmgate.model.ItemChange;
import io.hsmgate.model.Preview;
import io.hsmgate.model.RunningRevision;
import io.hsmgate.pkcs11.PoolCounters;
import io.hsmgate.runtime.ConnectionOverview;
import io.hsmgate.runtime.ConnectionStatus;
import java.util.Map;
import java.util.TreeMap;

/** The read-only parts of Monitoring &gt; Status: the candidate-vs-running preview and one connection's health. */
final class StatusViews {

    private StatusViews() {
    }

    static String revision(RunningRevision running) {
        if (running.number() == 0) {
            return "<p id=\"running-revision\">Nothing has been pushed yet: no HSM connection runs.</p>";
        }
        return "<p id=\"running-revision\">Running revision <strong>" + running.number() + "</strong>, pushed "
                + Html.text(Html.time(running.pushedAt())) + " by " + Html.text(running.pushedBy()) + ".</p>";
    }

    static String preview(Preview preview) {
        if (!preview.hasChanges()) {
            return "<p id=\"no-changes\">The candidate configuration matches the running revision.</p>";
        }
        StringBuilder html = new StringBuilder("<h3>Candidate changes</h3><table class=\"nicetable\" id=\"preview\">")
                .append("<thead><tr><th>Type</th><th>Name</th><th>Change</th><th>Field</th><th>Running</th>")
                .append("<th>Candidate</th></tr></thead><tbody>");
        for (ItemChange change : preview.changes()) {
            int rows = Math.max(1, change.fields().size());
            html.append("<tr class=\"item-change\"><td rowspan=\"").append(rows).append("\">")
                    .append(Html.text(change.type().label())).append("</td><td rowspan=\"").append(rows).append("\">")
                    .append(Html.text(change.name())).append("</td><td rowspan=\"").append(rows).append("\">")
                    .append(Html.badge(change.change().name())).append("</td>");
            if (change.fields().isEmpty()) {
                html.append("<td colspan=\"3\"></td></tr>");
                continue;
            }
            boolean first = true;
            for (FieldChange field : change.fields()) {
                if (!first) {
                    html.append("<tr class=\"field-change\">");
                }
                first = false;
                html.append("<td>").append(Html.text(field.field())).append("</td>");
                if (field.secret()) {
                    html.append("<td colspan=\"2\"><em>changed (secret, not shown)</em></td></tr>");
                } else {
                    html.append("<td>").append(Html.text(field.before())).append("</td><td>")
                            .append(Html.text(field.after())).append("</td></tr>");
                }
            }
        }
        html.append("</tbody></table>");
        if (!preview.affectedConnections().isEmpty()) {
            html.append("<h3>Running connections a push affects</h3><ul id=\"affected-connections\">");
            for (AffectedConnection a : preview.affectedConnections()) {
                html.append("<li>").append(Html.text(a.name())).append(" ").append(Html.badge(a.change().name()))
                        .append(a.fields().isEmpty() ? "" : " " + Html.text(String.join(", ", a.fields()))).append("</li>");
            }
            html.append("</ul>");
        }
        return html.toString();
    }

    /** @return the connection's state, pool gauges and sign metrics (the buttons are added by the page) */
    static String connection(ConnectionOverview o) {
        ConnectionStatus s = o.status();
        StringBuilder html = new StringBuilder("<h3>").append(Html.text(o.name())).append(" <span class=\"state\">")
                .append(Html.badge(s.state().name())).append("</span>")
                .append(o.restartPending() ? " " + Html.badge("RESTART PENDING") : "").append("</h3>")
                .append("<table class=\"nicetable hsmgate-details\"><tbody>")
                .append(Html.detail("Reason", s.reason()))
                .append(Html.detail("Since", Html.time(s.since())))
                .append(s.nextRetry().map(r -> Html.detail("Next retry", Html.time(r))).orElse(""))
                .append(Html.detail("Desired state", o.desiredStarted() ? "started" : "stopped"))
                .append(Html.detail("Vendor", o.vendor().map(v -> v + o.vendorVersion().map(ver -> " " + ver).orElse("")).orElse("")))
                .append(Html.detail("Signatures", o.signatures()))
                .append(Html.detail("Sign errors", o.signErrors()))
                .append("</tbody></table>");
        o.pool().ifPresent(p -> html.append(pool(p)));
        return html.toString();
    }

    static String pool(PoolCounters p) {
        return "<table class=\"nicetable hsmgate-details hsmgate-pool\"><tbody>"
                + gauge("Sessions in use", p.inUse(), p.limit())
                + gauge("Sessions open", p.open(), p.limit())
                + Html.detail("Idle sessions", p.idle())
                + Html.detail("Waiting callers", p.waiters())
                + Html.detail("Borrows served / waited / timed out", p.loans() + " / " + p.waits() + " / " + p.timeouts())
                + Html.detail("Sessions created / closed", p.created() + " / " + p.closed())
                + Html.detail("Signatures by mechanism", counts(p.signaturesByMechanism()))
                + Html.detail("PKCS#11 errors", counts(p.errorsByName()))
                + "</tbody></table>";
    }

    private static String gauge(String label, int value, int limit) {
        int percent = limit <= 0 ? 0 : (int) Math.min(100, Math.round(100.0 * value / limit));
        return "<tr><th>" + Html.text(label) + "</th><td><span class=\"hsmgate-gauge\" role=\"meter\" aria-valuemin=\"0\""
                + " aria-valuemax=\"" + limit + "\" aria-valuenow=\"" + value + "\"><span style=\"width:" + percent
                + "%\"></span></span> " + value + " of " + limit + "</td></tr>";
    }

    private static String counts(Map<String, Long> counts) {
        if (counts.isEmpty()) {
            return "none";
        }
        StringBuilder text = new StringBuilder();
        new TreeMap<>(counts).forEach((k, v) -> text.append(text.length() == 0 ? "" : ", ").append(k).append(": ").append(v));
        return text.toString();
    }
}
