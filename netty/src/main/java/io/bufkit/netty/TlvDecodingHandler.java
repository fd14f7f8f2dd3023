package io.bufkit.netty;

import io.bufkit.tlv.TlvCodecRegistry;
import io.bufkit.tlv.TlvDecoder;
import io.bufkit.tlv.TlvFormat;
import io.bufkit.tlv.TlvFrame;
import io.bufkit.tlv.TlvHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.DecoderException;
import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.function.Function;

/**
 * A pipeline handler that decodes TLV frames from the {@link io.netty.buffer.ByteBuf}s a channel reads, in
 * place of a {@code ByteToMessageDecoder} such as {@code LengthFieldBasedFrameDecoder}, with bufkit's single-copy
 * accumulation instead of Netty's cumulation buffer.
 *
 * <pre>{@code
 * pipeline.addLast(TlvDecodingHandler.records(registry));          // fires owned records
 * pipeline.addLast(TlvDecodingHandler.owned(TlvFormat.STANDARD));  // fires owned TlvFrames
 * pipeline.addLast(TlvDecodingHandler.borrowed(TlvFormat.STANDARD, (type, value) -> ...)); // borrowed values
 * }</pre>
 *
 * <p><b>Zero copy, one copy at most.</b> Each {@code ByteBuf} is fed to a {@link TlvDecoder} where it
 * lies: a frame inside one buffer is read straight from the buffer's memory (heap or direct); only a frame
 * split across reads is gathered in the decoder's own array, each byte copied once, into an array sized
 * for the frame when its header arrives. Netty's cumulation instead copies every byte that does not end a
 * read into a growing buffer, and a frame decoder then slices or copies each frame again. Every
 * {@code ByteBuf} read is released before {@code channelRead} returns; the handler keeps no Netty buffer.
 *
 * <p><b>Ownership of what comes out.</b> {@link #borrowed} calls a {@link TlvHandler} on the event loop
 * with each frame's value <em>borrowed</em>: a view of the {@code ByteBuf} or of the accumulator, stale
 * (throwing {@link io.bufkit.StaleViewException}) once the handler returns, before the buffer is
 * released. {@link #owned} and {@link #records} fire <em>owned</em> messages ({@link TlvFrame}s with a
 * copied value, or records built by the registry's codecs) down the pipeline, so they may be kept or
 * handed to another executor; they are not reference-counted.
 *
 * <p><b>Errors.</b> A malformed frame header is reported once as a {@link CorruptedFrameException} whose
 * cause is bufkit's {@link io.bufkit.tlv.MalformedFrameException} (naming the stream offset); the handler
 * then releases and drops everything the channel reads until it is replaced. An exception thrown for one
 * frame — by a borrowed handler, or a registry's {@link io.bufkit.tlv.UnknownFrameTypeException} — is
 * fired as {@code exceptionCaught} (wrapped in a {@link DecoderException} unless it is one) and decoding
 * goes on after that frame. A stream that ends inside a frame ({@code channelInactive}, or input shutdown)
 * is reported as a {@link CorruptedFrameException} caused by {@link io.bufkit.tlv.TruncatedFrameException};
 * Netty's {@code LengthFieldBasedFrameDecoder} drops such a frame silently.
 *
 * <p><b>Compatibility with {@code ByteToMessageDecoder}.</b> Messages that are not {@code ByteBuf}s pass
 * through; {@code channelReadComplete} asks for another read when no frame came out of a read and auto-read
 * is off; the end of input is decoded before {@code channelInactive} is passed on. Unlike
 * {@code ByteToMessageDecoder}, a partial frame buffered when the handler is removed from the pipeline is
 * dropped, not fired as a {@code ByteBuf}. Not sharable: one handler per channel.
 */
public final class TlvDecodingHandler extends InboundFraming {

    private final TlvDecoder decoder;
    private final Function<ChannelHandlerContext, TlvHandler> delivery;
    private TlvHandler frames;

    private TlvDecodingHandler(TlvFormat format, Function<ChannelHandlerContext, TlvHandler> delivery) {
        this.decoder = new TlvDecoder(Objects.requireNonNull(format, "format"));
        this.delivery = delivery;
    }

    /**
     * A handler that calls {@code handler} on the event loop for every frame, with the value borrowed.
     *
     * @param format the stream's format
     * @param handler called for each frame; the value is <em>borrowed</em> until it returns
     * @return a new handler for one channel
     */
    public static TlvDecodingHandler borrowed(TlvFormat format, TlvHandler handler) {
        Objects.requireNonNull(handler, "handler");
        return new TlvDecodingHandler(format, ctx -> handler);
    }

    /**
     * A handler that fires every frame down the pipeline as a {@link TlvFrame} with an owned copy of its
     * value.
     *
     * @param format the stream's format
     * @return a new handler for one channel
     */
    public static TlvDecodingHandler owned(TlvFormat format) {
        return new TlvDecodingHandler(format, ctx -> TlvHandler.owned(ctx::fireChannelRead));
    }

    /**
     * A handler that decodes every frame with the registry's codec for its type and fires the message
     * down the pipeline; a frame of an unregistered type is reported as {@code exceptionCaught}.
     *
     * @param registry the codecs by frame type; its format is the stream's format
     * @return a new handler for one channel
     */
    public static TlvDecodingHandler records(TlvCodecRegistry registry) {
        return new TlvDecodingHandler(registry.format(), ctx -> registry.dispatcher(ctx::fireChannelRead));
    }

    /**
     * How many bytes of a partial frame are buffered, waiting for the next read.
     *
     * @return the buffered byte count, header included
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
        TlvHandler target = delivery.apply(ctx);
        frames = (type, value) -> {
            produced = true;
            target.onFrame(type, value);
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
