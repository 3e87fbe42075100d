package io.hsmgate.console.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hsmgate.model.ProxyServer;
import io.hsmgate.model.SshListener;
import io.hsmgate.model.TlsListener;
import io.hsmgate.proxy.ListenerStatus;
import io.hsmgate.proxy.ProxyServerStatus;
import io.hsmgate.proxy.ProxyServers;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ProxyServerViewsTest {

    private static final UUID ID = UUID.randomUUID();

    /** The proxy bundle's service as the console sees it, holding the one status given. */
    private static ProxyServers serving(ProxyServerStatus status) {
        return new ProxyServers() {
            @Override
            public List<ProxyServerStatus> servers() {
                return status == null ? List.of() : List.of(status);
            }

            @Override
            public Optional<ProxyServerStatus> server(UUID id) {
                return status != null && status.id().equals(id) ? Optional.of(status) : Optional.empty();
            }
        };
    }

    @Test
    void aListenerReadsAsOneLine() {
        assertEquals("TLS 127.0.0.1:8443 \u2192 app:8080 (TLSv1.2, TLSv1.3)",
                ProxyServerViews.describe(new TlsListener("127.0.0.1", 8443, "app", 8080, List.of("TLSv1.2", "TLSv1.3"))));
        assertEquals("SSH [::1]:2222 \u2192 db:5432 (1 authorized key)",
                ProxyServerViews.describe(new SshListener("::1", 2222, List.of("ssh-ed25519 AAAA"), "db", 5432)));
        assertEquals("SSH 0.0.0.0:22 \u2192 db:5432 (2 authorized keys)",
                ProxyServerViews.describe(new SshListener("0.0.0.0", 22, List.of("a", "b"), "db", 5432)));
    }

    @Test
    void theListenersCellEscapesAndSaysNoneWithoutListeners() {
        ProxyServer none = new ProxyServer(ID, "p", null, null, null, null, null, null, Instant.now(), Instant.now(), 1);
        assertTrue(ProxyServerViews.listenersCell(none).html().contains(">none<"));
        ProxyServer both = new ProxyServer(ID, "p", null, null, null, null,
                new TlsListener("127.0.0.1", 1, "<b>", 2, List.of("TLSv1.3")),
                new SshListener("127.0.0.1", 3, List.of("k"), "db", 4), Instant.now(), Instant.now(), 1);
        String html = ProxyServerViews.listenersCell(both).html();
        assertFalse(html.contains("<b>"), html);
        assertTrue(html.contains("TLS 127.0.0.1:1 \u2192 &lt;b&gt;:2 (TLSv1.3)<br>SSH 127.0.0.1:3"), html);
    }

    @Test
    void withoutTheProxyBundleThePageSaysSo() {
        assertTrue(ProxyServerViews.stateCell(null, ID).html().contains("proxy bundle not running"));
        assertTrue(ProxyServerViews.liveStatus(null, ID).contains("proxy bundle not running"));
    }

    @Test
    void aProxyServerThatWasNotPushedHasNoLiveStatus() {
        assertTrue(ProxyServerViews.stateCell(serving(null), ID).html().contains("not in the running revision"));
        assertTrue(ProxyServerViews.liveStatus(serving(null), ID).contains("not in the running revision"));
    }

    @Test
    void theLiveStatusShowsTheStateReasonAndEachListenersCounters() {
        ProxyServerStatus status = new ProxyServerStatus(ID, "p", ProxyServerStatus.State.FAILED,
                "address in use: <127.0.0.1:8443>",
                new ListenerStatus("127.0.0.1:8443", false, 7, 1, 5, 2, 1, "HSM <offline>"), null);
        String html = ProxyServerViews.liveStatus(serving(status), ID);
        assertTrue(html.contains("<span class=\"hsmgate-badge hsmgate-badge-failed\">FAILED</span>"), html);
        assertTrue(html.contains("<span id=\"proxy-reason\">address in use: &lt;127.0.0.1:8443&gt;</span>"), html);
        assertTrue(html.contains("<tr class=\"listener-status\" id=\"listener-tls\"><td>TLS</td>"
                + "<td class=\"listener-address\">127.0.0.1:8443</td><td class=\"listener-listening\">no</td>"
                + "<td class=\"listener-accepted\">7</td><td class=\"listener-refused\">1</td>"
                + "<td class=\"listener-handshakes\">5</td><td class=\"listener-failed\">2</td>"
                + "<td class=\"listener-hsm-unavailable\">1</td>"
                + "<td class=\"listener-last-failure\">HSM &lt;offline&gt;</td></tr>"), html);
        assertFalse(html.contains("listener-ssh"), "no SSH row without an SSH listener: " + html);
        assertTrue(ProxyServerViews.stateCell(serving(status), ID).html().contains("hsmgate-badge-failed"));
    }
}
