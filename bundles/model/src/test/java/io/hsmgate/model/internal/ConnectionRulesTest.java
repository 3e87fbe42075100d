package io.hsmgate.model.internal;

import static io.hsmgate.model.internal.Fixture.ALICE;
import static io.hsmgate.model.internal.Fixture.connection;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.hsmgate.model.ConflictException;
import io.hsmgate.model.FieldError;
import io.hsmgate.model.HsmConnection;
import io.hsmgate.model.HsmConnectionInput;
import io.hsmgate.model.UserType;
import io.hsmgate.model.ValidationException;

class ConnectionRulesTest {

    private final Fixture fixture = new Fixture();

    private List<FieldError> errorsOf(HsmConnectionInput input) {
        return assertThrows(ValidationException.class, () -> fixture.service.createConnection(input, ALICE)).errors();
    }

    private static HsmConnectionInput input(String name, String description, String libraryPath, String serial,
            String label, Long slot, Boolean authenticate, String pin, UserType userType, Integer maxSessions,
            Integer timeout, String vendor) {
        return new HsmConnectionInput(name, description, libraryPath, serial, label, slot, authenticate,
                pin == null ? null : pin.toCharArray(), userType, maxSessions, timeout, vendor);
    }

    @Test
    void createsWithDefaultsAndNormalisedFields() throws Exception {
        HsmConnection created = fixture.service.createConnection(input("  Primary HSM  ", "  ", "lib/libsofthsm2.so",
                null, "my token   ", null, null, "1234", UserType.USER, null, null, null), ALICE);
        assertEquals("Primary HSM", created.name());
        assertNull(created.description());
        assertEquals("my token", created.tokenLabel());
        assertTrue(created.authenticate());
        assertTrue(created.pinSet());
        assertEquals(1024, created.maxSessions());
        assertEquals(30, created.connectionTimeoutSeconds());
        assertEquals(1, created.version());
        assertEquals(Fixture.T0, created.createdAt());
        assertEquals(Fixture.T0, created.updatedAt());
        assertEquals(List.of(created), fixture.service.connections());
    }

    @Test
    void reportsEveryProblemAtOnceEachNamingItsField() {
        List<FieldError> errors = errorsOf(input(" ", "x".repeat(1001), "", null, "label", 7L, true, null, null, 0,
                86401, "Luna!"));
        assertEquals(List.of(
                new FieldError("name", "name is required"),
                new FieldError("description", "description has at most 1000 characters; got 1001"),
                new FieldError("libraryPath", "libraryPath is required: the PKCS#11 library file, absolute or relative"
                        + " to the server's working directory"),
                new FieldError("tokenLabel,slotNumber",
                        "give exactly one of token serial number, token label, slot number; got token label and slot"
                                + " number"),
                new FieldError("pin", "pin is required when authenticate is true"),
                new FieldError("userType", "userType is required when authenticate is true; give USER or SO"),
                new FieldError("maxSessions", "maxSessions must be between 1 and 65535; got 0"),
                new FieldError("connectionTimeoutSeconds",
                        "connectionTimeoutSeconds must be between 0 (no limit) and 86400; got 86401"),
                new FieldError("vendor", "vendor must be an adapter id: lower-case letters, digits, '.', '_' or '-',"
                        + " at most 64 characters; got \"Luna!\"")), errors);
    }

    @Test
    void noTokenSelectorIsNamedAsNone() {
        assertEquals(List.of(new FieldError("tokenSerialNumber,tokenLabel,slotNumber",
                "give exactly one of token serial number, token label, slot number; got none")),
                errorsOf(input("a", null, "/lib.so", null, "   ", null, false, null, null, null, null, null)));
    }

    @Test
    void allThreeTokenSelectors() {
        assertEquals("give exactly one of token serial number, token label, slot number; got token serial number and"
                + " token label and slot number",
                errorsOf(input("a", null, "/lib.so", "123", "l", 1L, false, null, null, null, null, null)).get(0)
                        .message());
    }

    @Test
    void tokenSelectorLimits() {
        assertEquals(List.of(new FieldError("tokenSerialNumber", "tokenSerialNumber has at most 16 characters; got 17")),
                errorsOf(input("a", null, "/lib.so", "12345678901234567", null, null, false, null, null, null, null,
                        null)));
        // 11 three-byte characters: 33 bytes although only 11 characters
        assertEquals(List.of(new FieldError("tokenLabel", "tokenLabel has at most 32 bytes in UTF-8; got 33")),
                errorsOf(input("a", null, "/lib.so", null, "€€€€€€€€€€€", null, false, null, null, null, null, null)));
        assertEquals(List.of(new FieldError("slotNumber", "slotNumber must be between 0 and 4294967295; got 4294967296")),
                errorsOf(input("a", null, "/lib.so", null, null, 4294967296L, false, null, null, null, null, null)));
        assertEquals(List.of(new FieldError("slotNumber", "slotNumber must be between 0 and 4294967295; got -1")),
                errorsOf(input("a", null, "/lib.so", null, null, -1L, false, null, null, null, null, null)));
    }

    @Test
    void limitsThatAreAllowed() throws Exception {
        HsmConnection created = fixture.service.createConnection(input("n".repeat(100), "d".repeat(1000), "/lib.so",
                null, null, 4294967295L, false, null, null, 65535, 0, "luna-7"), ALICE);
        assertEquals(4294967295L, created.slotNumber());
        assertEquals(0, created.connectionTimeoutSeconds());
        assertFalse(created.pinSet());
        assertNull(created.userType());
        assertEquals("luna-7", created.vendor());
        HsmConnection label32 = fixture.service.createConnection(input("b", null, "/lib.so", null,
                "x".repeat(32) + "   ", null, false, null, null, 1, 86400, null), ALICE);
        assertEquals("x".repeat(32), label32.tokenLabel());
    }

    @Test
    void nameLengthAndControlCharacters() {
        assertEquals(List.of(new FieldError("name", "name has at most 100 characters; got 101")),
                errorsOf(input("n".repeat(101), null, "/lib.so", "1", null, null, false, null, null, null, null, null)));
        assertEquals(List.of(new FieldError("name", "name must not contain control characters such as line breaks or"
                + " tabs")), errorsOf(input("a\nb", null, "/lib.so", "1", null, null, false, null, null, null, null,
                        null)));
    }

    @Test
    void pinAndUserTypeOnlyWhenAuthenticating() {
        assertEquals(List.of(new FieldError("pin", "give no pin when authenticate is false"),
                new FieldError("userType", "give no userType when authenticate is false")),
                errorsOf(input("a", null, "/lib.so", "1", null, null, false, "1234", UserType.SO, null, null, null)));
        assertEquals(List.of(new FieldError("pin", "pin must not be empty")),
                errorsOf(input("a", null, "/lib.so", "1", null, null, true, "", UserType.SO, null, null, null)));
        assertEquals(List.of(new FieldError("pin", "pin has at most 255 characters; got 256")),
                errorsOf(input("a", null, "/lib.so", "1", null, null, true, "p".repeat(256), UserType.SO, null, null,
                        null)));
    }

    @Test
    void libraryPathMustBeAPath() {
        assertEquals("libraryPath", errorsOf(input("a", null, "/lib\0.so", "1", null, null, false, null, null, null,
                null, null)).get(0).field());
    }

    @Test
    void libraryPathMayNotClimbOutOfADirectory() {
        for (String traversal : new String[] {"/usr/lib/../../etc/passwd", "../libsofthsm2.so", "lib/../../x.so"}) {
            FieldError error = errorsOf(input("a", null, traversal, "1", null, null, false, null, null, null, null, null)).get(0);
            assertEquals("libraryPath", error.field());
            assertEquals("libraryPath must name the library file directly; '..' segments are not allowed", error.message());
        }
        assertEquals("libraryPath must not contain control characters",
                errorsOf(input("a", null, "/usr/lib/x\n.so", "1", null, null, false, null, null, null, null, null))
                        .get(0).message());
        HsmConnectionInput dotted = input("dots", null, "/usr/lib/..softhsm/lib.so", "1", null, null, false, null, null, null, null, null);
        assertDoesNotThrow(() -> fixture.service.createConnection(dotted, ALICE), "a name that merely starts with two dots is a name");
    }

    @Test
    void namesAreUniqueIgnoringCase() throws Exception {
        HsmConnection first = fixture.service.createConnection(connection("Primary"), ALICE);
        ConflictException conflict = assertThrows(ConflictException.class,
                () -> fixture.service.createConnection(connection("PRIMARY"), ALICE));
        assertEquals("name", conflict.field());
        assertEquals("another HSM connection is already named \"Primary\" (id " + first.id() + "); names are unique"
                + " ignoring case", conflict.getMessage());
        // renaming to its own name in another case is fine
        HsmConnection renamed = fixture.service.updateConnection(first.id(), 1, connection("PRIMARY"), ALICE);
        assertEquals("PRIMARY", renamed.name());
    }

    @Test
    void inputNeverShowsPinAndIsNotChanged() throws Exception {
        HsmConnectionInput input = connection("a");
        assertFalse(input.toString().contains("1234"));
        fixture.service.createConnection(input, ALICE);
        assertArrayEquals("1234".toCharArray(), input.pin());
        assertFalse(fixture.service.connections().get(0).toString().contains("1234"));
    }
}
