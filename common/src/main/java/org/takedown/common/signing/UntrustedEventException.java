package org.takedown.common.signing;

/** The event's source is not on the trust list, or its signature does not verify. */
public class UntrustedEventException extends Exception {

    public UntrustedEventException(String message) {
        super(message);
    }
}
