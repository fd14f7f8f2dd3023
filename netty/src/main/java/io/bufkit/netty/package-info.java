/**
 * bufkit for Netty 4.1: views of {@code ByteBuf}s whose lease ends when the buffer is released, a
 * pipeline handler that decodes frames from {@code ByteBuf}s, and an encoder that writes frames and
 * messages into them.
 *
 * <p><b>Ownership.</b> A {@link io.bufkit.netty.ByteBufLease} takes over one reference of a
 * {@code ByteBuf}; its views <em>borrow</em> the buffer's memory and throw
 * {@link io.bufkit.StaleViewException} once the lease's reference is released, so that a view used after
 * the buffer went back to Netty's pool fails instead of reading the next tenant's bytes. The decoding
 * handlers {@link io.bufkit.netty.TlvDecodingHandler} and {@link io.bufkit.netty.FrameDecodingHandler}
 * release every {@code ByteBuf} they read before their {@code channelRead} returns; the frames they lend
 * to a {@link io.bufkit.tlv.TlvHandler} or {@link io.bufkit.frame.FrameHandler} are <em>borrowed</em>
 * until that handler returns, while the frames and records they fire down the pipeline are
 * <em>owned</em> and may cross to another thread. The encoders {@link io.bufkit.netty.TlvEncoder} and
 * {@link io.bufkit.netty.FrameEncoder} read the messages they are given and never keep them.
 */
package io.bufkit.netty;
