/**
 * The framing engine behind {@code io.bufkit.frame.FrameDecoder} and {@code io.bufkit.tlv.TlvDecoder}: one
 * accumulator and one copy of the chunk-handling code, with one {@link io.bufkit.internal.frame.Framing}
 * (header strategy) per framing. Not exported, not API.
 */
package io.bufkit.internal.frame;
