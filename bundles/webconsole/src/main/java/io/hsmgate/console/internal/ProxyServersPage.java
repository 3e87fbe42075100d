package io.hsmgate.console.internal;

import io.hsmgate.model.Actor;
import io.hsmgate.model.ConfigurationException;
import io.hsmgate.model.ConfigurationService;
import io.hsmgate.model.FieldError;
import io.hsmgate.model.HsmConnection;
import io.hsmgate.model.ProxyServer;
import io.hsmgate.model.ProxyServerInput;
import io.hsmgate.model.SshPrivateKey;
import io.hsmgate.model.TlsCertificate;
import io.hsmgate.proxy.ProxyServers;
import jakarta.servlet.Servlet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.apache.felix.webconsole.servlet.ServletConstants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Authentication &gt; Proxy Servers: which HSM connection, TLS certificate and SSH host key a proxy server uses,
 * its TLS and SSH listeners, and what the proxy bundle reports about it now. The proxy bundle is optional here:
 * while it is stopped the page still edits the configuration and says that no proxy runs.
 */
@Component(service = Servlet.class, property = {
        ServletConstants.PLUGIN_LABEL + "=" + ItemLinks.PROXY_SERVERS,
        ServletConstants.PLUGIN_TITLE + "=Proxy Servers",
        ServletConstants.PLUGIN_CATEGORY + "=Authentication"
})
public final class ProxyServersPage extends ItemPage<ProxyServer> {

    private static final long serialVersionUID = 1L;

    private final transient ConfigurationService configuration;
    /** Null while the proxy bundle is not running; greedy, so the page picks it up when that bundle starts. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile ProxyServers proxyServers;

    @Activate
    public ProxyServersPage(@Reference CsrfTokens csrf, @Reference ConfigurationService configuration) {
        super(csrf);
        this.configuration = configuration;
    }

    @Override
    String label() {
        return ItemLinks.PROXY_SERVERS;
    }

    @Override
    String itemTitle() {
        return "Proxy Server";
    }

    @Override
    String pageTitle() {
        return "Proxy Servers";
    }

    @Override
    List<String> fields() {
        return ProxyServerForm.FIELDS;
    }

    @Override
    List<ProxyServer> items() {
        return configuration.proxyServers();
    }

    @Override
    Optional<ProxyServer> item(UUID id) {
        return configuration.proxyServer(id);
    }

    @Override
    UUID id(ProxyServer item) {
        return item.id();
    }

    @Override
    String name(ProxyServer item) {
        return item.name();
    }

    @Override
    long version(ProxyServer item) {
        return item.version();
    }

    @Override
    FormState defaults() {
        return ProxyServerForm.defaults();
    }

    @Override
    FormState formOf(ProxyServer p) {
        return ProxyServerForm.of(p);
    }

    @Override
    String formRows(FormState s, boolean editing) {
        List<String> connections = new ArrayList<>(List.of("", "(choose)"));
        configuration.connections().forEach(c -> connections.addAll(List.of(c.id().toString(), c.name())));
        List<String> certificates = new ArrayList<>(List.of("", "(none)"));
        configuration.tlsCertificates().forEach(c -> certificates.addAll(List.of(c.id().toString(), c.name())));
        List<String> keys = new ArrayList<>(List.of("", "(none)"));
        configuration.privateKeys().forEach(k -> keys.addAll(List.of(k.id().toString(), k.name())));
        return FormHtml.row("Name", "name", FormHtml.input("text", "name", s, "required maxlength=\"200\""), s, null)
                + FormHtml.row("Description", "description", FormHtml.input("text", "description", s, null), s, null)
                + FormHtml.row("HSM Connection", "hsmConnectionId",
                        FormHtml.select("hsmConnectionId", s, connections.toArray(String[]::new)), s, null)
                + FormHtml.row("TLS certificate", "tlsCertificateId",
                        FormHtml.select("tlsCertificateId", s, certificates.toArray(String[]::new)), s,
                        "A certificate stored in an HSM must be on this proxy's HSM connection.")
                + FormHtml.row("SSH host key", "sshHostKeyId",
                        FormHtml.select("sshHostKeyId", s, keys.toArray(String[]::new)), s,
                        "A private key from Authentication > Private Keys.")
                + ProxyServerForm.listenerRows(s);
    }

    @Override
    ProxyServer save(UUID id, long version, FormState state, Function<String, String> parameter, Actor actor)
            throws ConfigurationException {
        ProxyServerInput input = ProxyServerForm.input(state);
        if (state.hasErrors()) {
            return null;
        }
        return id == null ? configuration.createProxyServer(input, actor)
                : configuration.updateProxyServer(id, version, input, actor);
    }

    @Override
    List<FieldError> formErrors(FormState state, List<FieldError> errors) {
        return ProxyServerForm.formErrors(state, errors);
    }

    @Override
    void delete(UUID id, long version, Actor actor) throws ConfigurationException {
        configuration.deleteProxyServer(id, version, actor);
    }

    @Override
    List<String> listHeaders() {
        return List.of("Description", "HSM Connection", "TLS certificate", "SSH host key", "Listeners", "Status",
                "Updated At");
    }

    @Override
    List<Object> listCells(ProxyServer p) {
        return Arrays.asList(p.description(), connectionName(p.hsmConnectionId()), certificateName(p.tlsCertificateId()),
                keyName(p.sshHostKeyId()), ProxyServerViews.listenersCell(p),
                ProxyServerViews.stateCell(proxyServers, p.id()), Html.time(p.updatedAt()));
    }

    @Override
    List<Object[]> detailRows(ProxyServer p) {
        return List.of(new Object[] {"Description", p.description()},
                new Object[] {"HSM Connection", connectionName(p.hsmConnectionId())},
                new Object[] {"TLS certificate", certificateName(p.tlsCertificateId())},
                new Object[] {"SSH host key", keyName(p.sshHostKeyId())},
                new Object[] {"Listeners", ProxyServerViews.listenersCell(p)},
                new Object[] {"Created At", Html.time(p.createdAt())}, new Object[] {"Updated At", Html.time(p.updatedAt())});
    }

    @Override
    String detailsExtra(ProxyServer p) {
        return ProxyServerViews.liveStatus(proxyServers, p.id());
    }

    private String connectionName(UUID id) {
        return id == null ? "" : configuration.connection(id).map(HsmConnection::name).orElse(id.toString());
    }

    private String certificateName(UUID id) {
        return id == null ? "" : configuration.tlsCertificate(id).map(TlsCertificate::name).orElse(id.toString());
    }

    private String keyName(UUID id) {
        return id == null ? "" : configuration.privateKey(id).map(SshPrivateKey::name).orElse(id.toString());
    }
}
