/**
 * Splitting byte streams into frames: length fields, varint lengths, delimiters, lines and fixed lengths,
 * chunk-safe and zero-copy, with a writer for each.
 *
 * <p><b>Ownership.</b> {@link io.bufkit.frame.FrameDecoder} hands each frame to a
 * {@link io.bufkit.frame.FrameHandler} as a <em>borrowed</em> {@link io.bufkit.ByteView}: a view straight
 * into the caller's chunk when the frame lies inside it, else into the decoder's accumulator. Its lease ends
 * when the handler returns, after which it throws {@link io.bufkit.StaleViewException}; the decoder never
 * keeps the caller's chunk after {@code feed} returns. {@link io.bufkit.frame.FrameHandler#owned} and
 * {@link io.bufkit.frame.FrameDecoder#decodeAll} give <em>owned</em> {@link io.bufkit.Bytes}.
 * {@link io.bufkit.frame.FrameWriter} reads the bytes it is given and never keeps them.
 *
 * <p><b>Bad input.</b> Each fault is a specific {@link io.bufkit.frame.FrameException} naming the frame's
 * stream offset, raised as soon as it is known; memory stays bounded by one maximal frame whatever the input.
 */
package io.bufkit.frame;
