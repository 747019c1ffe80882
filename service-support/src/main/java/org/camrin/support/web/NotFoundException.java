package org.camrin.support.web;

/** A resource that does not exist, answered with 404. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
