package io.hsmgate.console.internal;

import io.hsmgate.model.Actor;
import io.hsmgate.model.ConfigurationException;
import io.hsmgate.model.ConfigurationService;
import io.hsmgate.model.HsmConnection;
import io.hsmgate.model.TlsCertificate;
import io.hsmgate.model.TlsCertificateInput;
import jakarta.servlet.Servlet;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.felix.webconsole.servlet.ServletConstants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Authentication &gt; TLS Certificates: certificate chains whose private key is in an HSM or sealed in the store. */
@Component(service = Servlet.class, property = {
        ServletConstants.PLUGIN_LABEL + "=" + ItemLinks.TLS_CERTIFICATES,
        ServletConstants.PLUGIN_TITLE + "=TLS Certificates",
        ServletConstants.PLUGIN_CATEGORY + "=Authentication"
})
public final class TlsCertificatesPage extends ItemPage<TlsCertificate> {

    private static final long serialVersionUID = 1L;
    private static final List<String> FIELDS = Stream.concat(Stream.of("name", "description", "certificateChainPem",
            "privateKeyPem"), HsmCredentialFields.FIELDS.stream()).toList();

    private final transient ConfigurationService configuration;

    @Activate
    public TlsCertificatesPage(@Reference CsrfTokens csrf, @Reference ConfigurationService configuration) {
        super(csrf);
        this.configuration = configuration;
    }

    @Override
    String label() {
        return ItemLinks.TLS_CERTIFICATES;
    }

    @Override
    String itemTitle() {
        return "TLS Certificate";
    }

    @Override
    String pageTitle() {
        return "TLS Certificates";
    }

    @Override
    List<String> fields() {
        return FIELDS;
    }

    @Override
    List<TlsCertificate> items() {
        return configuration.tlsCertificates();
    }

    @Override
    Optional<TlsCertificate> item(UUID id) {
        return configuration.tlsCertificate(id);
    }

    @Override
    UUID id(TlsCertificate item) {
        return item.id();
    }

    @Override
    String name(TlsCertificate item) {
        return item.name();
    }

    @Override
    long version(TlsCertificate item) {
        return item.version();
    }

    @Override
    FormState defaults() {
        return new FormState().put("storeInHsm", true);
    }

    @Override
    FormState formOf(TlsCertificate c) {
        return new FormState().put("name", c.name()).put("description", c.description()).put("storeInHsm", c.storeInHsm())
                .put("hsmConnectionId", c.hsmConnectionId()).put("ckaId", c.ckaId()).put("ckaLabel", c.ckaLabel())
                .put("certificateChainPem", c.certificateChainPem());
    }

    @Override
    String formRows(FormState s, boolean editing) {
        return FormHtml.row("Name", "name", FormHtml.input("text", "name", s, "required maxlength=\"200\""), s, null)
                + FormHtml.row("Description", "description", FormHtml.input("text", "description", s, null), s, null)
                + HsmCredentialFields.rows(s, configuration.connections())
                + HsmCredentialFields.pemRow("Certificate chain (PEM)", "certificateChainPem", s, false,
                        "Leaf certificate first. Optional when the key is in the HSM.", null)
                + HsmCredentialFields.pemRow("Private key (PEM)", "privateKeyPem", s, true, editing
                        ? "Leave blank to keep the stored key." : "Must match the leaf certificate; sealed in the store.",
                        HsmCredentialFields.PEM_ONLY);
    }

    @Override
    TlsCertificate save(UUID id, long version, FormState state, Function<String, String> parameter, Actor actor)
            throws ConfigurationException {
        HsmCredentialFields.Location at = HsmCredentialFields.read(state);
        char[] key = at.storeInHsm() ? null : HsmCredentialFields.pem(parameter.apply("privateKeyPem"));
        try {
            if (state.hasErrors()) {
                return null;
            }
            TlsCertificateInput input = new TlsCertificateInput(state.asString("name"), state.asString("description"),
                    at.storeInHsm(), at.hsmConnectionId(), at.ckaId(), at.ckaLabel(),
                    state.asString("certificateChainPem"), key);
            return id == null ? configuration.createTlsCertificate(input, actor)
                    : configuration.updateTlsCertificate(id, version, input, actor);
        } finally {
            clear(key);
        }
    }

    @Override
    void delete(UUID id, long version, Actor actor) throws ConfigurationException {
        configuration.deleteTlsCertificate(id, version, actor);
    }

    @Override
    List<String> listHeaders() {
        return List.of("Description", "Stored", "HSM Connection", "CKA_ID", "CKA_LABEL", "Subject", "Not After", "Updated At");
    }

    @Override
    List<Object> listCells(TlsCertificate c) {
        return Arrays.asList(c.description(), c.storeInHsm() ? "in HSM" : "sealed PEM", connectionName(c.hsmConnectionId()),
                c.ckaId(), c.ckaLabel(), c.subject(), Html.time(c.notAfter()), Html.time(c.updatedAt()));
    }

    @Override
    List<Object[]> detailRows(TlsCertificate c) {
        return List.of(new Object[] {"Description", c.description()},
                new Object[] {"Store in HSM", c.storeInHsm() ? "yes" : "no"},
                new Object[] {"HSM Connection", connectionName(c.hsmConnectionId())},
                new Object[] {"CKA_ID", c.ckaId()}, new Object[] {"CKA_LABEL", c.ckaLabel()},
                new Object[] {"Subject", c.subject()}, new Object[] {"Not After", Html.time(c.notAfter())},
                new Object[] {"Certificate chain", c.certificateChainPem()},
                new Object[] {"Created At", Html.time(c.createdAt())}, new Object[] {"Updated At", Html.time(c.updatedAt())});
    }

    private String connectionName(UUID id) {
        return id == null ? "" : configuration.connection(id).map(HsmConnection::name).orElse(id.toString());
    }
}
