package io.hsmgate.model.spi;

/** A secret sealed by the {@link SecretBox}: opaque text, safe to write to disk. */
public record SealedSecret(String value) {

    @Override
    public String toString() {
        return "SealedSecret[...]";
    }
}
