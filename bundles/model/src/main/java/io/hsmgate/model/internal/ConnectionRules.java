package io.hsmgate.model.internal;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import io.hsmgate.model.HsmConnection;
import io.hsmgate.model.HsmConnectionInput;
import io.hsmgate.model.UserType;

/** The rules for one HSM connection's fields, and their defaults. */
final class ConnectionRules {

    static final int DEFAULT_MAX_SESSIONS = 1024;
    static final int MAX_MAX_SESSIONS = 65535;
    static final int DEFAULT_TIMEOUT_SECONDS = 30;
    static final int MAX_TIMEOUT_SECONDS = 86400;
    static final int MAX_SERIAL_LENGTH = 16;
    static final int MAX_LABEL_BYTES = 32;
    static final long MAX_SLOT = 4294967295L;
    static final int MAX_PIN_LENGTH = 255;
    static final int MAX_LIBRARY_PATH_LENGTH = 4096;
    private static final Pattern VENDOR = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    private ConnectionRules() {
    }

    /**
     * Validates {@code input} and returns the normalised connection with the given identity fields.
     * {@code pinStored} says whether a PIN is already stored (on update), so an omitted PIN is fine.
     */
    static HsmConnection normalise(HsmConnectionInput input, UUID id, Instant createdAt, Instant updatedAt, long version,
            boolean pinStored, FieldErrors errors) {
        String name = Texts.name(input.name(), errors);
        String description = Texts.description(input.description(), errors);
        String libraryPath = libraryPath(input.libraryPath(), errors);

        String serial = Texts.optional(input.tokenSerialNumber());
        String label = tokenLabel(input.tokenLabel());
        Long slot = input.slotNumber();
        tokenSelector(serial, label, slot, errors);

        boolean authenticate = input.authenticate() == null || input.authenticate();
        UserType userType = input.userType();
        char[] pin = input.pin();
        if (authenticate) {
            if (pin == null && !pinStored) {
                errors.add("pin", "pin is required when authenticate is true");
            } else if (pin != null && pin.length == 0) {
                errors.add("pin", "pin must not be empty");
            } else if (pin != null && pin.length > MAX_PIN_LENGTH) {
                errors.add("pin", "pin has at most " + MAX_PIN_LENGTH + " characters; got " + pin.length);
            }
            if (userType == null) {
                errors.add("userType", "userType is required when authenticate is true; give USER or SO");
            }
        } else {
            if (pin != null) {
                errors.add("pin", "give no pin when authenticate is false");
            }
            if (userType != null) {
                errors.add("userType", "give no userType when authenticate is false");
            }
        }

        int maxSessions = input.maxSessions() == null ? DEFAULT_MAX_SESSIONS : input.maxSessions();
        if (maxSessions < 1 || maxSessions > MAX_MAX_SESSIONS) {
            errors.add("maxSessions", "maxSessions must be between 1 and " + MAX_MAX_SESSIONS + "; got " + maxSessions);
        }
        int timeout = input.connectionTimeoutSeconds() == null ? DEFAULT_TIMEOUT_SECONDS
                : input.connectionTimeoutSeconds();
        if (timeout < 0 || timeout > MAX_TIMEOUT_SECONDS) {
            errors.add("connectionTimeoutSeconds", "connectionTimeoutSeconds must be between 0 (no limit) and "
                    + MAX_TIMEOUT_SECONDS + "; got " + timeout);
        }
        String vendor = Texts.optional(input.vendor());
        if (vendor != null && !VENDOR.matcher(vendor).matches()) {
            errors.add("vendor", "vendor must be an adapter id: lower-case letters, digits, '.', '_' or '-', at most 64"
                    + " characters; got " + Texts.quoted(vendor));
        }
        boolean pinSet = authenticate && (pin != null || pinStored);
        return new HsmConnection(id, name, description, libraryPath, serial, label, slot, authenticate,
                authenticate ? userType : null, pinSet, maxSessions, timeout, vendor, createdAt, updatedAt, version);
    }

    private static String libraryPath(String raw, FieldErrors errors) {
        String path = Texts.optional(raw);
        if (path == null) {
            errors.add("libraryPath", "libraryPath is required: the PKCS#11 library file, absolute or relative to the"
                    + " server's working directory");
            return null;
        }
        if (path.length() > MAX_LIBRARY_PATH_LENGTH) {
            errors.add("libraryPath", "libraryPath has at most " + MAX_LIBRARY_PATH_LENGTH + " characters; got "
                    + path.length());
            return path;
        }
        try {
            Path parsed = Path.of(path);
            for (Path segment : parsed) {
                if (segment.toString().equals("..")) {
                    // loading a library runs its code: name the file itself, never a way out of a directory
                    errors.add("libraryPath", "libraryPath must name the library file directly; '..' segments are not allowed");
                    break;
                }
            }
            if (path.chars().anyMatch(Character::isISOControl)) {
                errors.add("libraryPath", "libraryPath must not contain control characters");
            }
        } catch (InvalidPathException e) {
            errors.add("libraryPath", "libraryPath is not a valid file path: " + e.getReason());
        }
        return path;
    }

    /** PKCS#11 pads labels with blanks, so trailing blanks never distinguish two labels. */
    private static String tokenLabel(String raw) {
        if (raw == null) {
            return null;
        }
        String label = raw.stripTrailing();
        return label.isEmpty() ? null : label;
    }

    private static void tokenSelector(String serial, String label, Long slot, FieldErrors errors) {
        List<String> given = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        if (serial != null) {
            given.add("token serial number");
            fields.add("tokenSerialNumber");
        }
        if (label != null) {
            given.add("token label");
            fields.add("tokenLabel");
        }
        if (slot != null) {
            given.add("slot number");
            fields.add("slotNumber");
        }
        if (given.size() != 1) {
            String got = given.isEmpty() ? "none" : String.join(" and ", given);
            String field = given.isEmpty() ? "tokenSerialNumber,tokenLabel,slotNumber" : String.join(",", fields);
            errors.add(field, "give exactly one of token serial number, token label, slot number; got " + got);
        }
        if (serial != null && serial.length() > MAX_SERIAL_LENGTH) {
            errors.add("tokenSerialNumber", "tokenSerialNumber has at most " + MAX_SERIAL_LENGTH + " characters; got "
                    + serial.length());
        }
        if (label != null && Texts.utf8Length(label) > MAX_LABEL_BYTES) {
            errors.add("tokenLabel", "tokenLabel has at most " + MAX_LABEL_BYTES + " bytes in UTF-8; got "
                    + Texts.utf8Length(label));
        }
        if (slot != null && (slot < 0 || slot > MAX_SLOT)) {
            errors.add("slotNumber", "slotNumber must be between 0 and " + MAX_SLOT + "; got " + slot);
        }
    }
}
