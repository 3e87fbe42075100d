package io.hsmgate.runtime.internal;

/** A library path the policy refuses; the message says why and what to do. */
final class LibraryPathException extends Exception {

    private static final long serialVersionUID = 1L;

    LibraryPathException(String message) {
        super(message);
    }
}
