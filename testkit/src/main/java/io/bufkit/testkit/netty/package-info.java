/**
 * Chunk-boundary property testing of Netty pipeline handlers on an {@code EmbeddedChannel}.
 *
 * <p>Netty is an optional dependency of the testkit: only code that uses this package needs Netty 4.1
 * ({@code netty-buffer}, {@code netty-transport}) on its test class path, so users of the rest of the
 * testkit never depend on Netty.
 *
 * <p><b>Ownership.</b> Each chunk is a new {@code ByteBuf} written inbound; its reference passes to the
 * pipeline, which must release it. Each message read out of the channel is turned into an owned value by
 * the test's function and then released by the helper.
 */
package io.bufkit.testkit.netty;
