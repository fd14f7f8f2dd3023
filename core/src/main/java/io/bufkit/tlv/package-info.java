/**
 * Type-length-value streams: an incremental, zero-copy decoder for arbitrarily chunked input, a writer, a
 * blocking reader, and dispatch of frame types to packet codecs.
 *
 * <p><b>Ownership.</b> {@link io.bufkit.tlv.TlvDecoder} hands each frame's value to a
 * {@link io.bufkit.tlv.TlvHandler} as a <em>borrowed</em> {@link io.bufkit.ByteView}: a view straight into
 * the caller's chunk when the frame lies inside it, else into the decoder's accumulator. Its lease ends
 * when the handler returns, after which it throws {@link io.bufkit.StaleViewException}; the decoder never
 * keeps the caller's chunk after {@code feed} returns. {@link io.bufkit.tlv.TlvFrame}s — from
 * {@link io.bufkit.tlv.TlvDecoder#decodeAll(io.bufkit.tlv.TlvFormat, byte[]) decodeAll},
 * {@link io.bufkit.tlv.TlvReader} and {@link io.bufkit.tlv.TlvHandler#owned(java.util.function.Consumer)}
 * — hold <em>owned</em> copies. {@link io.bufkit.tlv.TlvWriter} reads the values it is given and never keeps
 * them.
 *
 * <p><b>Bad input.</b> A malformed header (type 0, value length above the format's maximum) throws
 * {@link io.bufkit.tlv.MalformedFrameException} with the stream offset the moment the header is seen; a
 * stream that ends inside a frame throws {@link io.bufkit.tlv.TruncatedFrameException} naming the missing
 * byte count. Memory stays bounded by one maximal frame whatever the input.
 */
package io.bufkit.tlv;
