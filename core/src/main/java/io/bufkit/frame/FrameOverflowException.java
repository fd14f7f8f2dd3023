package io.bufkit.frame;

import java.nio.BufferOverflowException;

/**
 * Thrown by {@link FrameWriter} and {@link io.bufkit.tlv.TlvWriter} when a frame does not fit in the room
 * left in a destination buffer; nothing is written. A {@link BufferOverflowException}, so code that catches
 * that still does, with a message naming the buffer's position, the bytes needed and the bytes available.
 */
public final class FrameOverflowException extends BufferOverflowException {
    private static final long serialVersionUID = 1L;

    /** The destination's position. */
    private final int position;
    /** The frame's size. */
    private final int needed;
    /** The bytes remaining in the destination. */
    private final int available;

    /**
     * Creates the exception.
     *
     * @param position the destination's position, where the frame would start
     * @param needed the frame's size
     * @param available the bytes remaining in the destination
     */
    public FrameOverflowException(int position, int needed, int available) {
        this.position = position;
        this.needed = needed;
        this.available = available;
    }

    /**
     * Names where the frame would start, how many bytes it needs and how many are available.
     *
     * @return the message
     */
    @Override
    public String getMessage() {
        return "a frame of " + needed + " byte(s) does not fit at position " + position + ": only " + available
                + " byte(s) remain in the buffer";
    }

    /**
     * Where the frame would have started.
     *
     * @return the destination's position
     */
    public int position() {
        return position;
    }

    /**
     * How many bytes the frame needs.
     *
     * @return the frame's size
     */
    public int needed() {
        return needed;
    }

    /**
     * How many bytes remained in the destination.
     *
     * @return the byte count
     */
    public int available() {
        return available;
    }
}
