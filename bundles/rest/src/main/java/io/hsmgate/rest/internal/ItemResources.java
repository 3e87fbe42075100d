package io.hsmgate.rest.internal;

import io.hsmgate.model.ConfigurationService;
import io.hsmgate.model.HsmConnection;
import io.hsmgate.model.HsmConnectionInput;
import io.hsmgate.model.ItemType;
import io.hsmgate.model.PrivateKeyInput;
import io.hsmgate.model.ProxyServer;
import io.hsmgate.model.ProxyServerInput;
import io.hsmgate.model.SshPrivateKey;
import io.hsmgate.model.TlsCertificate;
import io.hsmgate.model.TlsCertificateInput;
import java.util.Arrays;

/** The four configuration item kinds, bound to the model's calls. */
final class ItemResources {

    static final String HSM_CONNECTIONS = "/hsm-connections";
    static final String PRIVATE_KEYS = "/private-keys";
    static final String TLS_CERTIFICATES = "/tls-certificates";
    static final String PROXY_SERVERS = "/proxy-servers";

    private ItemResources() {
    }

    static ItemResource<HsmConnection, HsmConnectionInput> connections(ConfigurationService model) {
        return new ItemResource<>(HSM_CONNECTIONS, ItemType.HSM_CONNECTION, HsmConnectionInput.class,
                model::connections, model::connection, model::createConnection, model::updateConnection,
                model::deleteConnection, HsmConnection::id, HsmConnection::version, input -> wipe(input.pin()));
    }

    static ItemResource<SshPrivateKey, PrivateKeyInput> privateKeys(ConfigurationService model) {
        return new ItemResource<>(PRIVATE_KEYS, ItemType.PRIVATE_KEY, PrivateKeyInput.class,
                model::privateKeys, model::privateKey, model::createPrivateKey, model::updatePrivateKey,
                model::deletePrivateKey, SshPrivateKey::id, SshPrivateKey::version, input -> wipe(input.privateKeyPem()));
    }

    static ItemResource<TlsCertificate, TlsCertificateInput> tlsCertificates(ConfigurationService model) {
        return new ItemResource<>(TLS_CERTIFICATES, ItemType.TLS_CERTIFICATE, TlsCertificateInput.class,
                model::tlsCertificates, model::tlsCertificate, model::createTlsCertificate,
                model::updateTlsCertificate, model::deleteTlsCertificate, TlsCertificate::id, TlsCertificate::version,
                input -> wipe(input.privateKeyPem()));
    }

    static ItemResource<ProxyServer, ProxyServerInput> proxyServers(ConfigurationService model) {
        return new ItemResource<>(PROXY_SERVERS, ItemType.PROXY_SERVER, ProxyServerInput.class,
                model::proxyServers, model::proxyServer, model::createProxyServer, model::updateProxyServer,
                model::deleteProxyServer, ProxyServer::id, ProxyServer::version, input -> { });
    }

    static void wipe(char[] secret) {
        if (secret != null) {
            Arrays.fill(secret, '\0');
        }
    }
}
