package io.hsmgate.runtime.internal;

import io.hsmgate.pkcs11.PoolCounters;
import io.hsmgate.runtime.ConnectionState;
import io.hsmgate.runtime.ConnectionStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Renders every connection's state, pool counters and sign metrics as Prometheus text. */
final class MetricsExport {

    private MetricsExport() {
    }

    static String render(List<ConnectionSupervisor> supervisors) {
        PrometheusText out = new PrometheusText();
        out.family("hsmgate_connection_state", "gauge", "1 for the state each HSM connection is in");
        for (ConnectionSupervisor s : supervisors) {
            ConnectionStatus status = s.status();
            for (ConnectionState state : ConnectionState.values()) {
                Map<String, String> labels = labels(s);
                labels.put("state", state.name());
                out.sample("hsmgate_connection_state", labels, status.state() == state ? 1 : 0);
            }
        }
        gauge(out, supervisors, "hsmgate_pool_sessions_limit", "Most sessions the pool may open", PoolCounters::limit);
        gauge(out, supervisors, "hsmgate_pool_sessions_open", "Sessions open now", PoolCounters::open);
        gauge(out, supervisors, "hsmgate_pool_sessions_in_use", "Sessions lent out now", PoolCounters::inUse);
        gauge(out, supervisors, "hsmgate_pool_sessions_idle", "Sessions idle in the pool now", PoolCounters::idle);
        gauge(out, supervisors, "hsmgate_pool_waiters", "Callers waiting for a session now", PoolCounters::waiters);
        counter(out, supervisors, "hsmgate_pool_waits_total", "Borrows that had to wait", PoolCounters::waits);
        counter(out, supervisors, "hsmgate_pool_timeouts_total", "Borrows that timed out", PoolCounters::timeouts);
        counter(out, supervisors, "hsmgate_pool_sessions_created_total", "Sessions opened", PoolCounters::created);
        counter(out, supervisors, "hsmgate_pool_sessions_closed_total", "Sessions closed", PoolCounters::closed);
        out.family("hsmgate_pkcs11_errors_total", "counter", "PKCS#11 errors by return value name");
        for (ConnectionSupervisor s : supervisors) {
            Generation g = s.current();
            if (g != null) {
                g.connection().counters().errorsByName().forEach((name, count) -> {
                    Map<String, String> labels = labels(s);
                    labels.put("ckr", name);
                    out.sample("hsmgate_pkcs11_errors_total", labels, count);
                });
            }
        }
        out.family("hsmgate_sign_total", "counter", "Signatures made through the runtime");
        supervisors.forEach(s -> out.sample("hsmgate_sign_total", labels(s), s.metrics().signatures()));
        out.family("hsmgate_sign_errors_total", "counter", "Failed sign calls through the runtime");
        supervisors.forEach(s -> out.sample("hsmgate_sign_errors_total", labels(s), s.metrics().signErrors()));
        out.family("hsmgate_sign_duration_seconds", "histogram", "Sign latency through the runtime");
        for (ConnectionSupervisor s : supervisors) {
            LatencyHistogram h = s.metrics().latency();
            long[] cumulative = h.cumulative();
            for (int i = 0; i < cumulative.length; i++) {
                Map<String, String> labels = labels(s);
                labels.put("le", i < LatencyHistogram.BOUNDS.length ? PrometheusText.format(LatencyHistogram.BOUNDS[i]) : "+Inf");
                out.sample("hsmgate_sign_duration_seconds_bucket", labels, cumulative[i]);
            }
            out.sample("hsmgate_sign_duration_seconds_sum", labels(s), h.sumSeconds());
            out.sample("hsmgate_sign_duration_seconds_count", labels(s), h.count());
        }
        return out.toString();
    }

    private interface Field {
        long of(PoolCounters counters);
    }

    private static void gauge(PrometheusText out, List<ConnectionSupervisor> supervisors, String name, String help, Field field) {
        family(out, supervisors, name, "gauge", help, field);
    }

    private static void counter(PrometheusText out, List<ConnectionSupervisor> supervisors, String name, String help, Field field) {
        family(out, supervisors, name, "counter", help, field);
    }

    private static void family(PrometheusText out, List<ConnectionSupervisor> supervisors, String name, String type,
            String help, Field field) {
        out.family(name, type, help);
        for (ConnectionSupervisor s : supervisors) {
            Generation g = s.current();
            if (g != null) {
                out.sample(name, labels(s), field.of(g.connection().counters()));
            }
        }
    }

    private static Map<String, String> labels(ConnectionSupervisor s) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("connection", s.settings().name());
        labels.put("id", s.id().toString());
        return labels;
    }
}
