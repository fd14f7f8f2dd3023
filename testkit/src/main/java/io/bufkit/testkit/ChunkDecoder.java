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
 * <p>The chunks are <em>borrowed</em>, one at a time: when the decoder fetches chunk {@code k + 1} from the
 * list, the harness ends chunk {@code k}'s lease and overwrites its memory, as a read loop reusing one
 * buffer would; the last chunk ends when the call returns. So a decoder that reads a view of an earlier
 * chunk after fetching a later one, or a result that still refers to chunk memory, fails the property.
 * Fetch the chunks in order as the decoder needs them, and copy what must outlive its chunk. The result is compared with {@link java.util.Objects#deepEquals(Object, Object)},
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
     * @param chunks the chunks, in order; some may be empty; each borrowed until the next one is fetched
     * @return the decoded result, holding no reference to chunk memory
     * @throws Exception when the stream is malformed or truncated; the exception's class is part of the outcome
     *     that must not depend on the chunking
     */
    R decode(List<C> chunks) throws Exception;
}
