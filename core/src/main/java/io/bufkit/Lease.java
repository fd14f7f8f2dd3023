package io.bufkit;

import io.bufkit.internal.Switches;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * The lifetime of borrowed memory: views created under a lease are valid while the lease is open and
 * throw {@link StaleViewException} on every access after it ends.
 *
 * <p>A view records its lease and the lease's <em>generation</em> when it is created; every access
 * compares the two (one field load and a compare). Ending a lease bumps the generation and allocates
 * nothing, so a lease can end once per network read or once per decoded frame.
 *
 * <p>Sources of leases:
 * <ul>
 *   <li>{@link #unbounded()} — the lease of {@link ByteView#wrap(byte[])} and of {@link Bytes#view()}:
 *       it never ends, and the caller owns the memory's lifetime;</li>
 *   <li>{@link #open(String)} — a lease the caller ends, for example around a reused socket read buffer:
 *   <pre>{@code
 * Lease lease = Lease.open("socket read");
 * while (channel.read(buf) >= 0) {
 *     ByteView chunk = lease.wrap(buf.array(), 0, buf.position());
 *     decoder.feed(chunk, handler);
 *     lease.endViews(); // every view of this read is now stale; the buffer may be reused
 *     buf.clear();
 * }
 * lease.close();
 * }</pre></li>
 *   <li>the buffer pool ({@code io.bufkit.pool.PooledLease} is a lease that ends on release) and the TLV
 *       decoder (a frame's lease ends when its handler returns).</li>
 * </ul>
 *
 * <p>Leases are not thread-safe: end a lease on the thread that uses its views, or hand the views over
 * with a happens-before edge (a queue, a lock, the pool). A view used on another thread without such an
 * edge may not see that the lease ended.
 *
 * <p>Set {@code -Dbufkit.trackLeases=true} to record a stack trace where each lease ends; a
 * {@link StaleViewException} then carries it as its cause. Set {@code -Dbufkit.checkLeases=false} to
 * turn the checks off (views then never go stale; use only once a workload is proven correct). Both are
 * described in {@link SystemProperties}.
 */
public class Lease implements AutoCloseable {

    static final boolean TRACK = Switches.TRACK_LEASES;

    private static final Lease UNBOUNDED = new Lease("unbounded");

    /** Read by every view access; bumped when the lease closes or ends its views. */
    long generation;
    private boolean closed;
    private final String name;
    private Throwable endSite;

    /**
     * Creates an open lease; for subclasses that tie views to their own resource's lifetime.
     *
     * @param name a short description used in {@link StaleViewException} messages
     */
    protected Lease(String name) {
        this.name = Objects.requireNonNull(name, "name");
    }

    /**
     * The lease that never ends: views under it are never stale, and show whatever their memory holds.
     *
     * @return the shared unbounded lease
     */
    public static Lease unbounded() {
        return UNBOUNDED;
    }

    /**
     * Opens a new lease that the caller ends with {@link #close()}; {@link #endViews()} ends its views and keeps it open.
     *
     * @param name a short description used in error messages, for example {@code "socket read"}
     * @return a new open lease
     */
    public static Lease open(String name) {
        return new Lease(name);
    }

    /**
     * Opens a new lease named {@code "lease"}.
     *
     * @return a new open lease
     */
    public static Lease open() {
        return new Lease("lease");
    }

    /**
     * The name given when the lease was opened.
     *
     * @return the name
     */
    public final String name() {
        return name;
    }

    /**
     * Whether the lease is still open, so that new views may be created under it.
     *
     * @return {@code false} once {@link #close()} ended it
     */
    public final boolean isOpen() {
        return !closed;
    }

    /**
     * Whether the lease is the never-ending {@link #unbounded()} lease.
     *
     * @return {@code true} for the unbounded lease
     */
    public final boolean isUnbounded() {
        return this == UNBOUNDED;
    }

    /**
     * Wraps a whole array in a read-only view that borrows it under this lease.
     *
     * @param array the memory to borrow; not copied
     * @return a borrowed view, valid until this lease closes or ends its views
     * @throws IllegalStateException if this lease is closed
     */
    public final ByteView wrap(byte[] array) {
        return wrap(array, 0, array.length);
    }

    /**
     * Wraps {@code array[offset, offset + length)} in a read-only view that borrows it under this lease.
     *
     * @param array the memory to borrow; not copied
     * @param offset the first byte of the view
     * @param length the view's length
     * @return a borrowed view, valid until this lease closes or ends its views
     * @throws IndexOutOfBoundsException if the range is not inside the array
     * @throws IllegalStateException if this lease is closed
     */
    public final ByteView wrap(byte[] array, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, array.length);
        return new ByteView(array, null, offset, length, this, liveGeneration());
    }

    /**
     * Wraps the remaining bytes of a buffer (heap or direct) in a read-only view that borrows them under
     * this lease; the buffer's position and limit are not touched, and later changes to them do not
     * move the view.
     *
     * @param buffer the memory to borrow; not copied
     * @return a borrowed view, valid until this lease closes or ends its views
     * @throws IllegalStateException if this lease is closed
     */
    public final ByteView wrap(ByteBuffer buffer) {
        return ByteView.over(buffer, this, liveGeneration(), false);
    }

    /**
     * Wraps a whole array in a writable view that borrows it under this lease.
     *
     * @param array the memory to borrow; not copied
     * @return a borrowed writable view, valid until this lease closes or ends its views
     * @throws IllegalStateException if this lease is closed
     */
    public final MutableByteView wrapMutable(byte[] array) {
        return wrapMutable(array, 0, array.length);
    }

    /**
     * Wraps {@code array[offset, offset + length)} in a writable view that borrows it under this lease.
     *
     * @param array the memory to borrow; not copied
     * @param offset the first byte of the view
     * @param length the view's length
     * @return a borrowed writable view, valid until this lease closes or ends its views
     * @throws IndexOutOfBoundsException if the range is not inside the array
     * @throws IllegalStateException if this lease is closed
     */
    public final MutableByteView wrapMutable(byte[] array, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, array.length);
        return new MutableByteView(array, null, offset, length, this, liveGeneration());
    }

    /**
     * Wraps the remaining bytes of a writable buffer in a writable view that borrows them under this
     * lease; the buffer's position and limit are not touched.
     *
     * @param buffer the memory to borrow; not copied
     * @return a borrowed writable view, valid until this lease closes or ends its views
     * @throws IllegalArgumentException if the buffer is read-only
     * @throws IllegalStateException if this lease is closed
     */
    public final MutableByteView wrapMutable(ByteBuffer buffer) {
        return (MutableByteView) ByteView.over(buffer, this, liveGeneration(), true);
    }

    /**
     * Ends every view created under this lease so far and keeps the lease open for new views.
     *
     * <p>This is how a reused buffer changes hands without allocating: end the views, then overwrite.
     *
     * @return this lease
     * @throws IllegalStateException if this lease is closed or is the unbounded lease
     */
    public final Lease endViews() {
        liveGeneration();
        if (this == UNBOUNDED) {
            throw new IllegalStateException("the unbounded lease never ends");
        }
        bump();
        return this;
    }

    /**
     * Ends the lease: every view created under it throws {@link StaleViewException} from now on, and no
     * new view can be created. Closing a closed lease does nothing; subclasses may be stricter.
     *
     * @throws IllegalStateException if this is the unbounded lease
     */
    @Override
    public void close() {
        if (this == UNBOUNDED) {
            throw new IllegalStateException("the unbounded lease never ends");
        }
        if (!closed) {
            end();
        }
    }

    /**
     * Ends the lease for subclasses: bumps the generation so that every view goes stale and marks the
     * lease closed. Records the end site when lease tracking is on.
     */
    protected final void end() {
        closed = true;
        bump();
    }

    private void bump() {
        generation++;
        if (TRACK) {
            endSite = new Throwable("lease '" + name + "' ended here (generation " + (generation - 1) + ")");
        }
    }

    /**
     * The current generation, checked to be open; used when creating views.
     */
    final long liveGeneration() {
        if (closed) {
            throw new IllegalStateException("lease '" + name + "' is closed; no new view can be created under it");
        }
        return generation;
    }

    /**
     * Builds the exception for a view of generation {@code viewGeneration} used now.
     */
    final StaleViewException stale(long viewGeneration, String operation) {
        String how = closed && generation == viewGeneration + 1 ? "was closed" : "ended (endViews() or close())";
        // pool lease names quote their pool's name already: "pool 'rx' buffer #3"
        String quoted = name.indexOf('\'') >= 0 ? name : "'" + name + "'";
        String msg = operation + " on a view of lease " + quoted + " after the lease " + how
                + "; the view's memory may belong to someone else now (view generation " + viewGeneration
                + ", lease generation " + generation + ")"
                + (TRACK ? "" : "; run with -D" + SystemProperties.TRACK_LEASES + "=true to record where it ended")
                + "; copy() what must outlive a lease";
        return new StaleViewException(msg, endSite);
    }

    /**
     * Describes the lease: its name and whether it is open.
     *
     * @return a short description
     */
    @Override
    public String toString() {
        return "Lease[" + name + (this == UNBOUNDED ? "" : closed ? ", closed" : ", open") + "]";
    }
}
