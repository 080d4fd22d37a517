package org.takedown.common.event;

/** The message is not a valid event of the contract: bad JSON, a missing required field, or an unknown type. */
public class MalformedEventException extends Exception {

    public MalformedEventException(String message) {
        super(message);
    }
}
