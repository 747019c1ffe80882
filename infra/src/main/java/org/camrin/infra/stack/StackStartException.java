package org.camrin.infra.stack;

/**
 * Signals that a server of the local stack could not start. The message is meant for the person
 * starting the stack: it names the port, directory or file involved and what to do next.
 */
public class StackStartException extends RuntimeException {

    public StackStartException(String message) {
        super(message);
    }

    public StackStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
