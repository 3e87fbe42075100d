package io.hsmgate.console.internal;

import io.hsmgate.runtime.CredentialCheck;
import io.hsmgate.runtime.TestReport;
import io.hsmgate.runtime.TestStep;
import io.hsmgate.runtime.ValidationReport;
import java.util.List;

/** Renders connection test reports and credential validation reports, shared by the HSM and Status pages. */
final class ReportViews {

    private ReportViews() {
    }

    static String testReport(String title, TestReport report) {
        StringBuilder html = new StringBuilder("<div class=\"hsmgate-report\" id=\"test-report\"><h3>")
                .append(Html.text(title)).append(" ").append(Html.badge(report.ok() ? "PASSED" : "FAILED"))
                .append("</h3><table class=\"nicetable\"><thead><tr><th>Step</th><th>Result</th><th>Time</th>")
                .append("<th>Detail</th></tr></thead><tbody>");
        for (TestStep step : report.steps()) {
            html.append("<tr class=\"test-step\"><td>").append(Html.text(step.name())).append("</td><td>")
                    .append(Html.badge(step.ok() ? "OK" : "FAILED")).append("</td><td>").append(step.millis())
                    .append(" ms</td><td>").append(Html.text(step.detail())).append("</td></tr>");
        }
        return html.append("</tbody></table></div>").toString();
    }

    static String validationReport(String connectionName, ValidationReport report) {
        StringBuilder html = new StringBuilder("<div class=\"hsmgate-report\" id=\"validation-report\"><h3>Credentials on ")
                .append(Html.text(connectionName)).append(" ").append(Html.badge(report.ok() ? "VALID" : "PROBLEMS"))
                .append("</h3>");
        html.append(list("hsmgate-warnings", report.warnings()));
        if (report.credentials().isEmpty()) {
            return html.append("<p>No private key or TLS certificate stored in this HSM is configured.</p></div>").toString();
        }
        html.append("<table class=\"nicetable\"><thead><tr><th>Type</th><th>Name</th><th>Result</th><th>Key</th>")
                .append("<th>Problems</th><th>Warnings</th></tr></thead><tbody>");
        for (CredentialCheck c : report.credentials()) {
            html.append("<tr class=\"credential-check\"><td>").append(Html.text(c.type())).append("</td><td>")
                    .append(Html.text(c.name())).append("</td><td>").append(Html.badge(c.ok() ? "OK" : "FAILED"))
                    .append("</td><td>").append(c.keyType() == null ? "" : Html.text(c.keyType() + " " + c.keySize()))
                    .append("</td><td>").append(list("hsmgate-problems", c.problems())).append("</td><td>")
                    .append(list("hsmgate-warnings", c.warnings())).append("</td></tr>");
        }
        return html.append("</tbody></table></div>").toString();
    }

    private static String list(String css, List<String> items) {
        if (items.isEmpty()) {
            return "";
        }
        StringBuilder html = new StringBuilder("<ul class=\"" + css + "\">");
        items.forEach(i -> html.append("<li>").append(Html.text(i)).append("</li>"));
        return html.append("</ul>").toString();
    }
}
