package io.hsmgate.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.hsmgate.model.ProxyServer;
import io.hsmgate.model.SshListener;
import io.hsmgate.model.TlsListener;

/** Proxy servers with listeners survive the store's JSON, and documents written before listeners existed read. */
class ProxyServerJsonTest {

    private final ObjectMapper mapper = Json.mapper();
    private final Instant t = Instant.parse("2026-01-02T03:04:05.678Z");

    @Test
    void listenersRoundTripAsNestedObjects() throws Exception {
        ProxyServer proxy = new ProxyServer(UUID.randomUUID(), "p", null, UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID(), new TlsListener("127.0.0.1", 8443, "b", 80, List.of("TLSv1.2", "TLSv1.3")),
                new SshListener("0.0.0.0", 2222, List.of("ssh-ed25519 AAAA c"), "b", 22), t, t, 3);
        String json = mapper.writeValueAsString(proxy);
        assertEquals(proxy, mapper.readValue(json, ProxyServer.class));
        var tree = mapper.readTree(json);
        assertEquals(8443, tree.path("tlsListener").path("port").asInt());
        assertEquals("TLSv1.3", tree.path("tlsListener").path("protocols").path(1).asText());
        assertEquals("ssh-ed25519 AAAA c", tree.path("sshListener").path("authorizedKeys").path(0).asText());
    }

    @Test
    void aDocumentWithoutListenersReadsAsAProxyWithoutListeners() throws Exception {
        UUID id = UUID.randomUUID();
        ProxyServer proxy = mapper.readValue("{\"id\":\"" + id + "\",\"name\":\"old\",\"hsmConnectionId\":\"" + id
                + "\",\"createdAt\":\"2026-01-02T03:04:05.678Z\",\"updatedAt\":\"2026-01-02T03:04:05.678Z\","
                + "\"version\":1}", ProxyServer.class);
        assertNull(proxy.tlsListener());
        assertNull(proxy.sshListener());
        assertFalse(mapper.writeValueAsString(proxy).contains("Listener"));
    }
}
