package io.bufkit.testkit;

import java.util.List;

/**
 * Decodes a stream that arrives as a list of chunks into a comparable result: what a
 * {@link ChunkProperty} checks.
 *
 * <p>A typical decoder feeds each chunk to the incremental decoder under test and collects what comes out:
 *
 * <pre>{@code
 * ChunkDecoder<ByteView, List<Frame>> decoder = chunks -> {
 *     MyFrameDecoder d = new MyFrameDecoder();
 *     List<Frame> frames = new ArrayList<>();
 *     for (ByteView chunk : chunks) {
 *         d.feed(chunk, frames::add);
 *     }
 *     d.finish();
 *     return frames;
 * };
 * }</pre>
 *
 * <p>The chunks are <em>borrowed</em> for the duration of the call: once it returns, the harness overwrites
 * their memory and ends their lease, so a result that still refers to chunk memory fails the property. Copy
 * what the result keeps. The result is compared with {@link java.util.Objects#deepEquals(Object, Object)},
 * looking inside lists and arrays: use values with a meaningful {@code equals} (records, lists,
 * {@link io.bufkit.Bytes}, arrays).
 *
 * @param <C> the chunk type: {@link io.bufkit.ByteView}, {@code byte[]} or {@link java.nio.ByteBuffer}
 * @param <R> the result type
 */
@FunctionalInterface
public interface ChunkDecoder<C, R> {

    /**
     * Decodes the whole stream, given in chunks, in order.
     *
     * @param chunks the chunks, in order; some may be empty; borrowed for the duration of the call
     * @return the decoded result, holding no reference to chunk memory
     * @throws Exception when the stream is malformed or truncated; the exception's class is part of the outcome
     *     that must not depend on the chunking
     */
    R decode(List<C> chunks) throws Exception;
}
