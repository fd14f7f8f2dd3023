/**
 * Java 22+ memory for bufkit: {@link io.bufkit.ffm.ArenaLease}, a {@link io.bufkit.Lease} that owns a
 * {@link java.lang.foreign.Arena}.
 *
 * <p><b>Ownership.</b> Everything here <em>borrows</em>: a view of a {@link java.lang.foreign.MemorySegment}
 * is valid while the lease that lent it is open, and the segment's memory is freed (or its file unmapped)
 * exactly when that lease closes, so a view never outlives its memory. Only segments of the lease's own
 * arena are lent. Copy out with {@link io.bufkit.ByteView#copy()} what must outlive the lease.
 *
 * <p>Views are the core {@link io.bufkit.ByteView} and {@link io.bufkit.MutableByteView} (at most
 * {@link Integer#MAX_VALUE} bytes each); segments larger than that are lent in windows.
 */
package io.bufkit.ffm;
