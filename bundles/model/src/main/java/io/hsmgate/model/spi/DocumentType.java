package io.hsmgate.model.spi;

import java.util.List;

import io.hsmgate.model.ProxyServer;

/**
 * The kinds of document a store keeps, each a collection of documents keyed by id. The {@link #name()} is a
 * stable identifier a store may use for file or table names; {@link #documentClass()} is what it reads back.
 *
 * @param <T> the document record
 */
public final class DocumentType<T> {

    public static final DocumentType<ConnectionDocument> HSM_CONNECTIONS =
            new DocumentType<>("hsm-connections", ConnectionDocument.class);
    public static final DocumentType<PrivateKeyDocument> PRIVATE_KEYS =
            new DocumentType<>("private-keys", PrivateKeyDocument.class);
    public static final DocumentType<TlsCertificateDocument> TLS_CERTIFICATES =
            new DocumentType<>("tls-certificates", TlsCertificateDocument.class);
    public static final DocumentType<ProxyServer> PROXY_SERVERS =
            new DocumentType<>("proxy-servers", ProxyServer.class);
    /** Holds one document, id {@link #RUNNING_ID}: the current running revision. */
    public static final DocumentType<RunningDocument> RUNNING = new DocumentType<>("running", RunningDocument.class);
    public static final DocumentType<DesiredStateDocument> DESIRED_STATES =
            new DocumentType<>("desired-states", DesiredStateDocument.class);

    public static final String RUNNING_ID = "current";

    private static final List<DocumentType<?>> ALL =
            List.of(HSM_CONNECTIONS, PRIVATE_KEYS, TLS_CERTIFICATES, PROXY_SERVERS, RUNNING, DESIRED_STATES);

    private final String name;
    private final Class<T> documentClass;

    private DocumentType(String name, Class<T> documentClass) {
        this.name = name;
        this.documentClass = documentClass;
    }

    public static List<DocumentType<?>> all() {
        return ALL;
    }

    public String name() {
        return name;
    }

    public Class<T> documentClass() {
        return documentClass;
    }

    @Override
    public String toString() {
        return name;
    }
}
