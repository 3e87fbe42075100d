package io.hsmgate.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.hsmgate.model.ConflictException;
import io.hsmgate.model.FieldError;
import io.hsmgate.model.ItemRef;
import io.hsmgate.model.ItemType;
import io.hsmgate.model.NotFoundException;
import io.hsmgate.model.ReferencedException;
import io.hsmgate.model.StorageException;
import io.hsmgate.model.ValidationException;
import io.hsmgate.pkcs11.HsmException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ErrorMapperTest {

    private static final UUID ID = UUID.randomUUID();

    @Test
    void modelRefusalsAreClientErrors() {
        ErrorMapper.Answer invalid = map(new ValidationException(List.of(new FieldError("tokenLabel,slotNumber", "give one"))));
        assertEquals(400, invalid.status());
        assertEquals("tokenLabel,slotNumber", invalid.body().fieldErrors().get(0).field());

        ErrorMapper.Answer stale = map(new ConflictException("version", "changed meanwhile"));
        assertEquals(409, stale.status());
        assertEquals("version", stale.body().fieldErrors().get(0).field());

        ItemRef connection = new ItemRef(ItemType.HSM_CONNECTION, ID, "a");
        ItemRef proxy = new ItemRef(ItemType.PROXY_SERVER, UUID.randomUUID(), "p");
        ErrorMapper.Answer referenced = map(new ReferencedException(connection, List.of(proxy)));
        assertEquals(409, referenced.status());
        assertEquals(ErrorBody.REFERENCED, referenced.body().error());
        assertEquals(List.of(proxy), referenced.body().referencedBy());

        ErrorMapper.Answer missing = map(new NotFoundException(ItemType.PRIVATE_KEY, ID));
        assertEquals(404, missing.status());
        assertNull(missing.body().referencedBy());
    }

    @Test
    void serverFailuresAre5xxAndUnexpectedOnesSayNothingInside() {
        assertEquals(500, map(new StorageException("disk full")).status());
        assertEquals(502, map(new HsmException("library failed", null)).status());
        ErrorMapper.Answer bug = map(new IllegalStateException("internal detail 1234"));
        assertEquals(500, bug.status());
        assertEquals(ErrorBody.INTERNAL_ERROR, bug.body().error());
        assertFalse(bug.body().message().contains("1234"));
    }

    @Test
    void apiRefusalsKeepTheirStatus() {
        ErrorMapper.Answer tooLarge = map(new ApiException(413, ErrorBody.PAYLOAD_TOO_LARGE, "too large"));
        assertEquals(413, tooLarge.status());
        assertEquals(List.of(), tooLarge.body().fieldErrors());
    }

    private static ErrorMapper.Answer map(Throwable failure) {
        return ErrorMapper.map(failure, "GET", "/test");
    }
}
