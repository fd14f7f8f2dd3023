package io.bufkit.pool;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;

/**
 * One buffer of a pool (or one overflow buffer) and the ownership state of its current tenancy.
 *
 * <p>The {@link #stamp} counts tenancy changes: it is odd while the buffer is leased and even while it is
 * free. Acquiring moves it from even {@code s} to odd {@code s + 1}; a lease remembers that odd value, and
 * releasing is a compare-and-set from it to {@code s + 2}. A stamp never repeats, so a stale lease handle
 * (or a stale {@code ByteBuffer} handed out for it) can never release a later tenant's buffer, and of two
 * racing releases exactly one wins.
 *
 * <p>{@link #acquisitions} and {@link #releases} are written only by the thread that holds the slot
 * exclusively (after popping it from the free list, or after winning the release), and read racily by
 * {@link BufferPool#stats()}; the free list's compare-and-set orders one owner's writes before the next's.
 */
final class Slot {

    static final VarHandle STAMP;
    static final VarHandle ACQUISITIONS;
    static final VarHandle RELEASES;

    static {
        try {
            MethodHandles.Lookup l = MethodHandles.lookup();
            STAMP = l.findVarHandle(Slot.class, "stamp", long.class);
            ACQUISITIONS = l.findVarHandle(Slot.class, "acquisitions", long.class);
            RELEASES = l.findVarHandle(Slot.class, "releases", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The pool the buffer belongs to (an overflow buffer: the pool that allocated it). */
    final BufferPool pool;
    /** Index in the pool's slot table, or {@code -1} for an overflow buffer. */
    final int index;
    /** The memory: position 0, limit = capacity; never handed out, never moved. */
    final ByteBuffer memory;
    /** The backing array of a heap slot, {@code null} for a direct one. */
    final byte[] array;
    /** The name of every lease of this slot, built once. */
    final String leaseName;

    /** Odd while leased; see the class comment. Accessed through {@link #STAMP}. */
    @SuppressWarnings("unused")
    private volatile long stamp;
    @SuppressWarnings("unused")
    private long acquisitions;
    @SuppressWarnings("unused")
    private long releases;

    /** The watch of this slot's current token (see {@link SlotWatch}); written by the slot's exclusive holder. */
    SlotWatch watch;
    /** The watch of the current tenancy when it is watched on its own, kept reachable here. */
    volatile TenancyWatch tenancyWatch;
    /** The stamp of the tenancy {@link #tenancyWatch} watches, so that {@link SlotWatch} leaves it alone. */
    volatile long watchedAlone = -1;

    /** Where the most recent tenancy was released, when release tracking is on. */
    volatile Throwable lastReleaseSite;
    /** The stamp of the tenancy {@link #lastReleaseSite} belongs to. */
    volatile long lastReleasedStamp = -1;

    Slot(BufferPool pool, int index, ByteBuffer memory, byte[] array, String leaseName) {
        this.pool = pool;
        this.index = index;
        this.memory = memory;
        this.array = array;
        this.leaseName = leaseName;
        STAMP.set(this, 0L);
    }

    boolean isOverflow() {
        return index < 0;
    }

    long stamp() {
        return (long) STAMP.getVolatile(this);
    }

    /** Starts a tenancy; the caller holds the slot exclusively. Returns the tenancy's (odd) stamp. */
    long lease() {
        long s = (long) STAMP.getOpaque(this) + 1;
        STAMP.setRelease(this, s);
        ACQUISITIONS.setOpaque(this, (long) ACQUISITIONS.getOpaque(this) + 1);
        return s;
    }

    /** Takes back a tenancy that was never handed to anyone (a waiter gave up); the caller holds the slot. */
    void unlease(long leasedStamp) {
        STAMP.setRelease(this, leasedStamp + 1);
        ACQUISITIONS.setOpaque(this, (long) ACQUISITIONS.getOpaque(this) - 1);
    }

    /** Ends tenancy {@code leasedStamp} if it is still current; exactly one caller per tenancy wins. */
    boolean tryEnd(long leasedStamp) {
        return STAMP.compareAndSet(this, leasedStamp, leasedStamp + 1);
    }

    /** Counts a release by the holder; the caller won {@link #tryEnd(long)}. */
    void countRelease() {
        RELEASES.setRelease(this, (long) RELEASES.getOpaque(this) + 1);
    }

    long acquisitions() {
        return (long) ACQUISITIONS.getOpaque(this);
    }

    /** Read before {@link #acquisitions()}, so that a snapshot never shows more releases than acquisitions. */
    long releases() {
        return (long) RELEASES.getAcquire(this);
    }

    int capacity() {
        return memory.capacity();
    }
}
