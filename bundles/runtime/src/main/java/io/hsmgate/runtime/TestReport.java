package io.hsmgate.runtime;

import java.util.List;

/**
 * The outcome of a connection test: the steps in order, up to and including the first failure.
 *
 * @param ok whether every step passed
 * @param steps the steps run
 */
public record TestReport(boolean ok, List<TestStep> steps) {

    public TestReport {
        steps = List.copyOf(steps);
    }
}
