package io.hsmgate.pkcs11.internal.token;

import com.sun.jna.Memory;
import com.sun.jna.NativeLong;
import io.hsmgate.pkcs11.HsmException;
import io.hsmgate.pkcs11.internal.binding.Ck;
import io.hsmgate.pkcs11.internal.binding.Cryptoki;
import io.hsmgate.pkcs11.internal.binding.Structs;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads attributes of one object. Attributes the token will not reveal (ulValueLen = -1) are left out. When a
 * multi-attribute read fails with FUNCTION_FAILED or GENERAL_ERROR (nShield does this), or the vendor profile
 * says so, reads one attribute at a time.
 */
final class AttributeReader {
    private final Cryptoki cryptoki;
    private final NativeLong session;
    private final boolean oneAtATime;

    AttributeReader(Cryptoki cryptoki, NativeLong session, boolean oneAtATime) {
        this.cryptoki = cryptoki;
        this.session = session;
        this.oneAtATime = oneAtATime;
    }

    /** @return the values of the attributes the token revealed, by CKA_ type */
    Map<Long, byte[]> read(long object, long... types) throws HsmException {
        if (!oneAtATime) {
            try {
                return readTogether(object, types);
            } catch (RetryOneByOne e) {
                // fall through
            }
        }
        Map<Long, byte[]> values = new HashMap<>();
        for (long type : types) {
            try {
                values.putAll(readTogether(object, type));
            } catch (RetryOneByOne e) {
                // this attribute cannot be read: leave it out
            }
        }
        return values;
    }

    private static final class RetryOneByOne extends Exception {
        private static final long serialVersionUID = 1L;

        RetryOneByOne() {
            super(null, null, false, false);
        }
    }

    private Map<Long, byte[]> readTogether(long object, long... types) throws HsmException, RetryOneByOne {
        Memory template = Structs.zeroed(Structs.TRIPLE_SIZE * types.length);
        for (int i = 0; i < types.length; i++) {
            Structs.putTriple(template, i, types[i], null, 0);
        }
        long rv = cryptoki.getAttributeValue(session, object, template, types.length);
        // SENSITIVE / TYPE_INVALID still fill in the lengths of the other attributes
        if (rv != Ck.CKR_OK && rv != Ck.CKR_ATTRIBUTE_SENSITIVE && rv != Ck.CKR_ATTRIBUTE_TYPE_INVALID) {
            if (rv == Ck.CKR_FUNCTION_FAILED || rv == Ck.CKR_GENERAL_ERROR) {
                throw new RetryOneByOne();
            }
            cryptoki.check("C_GetAttributeValue", rv);
        }
        Memory[] buffers = new Memory[types.length];
        for (int i = 0; i < types.length; i++) {
            long length = Structs.tripleLength(template, i);
            if (length == Ck.UNAVAILABLE_INFORMATION || length < 0 || length > 1 << 20) {
                Structs.putTriple(template, i, types[i], null, 0);
                continue;
            }
            buffers[i] = new Memory(Math.max(1, length));
            Structs.putTriple(template, i, types[i], buffers[i], length);
        }
        rv = cryptoki.getAttributeValue(session, object, template, types.length);
        if (rv != Ck.CKR_OK && rv != Ck.CKR_ATTRIBUTE_SENSITIVE && rv != Ck.CKR_ATTRIBUTE_TYPE_INVALID) {
            if (rv == Ck.CKR_FUNCTION_FAILED || rv == Ck.CKR_GENERAL_ERROR) {
                throw new RetryOneByOne();
            }
            cryptoki.check("C_GetAttributeValue", rv);
        }
        Map<Long, byte[]> values = new HashMap<>();
        for (int i = 0; i < types.length; i++) {
            long length = Structs.tripleLength(template, i);
            if (buffers[i] != null && length != Ck.UNAVAILABLE_INFORMATION && length >= 0) {
                values.put(types[i], buffers[i].getByteArray(0, (int) length));
            }
        }
        return values;
    }

    static long ulong(byte[] value) {
        if (value == null) {
            return -1;
        }
        Memory m = new Memory(Cryptoki.UL);
        m.write(0, value, 0, Math.min(value.length, Cryptoki.UL));
        return Cryptoki.getUlong(m, 0);
    }

    static Boolean bool(byte[] value) {
        return value == null || value.length == 0 ? null : value[0] != 0;
    }
}
