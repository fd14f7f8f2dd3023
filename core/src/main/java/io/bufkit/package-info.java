/**
 * Byte views, owned byte strings and leases: the ownership model of bufkit.
 *
 * <p><b>Views out, copies in.</b> A {@link io.bufkit.ByteView} is a window over memory somebody else
 * owns; it <em>borrows</em> that memory under a {@link io.bufkit.Lease} and throws
 * {@link io.bufkit.StaleViewException} once the lease ends. A {@link io.bufkit.Bytes} is an <em>owned</em>,
 * immutable copy with value semantics. Every method that returns bytes says which of the two it returns.
 * Parsers return views (zero copy); code that keeps data beyond the current read, frame or lease copies
 * it explicitly with {@link io.bufkit.ByteView#copy()} or {@link io.bufkit.ByteView#compact()}.
 *
 * <p>A view keeps all of its backing memory reachable, whatever its own length
 * ({@link io.bufkit.ByteView#pinnedBytes()}): keep small pieces of large buffers as copies. A
 * {@link io.bufkit.Lease} ends with {@link io.bufkit.Lease#close()} or, for a reused buffer,
 * {@link io.bufkit.Lease#renew()}; ending it allocates nothing. Views and leases are not synchronized:
 * hand them between threads with a happens-before edge.
 *
 * <p>Shared memory: the atomic and ordered methods of {@link io.bufkit.MutableByteView}
 * ({@code getAndAddI32le}, {@code compareAndSetI64be}, {@code getAcquireI32le}, ...) are the exception,
 * made for several threads or processes on the same memory at once. A {@link io.bufkit.MappedFile} is the
 * lease of a memory-mapped file region: its views <em>borrow</em> the mapping and go stale when it is closed.
 */
package io.bufkit;
