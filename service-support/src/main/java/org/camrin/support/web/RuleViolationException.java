package org.camrin.support.web;

/**
 * A command that is well formed but not allowed in the current state of the aggregate, such as an
 * illegal status move. Answered with 409 Conflict; the subclass name becomes the problem type.
 */
public abstract class RuleViolationException extends RuntimeException {

    protected RuleViolationException(String message) {
        super(message);
    }
}
