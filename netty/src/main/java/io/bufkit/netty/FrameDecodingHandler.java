package io.bufkit.netty;

import io.bufkit.ByteView;
import io.bufkit.frame.FrameDecoder;
import io.bufkit.frame.FrameFormat;
import io.bufkit.frame.FrameHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.DecoderException;
import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.function.Function;

/**
 * A pipeline handler that splits the {@code ByteBuf}s a channel reads into frames of any
 * {@link FrameFormat} — length field, varint length, delimiters, lines, fixed length — in place of Netty's
 * {@code LengthFieldBasedFrameDecoder}, {@code DelimiterBasedFrameDecoder}, {@code LineBasedFrameDecoder}
 * or {@code FixedLengthFrameDecoder}, with bufkit's single-copy accumulation instead of Netty's cumulation.
 *
 * <pre>{@code
 * FrameFormat format = FrameFormat.lengthField().lengthWidth(2).stripBytes(2).build();
 * pipeline.addLast(FrameDecodingHandler.decoding(format, SENSOR_CODEC::decode));   // fires owned records
 * pipeline.addLast(FrameDecodingHandler.owned(format));                           // fires owned Bytes
 * pipeline.addLast(FrameDecodingHandler.borrowed(format, frame -> ...));          // borrowed frames
 * }</pre>
 *
 * <p>A frame inside one {@code ByteBuf} is read straight from its memory; only a frame split across reads
 * is gathered, each byte copied once, in the decoder's accumulator. Every {@code ByteBuf} read is released
 * before {@code channelRead} returns. {@link #borrowed} lends each frame to a {@link FrameHandler} on the
 * event loop, <em>borrowed</em> until it returns; {@link #owned} and {@link #decoding} fire <em>owned</em>
 * messages down the pipeline, which may be kept or handed to another executor.
 *
 * <p>Errors and {@code ByteToMessageDecoder} compatibility are those of {@link TlvDecodingHandler}: a
 * malformed frame is reported once as a {@link CorruptedFrameException} whose cause is bufkit's
 * {@link io.bufkit.frame.FrameException} (naming the stream offset), after which reads are released and
 * dropped; an exception for one frame (from a borrowed handler or a {@code decode} function) is fired as a
 * {@link DecoderException} and decoding goes on after that frame; a stream ending inside a frame is
 * reported at {@code channelInactive}. Not sharable: one handler per channel.
 */
public final class FrameDecodingHandler extends InboundFraming {

    private final FrameDecoder decoder;
    private final Function<ChannelHandlerContext, FrameHandler> delivery;
    private FrameHandler frames;

    private FrameDecodingHandler(FrameFormat format, Function<ChannelHandlerContext, FrameHandler> delivery) {
        this.decoder = new FrameDecoder(Objects.requireNonNull(format, "format"));
        this.delivery = delivery;
    }

    /**
     * A handler that calls {@code handler} on the event loop for every frame, borrowed.
     *
     * @param format the stream's format
     * @param handler called for each frame; the frame is <em>borrowed</em> until it returns
     * @return a new handler for one channel
     */
    public static FrameDecodingHandler borrowed(FrameFormat format, FrameHandler handler) {
        Objects.requireNonNull(handler, "handler");
        return new FrameDecodingHandler(format, ctx -> handler);
    }

    /**
     * A handler that fires every frame down the pipeline as an owned {@link io.bufkit.Bytes} copy.
     *
     * @param format the stream's format
     * @return a new handler for one channel
     */
    public static FrameDecodingHandler owned(FrameFormat format) {
        return new FrameDecodingHandler(format, ctx -> FrameHandler.owned(ctx::fireChannelRead));
    }

    /**
     * A handler that fires what {@code decode} makes of every frame down the pipeline.
     *
     * @param format the stream's format
     * @param decode turns a <em>borrowed</em> frame into an owned message, such as a record decoded by a
     *     {@link io.bufkit.layout.PacketCodec}; it must not keep the frame; {@code null} fires nothing
     * @return a new handler for one channel
     */
    public static FrameDecodingHandler decoding(FrameFormat format, Function<? super ByteView, ?> decode) {
        Objects.requireNonNull(decode, "decode");
        return new FrameDecodingHandler(format, ctx -> frame -> {
            Object message = decode.apply(frame);
            if (message != null) {
                ctx.fireChannelRead(message);
            }
        });
    }

    /**
     * How many bytes of a partial frame are buffered, waiting for the next read.
     *
     * @return the buffered byte count
     */
    public int bufferedBytes() {
        return decoder.bufferedBytes();
    }

    /**
     * Binds the frame delivery to this handler's context.
     *
     * @param ctx this handler's context
     */
    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        FrameHandler target = delivery.apply(ctx);
        frames = frame -> {
            produced = true;
            target.onFrame(frame);
        };
    }

    @Override
    void feed(byte[] array, int offset, int length) {
        decoder.feed(array, offset, length, frames);
    }

    @Override
    void feed(ByteBuffer buffer) {
        decoder.feed(buffer, frames);
    }

    @Override
    void finish() {
        decoder.finish();
    }

    @Override
    boolean decoderFailed() {
        return decoder.isFailed();
    }

    @Override
    long streamOffset() {
        return decoder.streamOffset();
    }
}
