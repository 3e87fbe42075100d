package io.hsmgate.runtime;

/**
 * One step of a connection test.
 *
 * @param name what was tried, e.g. "login"
 * @param ok whether it worked
 * @param millis how long it took
 * @param detail what was found, or what to fix when it failed (never a PIN)
 */
public record TestStep(String name, boolean ok, long millis, String detail) {
}
