package io.hsmgate.model;

import java.util.Arrays;
import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * What a caller gives to create or update a private key. {@code storeInHsm} null means false. When not in an
 * HSM, {@code privateKeyPem} (PKCS#8 "PRIVATE KEY", PKCS#1 "RSA PRIVATE KEY" or SEC1 "EC PRIVATE KEY") is
 * required on create and may be omitted on update to keep the stored key. The array is copied, never cleared
 * by the model.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PrivateKeyInput(
        String name,
        String description,
        Boolean storeInHsm,
        UUID hsmConnectionId,
        String ckaId,
        String ckaLabel,
        char[] privateKeyPem) {

    @Override
    public boolean equals(Object other) {
        return other instanceof PrivateKeyInput that && Objects.equals(name, that.name)
                && Objects.equals(description, that.description) && Objects.equals(storeInHsm, that.storeInHsm)
                && Objects.equals(hsmConnectionId, that.hsmConnectionId) && Objects.equals(ckaId, that.ckaId)
                && Objects.equals(ckaLabel, that.ckaLabel) && Arrays.equals(privateKeyPem, that.privateKeyPem);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, hsmConnectionId, ckaId, ckaLabel);
    }

    /** Never shows the key material. */
    @Override
    public String toString() {
        return "PrivateKeyInput[name=" + name + ", storeInHsm=" + storeInHsm + ", hsmConnectionId=" + hsmConnectionId
                + ", ckaId=" + ckaId + ", ckaLabel=" + ckaLabel + ", privateKeyPem="
                + (privateKeyPem == null ? "absent" : "(given)") + "]";
    }
}
