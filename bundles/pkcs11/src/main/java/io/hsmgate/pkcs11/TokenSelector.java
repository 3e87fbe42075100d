package io.hsmgate.pkcs11;

import java.util.Objects;

/**
 * Which token a connection uses: exactly one of serial number, label or slot id. Resolved again on every
 * (re)initialisation, because slot ids are not stable across vendors.
 *
 * @param kind what {@code value} is
 * @param value the serial or label (compared blank-trimmed), or the slot id in decimal
 */
public record TokenSelector(Kind kind, String value) {

    /** What a selector matches on. */
    public enum Kind { SERIAL, LABEL, SLOT }

    public TokenSelector {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
        value = value.strip();
        if (value.isEmpty()) {
            throw new IllegalArgumentException("a token " + kind.name().toLowerCase() + " must not be blank");
        }
        if (kind == Kind.SLOT) {
            Long.parseUnsignedLong(value);
        }
    }

    /** @return a selector matching the token whose serial number is {@code serial} (blank-trimmed) */
    public static TokenSelector bySerial(String serial) {
        return new TokenSelector(Kind.SERIAL, serial);
    }

    /** @return a selector matching the one token labelled {@code label} (blank-trimmed); several are an error */
    public static TokenSelector byLabel(String label) {
        return new TokenSelector(Kind.LABEL, label);
    }

    /** @return a selector matching the token in slot {@code slotId} */
    public static TokenSelector bySlot(long slotId) {
        return new TokenSelector(Kind.SLOT, Long.toUnsignedString(slotId));
    }

    @Override
    public String toString() {
        return "token " + kind.name().toLowerCase() + " '" + value + "'";
    }
}
