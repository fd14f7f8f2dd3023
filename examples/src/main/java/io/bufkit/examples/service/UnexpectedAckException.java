package io.bufkit.examples.service;

/**
 * Thrown by the load client when the server's acknowledgements do not match the frames sent: one out of
 * sequence, one for the wrong frame type, or one for a frame not sent yet.
 */
final class UnexpectedAckException extends RuntimeException {

    /** Serialization version. */
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what was expected and what arrived, on which connection
     */
    UnexpectedAckException(String message) {
        super(message);
    }
}
