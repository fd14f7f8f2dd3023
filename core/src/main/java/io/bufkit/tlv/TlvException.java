package io.bufkit.tlv;

/**
 * A TLV stream or frame that cannot be decoded: the base of the specific exceptions of this package,
 * each of which names what is wrong, where and why.
 */
public abstract sealed class TlvException extends RuntimeException
        permits MalformedFrameException, TruncatedFrameException, FrameLengthMismatchException,
        UnknownFrameTypeException {
    private static final long serialVersionUID = 1L;

    TlvException(String message) {
        super(message);
    }
}
