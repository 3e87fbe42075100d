package io.hsmgate.console.internal;

import io.hsmgate.model.Actor;
import io.hsmgate.model.ConfigurationException;
import io.hsmgate.model.ConfigurationService;
import io.hsmgate.model.HsmConnection;
import io.hsmgate.model.PrivateKeyInput;
import io.hsmgate.model.SshPrivateKey;
import jakarta.servlet.Servlet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.felix.webconsole.servlet.ServletConstants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Authentication &gt; Private Keys: SSH private keys, stored in an HSM or as sealed PEM. */
@Component(service = Servlet.class, property = {
        ServletConstants.PLUGIN_LABEL + "=" + ItemLinks.PRIVATE_KEYS,
        ServletConstants.PLUGIN_TITLE + "=Private Keys",
        ServletConstants.PLUGIN_CATEGORY + "=Authentication"
})
public final class PrivateKeysPage extends ItemPage<SshPrivateKey> {

    private static final long serialVersionUID = 1L;
    private static final List<String> FIELDS = Stream.concat(Stream.of("name", "description", "privateKeyPem"),
            HsmCredentialFields.FIELDS.stream()).toList();

    private final transient ConfigurationService configuration;

    @Activate
    public PrivateKeysPage(@Reference CsrfTokens csrf, @Reference ConfigurationService configuration) {
        super(csrf);
        this.configuration = configuration;
    }

    @Override
    String label() {
        return ItemLinks.PRIVATE_KEYS;
    }

    @Override
    String itemTitle() {
        return "Private Key";
    }

    @Override
    String pageTitle() {
        return "Private Keys";
    }

    @Override
    List<String> fields() {
        return FIELDS;
    }

    @Override
    List<SshPrivateKey> items() {
        return configuration.privateKeys();
    }

    @Override
    Optional<SshPrivateKey> item(UUID id) {
        return configuration.privateKey(id);
    }

    @Override
    UUID id(SshPrivateKey item) {
        return item.id();
    }

    @Override
    String name(SshPrivateKey item) {
        return item.name();
    }

    @Override
    long version(SshPrivateKey item) {
        return item.version();
    }

    @Override
    FormState defaults() {
        return new FormState().put("storeInHsm", true);
    }

    @Override
    FormState formOf(SshPrivateKey k) {
        return new FormState().put("name", k.name()).put("description", k.description()).put("storeInHsm", k.storeInHsm())
                .put("hsmConnectionId", k.hsmConnectionId()).put("ckaId", k.ckaId()).put("ckaLabel", k.ckaLabel());
    }

    @Override
    String formRows(FormState s, boolean editing) {
        return FormHtml.row("Name", "name", FormHtml.input("text", "name", s, "required maxlength=\"200\""), s, null)
                + FormHtml.row("Description", "description", FormHtml.input("text", "description", s, null), s, null)
                + HsmCredentialFields.rows(s, configuration.connections())
                + HsmCredentialFields.pemRow("Private key (PEM)", "privateKeyPem", s, true, editing
                        ? "Leave blank to keep the stored key." : "PKCS#8, PKCS#1 (RSA) or SEC1 (EC); sealed in the store.",
                        HsmCredentialFields.PEM_ONLY);
    }

    @Override
    SshPrivateKey save(UUID id, long version, FormState state, Function<String, String> parameter, Actor actor)
            throws ConfigurationException {
        HsmCredentialFields.Location at = HsmCredentialFields.read(state);
        char[] pem = at.storeInHsm() ? null : HsmCredentialFields.pem(parameter.apply("privateKeyPem"));
        try {
            if (state.hasErrors()) {
                return null;
            }
            PrivateKeyInput input = new PrivateKeyInput(state.asString("name"), state.asString("description"),
                    at.storeInHsm(), at.hsmConnectionId(), at.ckaId(), at.ckaLabel(), pem);
            return id == null ? configuration.createPrivateKey(input, actor)
                    : configuration.updatePrivateKey(id, version, input, actor);
        } finally {
            clear(pem);
        }
    }

    @Override
    void delete(UUID id, long version, Actor actor) throws ConfigurationException {
        configuration.deletePrivateKey(id, version, actor);
    }

    @Override
    List<String> listHeaders() {
        return List.of("Description", "Stored", "HSM Connection", "CKA_ID", "CKA_LABEL", "Algorithm", "Updated At");
    }

    @Override
    List<Object> listCells(SshPrivateKey k) {
        return java.util.Arrays.asList(k.description(), k.storeInHsm() ? "in HSM" : "sealed PEM",
                connectionName(k.hsmConnectionId()), k.ckaId(), k.ckaLabel(), k.keyAlgorithm(), Html.time(k.updatedAt()));
    }

    @Override
    List<Object[]> detailRows(SshPrivateKey k) {
        return List.of(new Object[] {"Description", k.description()},
                new Object[] {"Store in HSM", k.storeInHsm() ? "yes" : "no"},
                new Object[] {"HSM Connection", connectionName(k.hsmConnectionId())},
                new Object[] {"CKA_ID", k.ckaId()}, new Object[] {"CKA_LABEL", k.ckaLabel()},
                new Object[] {"Key algorithm", k.keyAlgorithm()},
                new Object[] {"Created At", Html.time(k.createdAt())}, new Object[] {"Updated At", Html.time(k.updatedAt())});
    }

    private String connectionName(UUID id) {
        return id == null ? "" : configuration.connection(id).map(HsmConnection::name).orElse(id.toString());
    }
}
