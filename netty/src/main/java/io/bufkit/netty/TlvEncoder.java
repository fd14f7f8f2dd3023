package io.bufkit.netty;

import io.bufkit.MutableByteView;
import io.bufkit.tlv.TlvCodecRegistry;
import io.bufkit.tlv.TlvFormat;
import io.bufkit.tlv.TlvFrame;
import io.bufkit.tlv.TlvWriter;
import java.util.Objects;

/**
 * A pipeline handler that encodes outbound {@link TlvFrame}s, and messages of a {@link TlvCodecRegistry},
 * into TLV frames in {@code ByteBuf}s — the encoding side of {@link TlvDecodingHandler}.
 *
 * <pre>{@code
 * pipeline.addLast(TlvEncoder.records(registry));   // ctx.write(new Ack(...)) sends a type-3 frame
 * }</pre>
 *
 * <p>Each frame is written in place into a buffer of exactly the frame's size from the channel's allocator
 * (direct when the transport prefers it): the header by {@link TlvWriter}, the value by the registry's codec
 * straight into the buffer's memory, with no intermediate array. A frame the format cannot carry (a type
 * out of range, a value too long) fails the write's promise with an {@code EncoderException} whose cause
 * names the reason; the buffer is released. Messages this encoder does not handle (other classes,
 * {@code ByteBuf}s) pass through. Not sharable: one encoder per channel.
 */
public final class TlvEncoder extends InPlaceEncoder {

    private final TlvWriter writer;
    private final TlvCodecRegistry registry;

    private TlvEncoder(TlvFormat format, TlvCodecRegistry registry) {
        this.writer = new TlvWriter(format);
        this.registry = registry;
    }

    /**
     * An encoder of {@link TlvFrame}s.
     *
     * @param format the stream's format
     * @return a new encoder
     */
    public static TlvEncoder frames(TlvFormat format) {
        return new TlvEncoder(Objects.requireNonNull(format, "format"), null);
    }

    /**
     * An encoder of the registry's messages, each in a frame of its registered type, and of
     * {@link TlvFrame}s.
     *
     * @param registry the codecs by frame type; its format is the stream's format
     * @return a new encoder
     */
    public static TlvEncoder records(TlvCodecRegistry registry) {
        return new TlvEncoder(registry.format(), registry);
    }

    @Override
    boolean accepts(Object msg) {
        if (msg instanceof TlvFrame) {
            return true;
        }
        if (registry == null) {
            return false;
        }
        try {
            registry.frameSize(msg);
            return true;
        } catch (IllegalArgumentException notRegistered) {
            return false;
        }
    }

    @Override
    int frameSize(Object msg) {
        if (msg instanceof TlvFrame) {
            return writer.format().frameSize(((TlvFrame) msg).value().length());
        }
        return registry.frameSize(msg);
    }

    @Override
    void write(Object msg, MutableByteView out) {
        if (msg instanceof TlvFrame) {
            TlvFrame frame = (TlvFrame) msg;
            writer.write(frame.type(), frame.value().view(), out, 0);
        } else {
            registry.write(msg, out, 0);
        }
    }
}
