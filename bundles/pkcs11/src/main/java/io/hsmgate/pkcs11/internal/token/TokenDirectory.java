package io.hsmgate.pkcs11.internal.token;

import com.sun.jna.Memory;
import io.hsmgate.pkcs11.HsmConfigurationException;
import io.hsmgate.pkcs11.HsmException;
import io.hsmgate.pkcs11.SlotDescription;
import io.hsmgate.pkcs11.TokenDescription;
import io.hsmgate.pkcs11.TokenSelector;
import io.hsmgate.pkcs11.internal.binding.Ck;
import io.hsmgate.pkcs11.internal.binding.Cryptoki;
import io.hsmgate.pkcs11.internal.binding.Mechanisms;
import io.hsmgate.pkcs11.internal.binding.Structs;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Slot and token discovery, and resolving a {@link TokenSelector} to the one token it names. */
public final class TokenDirectory {
    private final Cryptoki cryptoki;

    public TokenDirectory(Cryptoki cryptoki) {
        this.cryptoki = cryptoki;
    }

    /** Every slot (size-queried, retried on CKR_BUFFER_TOO_SMALL), never filtered on CKF_TOKEN_INITIALIZED. */
    public List<SlotDescription> slots() throws HsmException {
        List<SlotDescription> result = new ArrayList<>();
        for (long slot : slotIds()) {
            Memory info = Structs.zeroed(Structs.SLOT_INFO_SIZE);
            cryptoki.check("C_GetSlotInfo", cryptoki.getSlotInfo(slot, info));
            long flags = Cryptoki.getUlong(info, Structs.SLOT_FLAGS);
            TokenDescription token = (flags & Ck.CKF_TOKEN_PRESENT) != 0 ? token(slot) : null;
            result.add(new SlotDescription(slot, Structs.text(info, 0, 64),
                    Structs.text(info, Structs.SLOT_MANUFACTURER, 32), flags, token));
        }
        return result;
    }

    long[] slotIds() throws HsmException {
        Memory count = Structs.zeroed(Cryptoki.UL);
        for (int attempt = 0; ; attempt++) {
            cryptoki.check("C_GetSlotList", cryptoki.getSlotList(true, null, count));
            long n = Cryptoki.getUlong(count, 0);
            if (n == 0) {
                return new long[0];
            }
            Memory ids = new Memory(n * Cryptoki.UL);
            long rv = cryptoki.getSlotList(true, ids, count);
            if (rv == Ck.CKR_BUFFER_TOO_SMALL && attempt < 3) {
                continue; // a slot appeared between the two calls
            }
            cryptoki.check("C_GetSlotList", rv);
            n = Cryptoki.getUlong(count, 0);
            long[] result = new long[(int) n];
            for (int i = 0; i < n; i++) {
                result[i] = Cryptoki.getUlong(ids, (long) i * Cryptoki.UL);
            }
            return result;
        }
    }

    /** The token in {@code slot}, with its mechanisms. */
    public TokenDescription token(long slot) throws HsmException {
        Memory info = Structs.zeroed(Structs.TOKEN_INFO_SIZE);
        cryptoki.check("C_GetTokenInfo", cryptoki.getTokenInfo(slot, info));
        return new TokenDescription(slot, Structs.text(info, Structs.TOKEN_LABEL, 32),
                Structs.text(info, Structs.TOKEN_SERIAL, 16), Structs.text(info, Structs.TOKEN_MODEL, 16),
                Structs.text(info, Structs.TOKEN_MANUFACTURER, 32), Cryptoki.getUlong(info, Structs.TOKEN_FLAGS),
                Cryptoki.getUlong(info, Structs.TOKEN_MAX_SESSIONS), Cryptoki.getUlong(info, Structs.TOKEN_SESSIONS),
                Cryptoki.getUlong(info, Structs.TOKEN_MIN_PIN), Cryptoki.getUlong(info, Structs.TOKEN_MAX_PIN),
                mechanisms(slot));
    }

    /** Re-reads only the token flags (for the PIN guard, just before logging in). */
    public long tokenFlags(long slot) throws HsmException {
        Memory info = Structs.zeroed(Structs.TOKEN_INFO_SIZE);
        cryptoki.check("C_GetTokenInfo", cryptoki.getTokenInfo(slot, info));
        return Cryptoki.getUlong(info, Structs.TOKEN_FLAGS);
    }

    private List<String> mechanisms(long slot) throws HsmException {
        Memory count = Structs.zeroed(Cryptoki.UL);
        cryptoki.check("C_GetMechanismList", cryptoki.getMechanismList(slot, null, count));
        long n = Cryptoki.getUlong(count, 0);
        if (n == 0) {
            return List.of();
        }
        Memory list = new Memory(n * Cryptoki.UL);
        cryptoki.check("C_GetMechanismList", cryptoki.getMechanismList(slot, list, count));
        n = Math.min(n, Cryptoki.getUlong(count, 0));
        List<String> names = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            names.add(Mechanisms.name(Cryptoki.getUlong(list, (long) i * Cryptoki.UL)));
        }
        return names;
    }

    /**
     * @throws HsmConfigurationException if nothing matches, or a label matches several tokens
     */
    public TokenDescription resolve(TokenSelector selector) throws HsmException {
        List<TokenDescription> matches = new ArrayList<>();
        List<TokenDescription> seen = new ArrayList<>();
        for (long slot : slotIds()) {
            if (selector.kind() == TokenSelector.Kind.SLOT && slot != Long.parseUnsignedLong(selector.value())) {
                continue;
            }
            TokenDescription token;
            try {
                token = token(slot);
            } catch (HsmException e) {
                if (selector.kind() == TokenSelector.Kind.SLOT) {
                    throw e;
                }
                continue; // a token that went away between the slot list and C_GetTokenInfo
            }
            seen.add(token);
            boolean match = switch (selector.kind()) {
                case SERIAL -> token.serial().equals(selector.value());
                case LABEL -> token.label().equals(selector.value());
                case SLOT -> true;
            };
            if (match) {
                matches.add(token);
            }
        }
        if (matches.isEmpty()) {
            throw new HsmConfigurationException("no " + selector + " among " + seen.size() + " tokens (labels: "
                    + seen.stream().map(t -> "'" + t.label() + "'").collect(Collectors.joining(", ")) + ")");
        }
        if (matches.size() > 1) {
            throw new HsmConfigurationException("the " + selector + " is ambiguous: tokens with serials "
                    + matches.stream().map(TokenDescription::serial).collect(Collectors.joining(", "))
                    + " match; select by serial instead");
        }
        return matches.get(0);
    }
}
