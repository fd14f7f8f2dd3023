package io.bufkit.tlv;

/**
 * Sees each frame's header the moment a {@link TlvDecoder} has read it — type and value length known, none
 * of the value buffered yet — and may reject the frame by throwing. Given to
 * {@link TlvDecoder#TlvDecoder(TlvFormat, TlvHeaderCheck)}; {@link TlvCodecRegistry#headerCheck()} gives
 * one that rejects value lengths no registered message of the type has.
 *
 * <p>A check that throws fails the decoder until {@link TlvDecoder#reset()}, so a peer that announces a
 * frame that cannot be right costs the receiver no more than its header.
 */
@FunctionalInterface
public interface TlvHeaderCheck {

    /**
     * Checks one frame header.
     *
     * @param type the frame's type; with a four-byte type field, the unsigned 32-bit type in an {@code int}
     * @param valueLength the value length the header announces, already within the format's maximum
     * @throws RuntimeException to reject the frame, preferably a {@link TlvException} such as
     *     {@link FrameLengthMismatchException}, which the decoder gives the frame's stream offset
     */
    void checkHeader(int type, int valueLength);
}
