package io.bufkit.testkit;

import io.bufkit.ByteView;

/**
 * An incremental decoder under test, fed one chunk at a time: what {@link ChunkProperty#ofFeeds} checks.
 * The property creates a new one for every decoding, feeds it every chunk in order, then asks for the
 * result.
 *
 * <pre>{@code
 * ChunkProperty.ofFeeds(() -> new ChunkFeed<List<Bytes>>() {
 *     final MyFrameDecoder d = new MyFrameDecoder();
 *     final List<Bytes> frames = new ArrayList<>();
 *     public void feed(ByteView chunk) { d.feed(chunk, f -> frames.add(f.copy())); }
 *     public List<Bytes> finish() { d.finish(); return frames; }
 * }).check(input);
 * }</pre>
 *
 * @param <R> the result type
 */
public interface ChunkFeed<R> {

    /**
     * Decodes the next chunk of the stream.
     *
     * @param chunk the chunk, <em>borrowed</em> until this method returns: its lease then ends and its memory
     *     is overwritten, so a view of it used later throws {@link io.bufkit.StaleViewException}
     * @throws Exception when the stream is malformed; the exception's class is part of the outcome
     */
    void feed(ByteView chunk) throws Exception;

    /**
     * Ends the stream and returns the result, after every chunk was fed.
     *
     * @return the decoded result, holding no reference to chunk memory
     * @throws Exception when the stream is malformed or truncated; the exception's class is part of the outcome
     */
    R finish() throws Exception;
}
