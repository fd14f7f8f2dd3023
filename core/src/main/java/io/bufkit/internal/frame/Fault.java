package io.bufkit.internal.frame;

/** What a {@link Framing} found wrong with a frame's header; mapped to a public exception by the engine's owner. */
public enum Fault {
    /** The frame is longer than the format's maximum; the value is the frame's length. */
    TOO_LONG,
    /** No delimiter within the format's maximum frame length; the value is -1 (the length is not known). */
    NO_DELIMITER,
    /** A length field read as a negative number (eight-byte fields); the value is the field. */
    NEGATIVE_LENGTH,
    /** The adjusted frame length is shorter than the header up to the end of the length field. */
    SHORTER_THAN_HEADER,
    /** The adjusted frame length is shorter than the bytes to strip. */
    SHORTER_THAN_STRIP,
    /** A varint length runs past its maximum number of bytes, or above 2<sup>32</sup>-1. */
    MALFORMED_VARINT,
    /** A type field of 0, which a TLV format forbids; the value is 0. */
    ZERO_TYPE
}
