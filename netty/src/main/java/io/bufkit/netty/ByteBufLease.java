package io.bufkit.netty;

import io.bufkit.ByteView;
import io.bufkit.Lease;
import io.bufkit.MutableByteView;
import io.netty.buffer.ByteBuf;
import io.netty.util.IllegalReferenceCountException;
import io.netty.util.ReferenceCounted;
import java.util.Objects;

/**
 * A {@link Lease} over a Netty {@link ByteBuf}: its views read the buffer's memory without copying and
 * throw {@link io.bufkit.StaleViewException} once the buffer is released through the lease, instead of
 * reading memory that Netty's allocator has handed to someone else.
 *
 * <pre>{@code
 * public void channelRead(ChannelHandlerContext ctx, Object msg) {
 *     try (ByteBufLease lease = ByteBufLease.of((ByteBuf) msg)) {   // takes over msg's reference
 *         ByteView packet = lease.view();                           // borrowed, zero copy
 *         process(SENSOR.validate(packet));
 *     }                                                             // released: packet is stale now
 * }
 * }</pre>
 *
 * <p><b>How the release is observed.</b> The lease takes over one reference of the buffer and is itself
 * {@link ReferenceCounted}: {@link #release()}, {@link #close()}, and Netty's own
 * {@link io.netty.util.ReferenceCountUtil#release(Object)} on the lease (what the pipeline's tail and
 * {@code SimpleChannelInboundHandler} do with a message they consume) release the buffer, and when that
 * release frees it (its reference count reaches 0) every view of the lease goes stale. So a lease can be
 * fired down a pipeline as a message and its views end wherever it is finally released.
 *
 * <p><b>What is not caught.</b> Netty offers no hook for a buffer's release: a release of the
 * {@code ByteBuf} itself — {@code buf.release()}, or the release of a derived buffer that shares its
 * reference count ({@code retainedSlice()}, {@code retainedDuplicate()}) — does not pass through the lease,
 * and views then keep reading whatever the memory holds. The lease checks the buffer's reference count
 * when it creates a view and when it is released, and throws {@link IllegalReferenceCountException} if the
 * buffer was freed behind its back, but it cannot check it on every read. Release leased buffers only
 * through their lease. A {@link ByteBuf#retain()} by other code keeps the memory alive after the lease's
 * release, which then does not end the views; they end with the release that frees the buffer, if it
 * passes through the lease.
 *
 * <p>Views cover the buffer's readable bytes when they are created; later reads or writes of the
 * {@code ByteBuf} do not move them. A buffer made of several components (a {@code CompositeByteBuf})
 * cannot be viewed in one piece without copying: {@link #view()} then throws; use {@link #views()}.
 *
 * <p>Not thread-safe, like the buffer: use the views on the thread that releases the lease, or hand them
 * over with a happens-before edge.
 */
public final class ByteBufLease extends Lease implements ReferenceCounted {

    private final ByteBuf buf;

    private ByteBufLease(ByteBuf buf) {
        super("ByteBuf " + buf.getClass().getSimpleName() + "@" + Integer.toHexString(System.identityHashCode(buf)));
        this.buf = buf;
    }

    /**
     * Creates a lease that takes over one reference of {@code buf}: the caller must not release that
     * reference itself, but release the lease instead.
     *
     * @param buf the buffer; its readable bytes are what {@link #view()} shows
     * @return an open lease holding one reference of {@code buf}
     * @throws IllegalReferenceCountException if {@code buf} is already freed
     */
    public static ByteBufLease of(ByteBuf buf) {
        Objects.requireNonNull(buf, "buf");
        if (buf.refCnt() <= 0) {
            throw new IllegalReferenceCountException(buf.refCnt());
        }
        return new ByteBufLease(buf);
    }

    /**
     * The buffer under this lease; reading it is fine, releasing it directly is not (see the class comment).
     *
     * @return the buffer, <em>borrowed</em>
     */
    public ByteBuf buffer() {
        return buf;
    }

    /**
     * A read-only view of the buffer's readable bytes, without copying.
     *
     * @return a <em>borrowed</em> view, valid until the release that frees the buffer
     * @throws IllegalStateException if the lease is closed
     * @throws IllegalArgumentException if the buffer has several components; see {@link #views()}
     * @throws IllegalReferenceCountException if the buffer was freed behind the lease's back
     */
    public ByteView view() {
        return view(buf.readerIndex(), buf.readableBytes());
    }

    /**
     * A read-only view of {@code [index, index + length)} of the buffer (absolute indexes, like
     * {@link ByteBuf#getByte(int)}), without copying.
     *
     * @param index the first byte's index in the buffer
     * @param length the view's length
     * @return a <em>borrowed</em> view, valid until the release that frees the buffer
     * @throws IndexOutOfBoundsException if the range is not inside the buffer's capacity
     * @throws IllegalArgumentException if the range spans several components of a composite buffer
     * @throws IllegalStateException if the lease is closed
     * @throws IllegalReferenceCountException if the buffer was freed behind the lease's back
     */
    public ByteView view(int index, int length) {
        checkAlive();
        return ByteBufMemory.view(this, buf, index, length, false);
    }

    /**
     * Views of the buffer's readable bytes, one per component of a composite buffer (one for any other).
     *
     * @return <em>borrowed</em> views, in order, valid until the release that frees the buffer
     * @throws IllegalStateException if the lease is closed
     * @throws IllegalReferenceCountException if the buffer was freed behind the lease's back
     */
    public ByteView[] views() {
        checkAlive();
        if (buf.hasArray() || buf.nioBufferCount() == 1) {
            return new ByteView[] {view()};
        }
        java.nio.ByteBuffer[] parts = buf.nioBuffers();
        ByteView[] views = new ByteView[parts.length];
        for (int i = 0; i < parts.length; i++) {
            views[i] = wrap(parts[i]);
        }
        return views;
    }

    /**
     * A writable view of {@code [index, index + length)} of the buffer, for encoding into it in place.
     *
     * @param index the first byte's index in the buffer
     * @param length the view's length
     * @return a <em>borrowed</em> writable view, valid until the release that frees the buffer
     * @throws IndexOutOfBoundsException if the range is not inside the buffer's capacity
     * @throws IllegalArgumentException if the buffer is read-only or the range spans several components
     * @throws IllegalStateException if the lease is closed
     * @throws IllegalReferenceCountException if the buffer was freed behind the lease's back
     */
    public MutableByteView mutableView(int index, int length) {
        checkAlive();
        return (MutableByteView) ByteBufMemory.view(this, buf, index, length, true);
    }

    private void checkAlive() {
        if (isOpen() && buf.refCnt() <= 0) {
            throw new IllegalReferenceCountException("the ByteBuf under " + this
                    + " was released directly, not through its lease");
        }
    }

    /**
     * The buffer's reference count.
     *
     * @return {@link ByteBuf#refCnt()}
     */
    @Override
    public int refCnt() {
        return buf.refCnt();
    }

    /**
     * Retains the buffer once more; the lease's views stay valid until the buffer is freed.
     *
     * @return this lease
     */
    @Override
    public ByteBufLease retain() {
        buf.retain();
        return this;
    }

    /**
     * Retains the buffer {@code increment} times more.
     *
     * @param increment how many references to add
     * @return this lease
     */
    @Override
    public ByteBufLease retain(int increment) {
        buf.retain(increment);
        return this;
    }

    /**
     * Records the current access location of the buffer for Netty's leak detector.
     *
     * @return this lease
     */
    @Override
    public ByteBufLease touch() {
        buf.touch();
        return this;
    }

    /**
     * Records the current access location of the buffer with a hint for Netty's leak detector.
     *
     * @param hint extra information for a leak report
     * @return this lease
     */
    @Override
    public ByteBufLease touch(Object hint) {
        buf.touch(hint);
        return this;
    }

    /**
     * Releases one reference of the buffer; when that frees it, ends the lease so that every view of it
     * throws {@link io.bufkit.StaleViewException}.
     *
     * @return {@code true} if the buffer was freed and the lease ended
     * @throws IllegalReferenceCountException if the buffer was already freed
     */
    @Override
    public boolean release() {
        return release(1);
    }

    /**
     * Releases {@code decrement} references of the buffer; when that frees it, ends the lease.
     *
     * @param decrement how many references to release
     * @return {@code true} if the buffer was freed and the lease ended
     * @throws IllegalReferenceCountException if the buffer has fewer references
     */
    @Override
    public boolean release(int decrement) {
        boolean freed = buf.release(decrement);
        if (freed) {
            end();
        }
        return freed;
    }

    /**
     * Releases one reference of the buffer and ends the lease, whether or not that release freed the
     * buffer: this holder is done with it. Closing a closed lease does nothing.
     *
     * @throws IllegalReferenceCountException if the buffer was freed behind the lease's back
     */
    @Override
    public void close() {
        if (isOpen()) {
            if (!release()) {
                // others still hold references: the memory stays valid, yet this lease is done with it
                end();
            }
        }
    }
}
