package io.hsmgate.model;

import java.util.Arrays;
import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * What a caller gives to create or update a TLS certificate. Not in an HSM: {@code certificateChainPem} (leaf
 * first) and {@code privateKeyPem} are required on create and must match; on update either may be omitted to
 * keep the stored one (the pair is checked again). The key array is copied, never cleared by the model.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TlsCertificateInput(
        String name,
        String description,
        Boolean storeInHsm,
        UUID hsmConnectionId,
        String ckaId,
        String ckaLabel,
        String certificateChainPem,
        char[] privateKeyPem) {

    @Override
    public boolean equals(Object other) {
        return other instanceof TlsCertificateInput that && Objects.equals(name, that.name)
                && Objects.equals(description, that.description) && Objects.equals(storeInHsm, that.storeInHsm)
                && Objects.equals(hsmConnectionId, that.hsmConnectionId) && Objects.equals(ckaId, that.ckaId)
                && Objects.equals(ckaLabel, that.ckaLabel)
                && Objects.equals(certificateChainPem, that.certificateChainPem)
                && Arrays.equals(privateKeyPem, that.privateKeyPem);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, hsmConnectionId, ckaId, ckaLabel, certificateChainPem);
    }

    /** Never shows the key material. */
    @Override
    public String toString() {
        return "TlsCertificateInput[name=" + name + ", storeInHsm=" + storeInHsm + ", hsmConnectionId="
                + hsmConnectionId + ", ckaId=" + ckaId + ", ckaLabel=" + ckaLabel + ", certificateChainPem="
                + (certificateChainPem == null ? "absent" : "(given)") + ", privateKeyPem="
                + (privateKeyPem == null ? "absent" : "(given)") + "]";
    }
}
