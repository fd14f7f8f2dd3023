package io.bufkit.testkit.netty;

import io.bufkit.testkit.ChunkProperty;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.CompositeByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The chunk-boundary property of a Netty pipeline handler: whatever reads a channel delivers, the messages
 * that come out of the handler are the same, and every {@code ByteBuf} read is released.
 *
 * <pre>{@code
 * @Test
 * void framesSurviveEveryChunking() {
 *     ChannelChunkProperty.of(() -> TlvDecodingHandler.owned(TlvFormat.STANDARD), frame -> frame)
 *             .checkAll(TlvStreams.streams(TlvFormat.STANDARD, 8, 300),
 *                     frames -> TlvStreams.encode(TlvFormat.STANDARD, frames), frames -> frames);
 * }
 * }</pre>
 *
 * <p>Every decoding runs on a new {@link EmbeddedChannel} with new handlers: each chunk is copied into a
 * new {@code ByteBuf} from {@link ByteBufAllocator#DEFAULT} and written inbound; then the channel is
 * finished ({@code channelInactive}), the messages read out are mapped by the given function and released,
 * and an exception that reached the end of the pipeline is the outcome instead. The buffers rotate through
 * every kind a transport delivers, by chunk index: heap, direct, a composite of two components (heap and
 * direct), and a heap buffer whose reader index is not 0. After the channel is finished, a chunk buffer the
 * handler did not release fails the decoding with an {@link AssertionError} naming it: a leak is found at
 * once, without waiting for Netty's leak detector and a garbage collection.
 *
 * <p>Which chunkings, seeds, tries and shrinking: see {@link ChunkProperty}; this class only builds the
 * property.
 */
public final class ChannelChunkProperty {

    private ChannelChunkProperty() {
    }

    /**
     * A property of the handlers made by {@code handlers}, whose output messages {@code toValue} turns into
     * comparable owned values.
     *
     * @param handlers makes the handlers of a new channel's pipeline, in order
     * @param toValue turns each message read out of the channel into an owned value; the message is released
     *     after the call, so the value must not refer to it
     * @param <R> the value type
     * @return the property: its outcome is the list of values, in order
     */
    public static <R> ChunkProperty<List<R>> of(Supplier<? extends ChannelHandler> handlers,
            Function<Object, ? extends R> toValue) {
        Objects.requireNonNull(handlers, "handlers");
        Objects.requireNonNull(toValue, "toValue");
        return ChunkProperty.ofArrays(chunks -> run(handlers.get(), chunks, toValue));
    }

    /**
     * Runs the chunks through a new channel with {@code handler}, once: what the property does for each
     * chunking, for tests that compare handlers with each other.
     *
     * @param handler the handler under test, new (not used by another channel)
     * @param chunks the stream's chunks, in order
     * @param toValue turns each message read out into an owned value; the message is released afterwards
     * @param <R> the value type
     * @return the values of the messages, in order
     * @throws Exception the exception that reached the end of the pipeline, if any
     * @throws AssertionError if a chunk's buffer was not released by the pipeline
     */
    public static <R> List<R> run(ChannelHandler handler, List<byte[]> chunks, Function<Object, ? extends R> toValue)
            throws Exception {
        EmbeddedChannel channel = new EmbeddedChannel(handler);
        List<ByteBuf> written = new ArrayList<>(chunks.size());
        List<R> values = new ArrayList<>();
        try {
            for (byte[] chunk : chunks) {
                ByteBuf buf = buffer(chunk, written.size());
                written.add(buf);
                channel.writeInbound(buf);
                drain(channel, toValue, values);
            }
            channel.finish();
            drain(channel, toValue, values);
        } finally {
            channel.finishAndReleaseAll();
        }
        for (int i = 0; i < written.size(); i++) {
            if (written.get(i).refCnt() != 0) {
                throw new AssertionError("the pipeline did not release chunk #" + i + " (" + written.get(i)
                        + ", refCnt " + written.get(i).refCnt() + ")");
            }
        }
        return values;
    }

    private static <R> void drain(EmbeddedChannel channel, Function<Object, ? extends R> toValue, List<R> values) {
        Object msg;
        while ((msg = channel.readInbound()) != null) {
            try {
                values.add(toValue.apply(msg));
            } finally {
                ReferenceCountUtil.release(msg);
            }
        }
    }

    /** A new buffer holding {@code chunk}, of the kind chosen by the chunk's index. */
    static ByteBuf buffer(byte[] chunk, int index) {
        ByteBufAllocator alloc = ByteBufAllocator.DEFAULT;
        switch (index % 4) {
            case 0:
                return alloc.heapBuffer(chunk.length).writeBytes(chunk);
            case 1:
                return alloc.directBuffer(chunk.length).writeBytes(chunk);
            case 2: {
                int half = chunk.length / 2;
                CompositeByteBuf composite = alloc.compositeBuffer(2);
                composite.addComponent(true, alloc.heapBuffer(half).writeBytes(chunk, 0, half));
                composite.addComponent(true, alloc.directBuffer(chunk.length - half)
                        .writeBytes(chunk, half, chunk.length - half));
                return composite;
            }
            default: {
                ByteBuf buf = alloc.heapBuffer(chunk.length + 3).writeBytes(new byte[] {7, 7, 7}).writeBytes(chunk);
                buf.readerIndex(3);
                return buf;
            }
        }
    }
}
