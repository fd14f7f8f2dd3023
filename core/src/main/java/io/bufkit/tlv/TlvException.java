package io.bufkit.tlv;

/**
 * A TLV stream or frame that cannot be decoded: the base of the specific exceptions of this package,
 * each of which names what is wrong, where and why.
 */
public abstract sealed class TlvException extends RuntimeException
        permits MalformedFrameException, TruncatedFrameException, RejectedFrameException {
    private static final long serialVersionUID = 1L;

    TlvException(String message) {
        super(message);
    }

    /**
     * Called by {@link TlvDecoder} when this exception leaves a handler during {@code feed}: tells it that
     * the frame whose handler threw ends at stream offset {@code end}. The registry's exceptions, which
     * name the frame they reject but cannot know its offset, record where it starts; the others already
     * carry their offset, or have none, and ignore it.
     *
     * @param end the stream offset right after the frame whose handler threw
     * @param headerSize the header size of the decoder's format
     */
    void locateFrameEndingAt(long end, int headerSize) {
    }

    /**
     * Called by {@link TlvDecoder} when this exception leaves its {@link TlvHeaderCheck}: the frame whose
     * header was rejected starts at stream offset {@code start}. The registry's exceptions record it; the
     * others ignore it.
     *
     * @param start the stream offset of the frame's first header byte
     */
    void locateFrameStartingAt(long start) {
    }
}
