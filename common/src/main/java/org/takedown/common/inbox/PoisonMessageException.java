package org.takedown.common.inbox;

/** A message that can never be processed, however often it is delivered: it goes to the dead-letter address. */
public class PoisonMessageException extends Exception {

    public PoisonMessageException(String message) {
        super(message);
    }
}
