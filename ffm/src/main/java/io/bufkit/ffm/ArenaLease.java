package io.bufkit.ffm;

import io.bufkit.ByteView;
import io.bufkit.Lease;
import io.bufkit.MutableByteView;
import io.bufkit.StaleViewException;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

/**
 * A {@link Lease} that owns an {@link Arena}: memory allocated in the arena or files mapped into it live
 * exactly as long as the lease, and closing the lease (or its {@link #arena()}) ends every view and frees
 * or unmaps the memory at once.
 *
 * <pre>{@code
 * try (ArenaLease lease = ArenaLease.confined("frame")) {
 *     MemorySegment memory = lease.arena().allocate(4096);
 *     MutableByteView view = lease.mutableView(memory);
 *     view.putI32le(0, 42);
 * }   // memory freed; view.i32le(0) now throws StaleViewException
 * }</pre>
 *
 * <p><b>Views.</b> {@link #view(MemorySegment)} and {@link #mutableView(MemorySegment)} lend a whole
 * segment of at most {@link Integer#MAX_VALUE} bytes as an ordinary {@link ByteView} or
 * {@link MutableByteView} (over {@link MemorySegment#asByteBuffer()}); a larger segment, such as a mapped
 * file beyond 2 GiB, is read through windows: {@link #view(MemorySegment, long, int)} and
 * {@link #mutableView(MemorySegment, long, int)} lend {@code length} bytes from a {@code long} offset. Only
 * segments of this lease's own arena are lent, so that no view outlives its memory; give foreign memory
 * this lifetime with {@code segment.reinterpret(size, lease.arena(), null)}.
 *
 * <p><b>What a view throws.</b> Every failure is an {@link IllegalStateException}:
 * <ul>
 *   <li>{@link StaleViewException} for a view used after the lease was closed or its views were ended
 *       ({@code endViews()}), on the thread that ended it, or after a happens-before edge with that thread (as for every lease);</li>
 *   <li>for a {@linkplain #shared(String) shared} lease closed by another thread without such an edge, the
 *       view may not yet see that its lease ended, but the arena's memory is never read or written after
 *       it is freed: the JDK throws {@code IllegalStateException("Already closed")} instead;</li>
 *   <li>{@link WrongThreadException} (in {@code java.lang} since Java 19, a subclass of
 *       {@link RuntimeException}, not of {@code IllegalStateException}) for a view of a
 *       {@linkplain #confined(String) confined} lease used on any thread but the one that opened it: every
 *       read, write, copy or atomic access checks the thread, and the JDK's message is
 *       {@code "Attempted access outside owning thread"}. Creating a view or closing the lease on another
 *       thread throws {@code WrongThreadException} too, with a message naming the lease and its owner.</li>
 * </ul>
 * These memory checks do not depend on bufkit's lease checks: they hold under
 * {@code -Dbufkit.checkLeases=false} too.
 *
 * <p><b>Mapped files.</b> {@link #map(Path, FileChannel.MapMode, long, long)} maps a file region of any
 * size into the arena; the mapping is removed when the lease closes, deterministically, not when the
 * garbage collector finds the buffer unreachable as with a Java 17 {@link java.nio.MappedByteBuffer}.
 * {@link MemorySegment#force()} writes a read-write mapping's changes back to the file.
 *
 * <p>Atomic and ordered access of {@link MutableByteView} (such as {@code getAndAddI32le}) works on views
 * of native and mapped segments, which are direct memory.
 */
public final class ArenaLease extends Lease {

    private final Arena arena;
    private final Arena leased;
    /** The owner of a confined arena; {@code null} for a shared one. */
    private final Thread owner;

    private ArenaLease(String name, Arena arena, Thread owner) {
        super(name);
        this.arena = arena;
        this.owner = owner;
        this.leased = new LeasedArena(this, arena);
    }

    /**
     * Opens a lease over a new confined arena: its memory and views may be used only by the calling
     * thread, which also closes it.
     *
     * @param name a short description used in exception messages
     * @return a new open lease
     */
    public static ArenaLease confined(String name) {
        return new ArenaLease(name, Arena.ofConfined(), Thread.currentThread());
    }

    /**
     * Opens a lease over a new shared arena: its memory and views may be used by any thread, and any thread
     * may close it. Hand views to other threads with a happens-before edge, as for every lease.
     *
     * @param name a short description used in exception messages
     * @return a new open lease
     */
    public static ArenaLease shared(String name) {
        return new ArenaLease(name, Arena.ofShared(), null);
    }

    /**
     * The arena whose memory lives as long as this lease: allocate from it, map into it, or reinterpret
     * foreign memory into its scope. Closing it closes this lease.
     *
     * @return the lease's arena
     */
    public Arena arena() {
        return leased;
    }

    /**
     * Whether the lease is confined to the thread that opened it.
     *
     * @return {@code true} for a {@link #confined(String)} lease
     */
    public boolean isConfined() {
        return owner != null;
    }

    /**
     * Lends a whole segment of this lease's arena as a read-only view.
     *
     * @param segment a segment allocated in or mapped into {@link #arena()}, at most
     *     {@link Integer#MAX_VALUE} bytes
     * @return a <em>borrowed</em> view of the segment, valid until this lease ends
     * @throws IllegalArgumentException if the segment belongs to another arena, or is larger than a view
     * @throws IllegalStateException if this lease is closed
     * @throws WrongThreadException if this lease is confined to another thread
     */
    public ByteView view(MemorySegment segment) {
        return wrap(lendable(segment, "view").asByteBuffer());
    }

    /**
     * Lends {@code length} bytes of a segment of this lease's arena, from {@code offset}, as a read-only
     * view: a window into a segment of any size.
     *
     * @param segment a segment allocated in or mapped into {@link #arena()}
     * @param offset the window's first byte in the segment
     * @param length the window's length
     * @return a <em>borrowed</em> view of the window, valid until this lease ends
     * @throws IndexOutOfBoundsException if the window is not inside the segment
     * @throws IllegalArgumentException if the segment belongs to another arena
     * @throws IllegalStateException if this lease is closed
     * @throws WrongThreadException if this lease is confined to another thread
     */
    public ByteView view(MemorySegment segment, long offset, int length) {
        return view(window(segment, offset, length));
    }

    /**
     * Lends a whole writable segment of this lease's arena as a writable view.
     *
     * @param segment a writable segment allocated in or mapped into {@link #arena()}, at most
     *     {@link Integer#MAX_VALUE} bytes
     * @return a <em>borrowed</em> writable view of the segment, valid until this lease ends
     * @throws IllegalArgumentException if the segment is read-only, belongs to another arena, or is larger
     *     than a view
     * @throws IllegalStateException if this lease is closed
     * @throws WrongThreadException if this lease is confined to another thread
     */
    public MutableByteView mutableView(MemorySegment segment) {
        lendable(segment, "mutableView");
        if (segment.isReadOnly()) {
            throw new IllegalArgumentException("mutableView: the segment is read-only (for example a file mapped"
                    + " READ_ONLY); lend it with view()");
        }
        return wrapMutable(segment.asByteBuffer());
    }

    /**
     * Lends {@code length} writable bytes of a segment of this lease's arena, from {@code offset}, as a
     * writable view: a window into a segment of any size.
     *
     * @param segment a writable segment allocated in or mapped into {@link #arena()}
     * @param offset the window's first byte in the segment
     * @param length the window's length
     * @return a <em>borrowed</em> writable view of the window, valid until this lease ends
     * @throws IndexOutOfBoundsException if the window is not inside the segment
     * @throws IllegalArgumentException if the segment is read-only or belongs to another arena
     * @throws IllegalStateException if this lease is closed
     * @throws WrongThreadException if this lease is confined to another thread
     */
    public MutableByteView mutableView(MemorySegment segment, long offset, int length) {
        return mutableView(window(segment, offset, length));
    }

    /**
     * Maps {@code size} bytes of a file, from {@code position}, into this lease's arena; the mapping is
     * removed when this lease closes. Any size the operating system can map is allowed, beyond 2 GiB too;
     * lend it through windows ({@link #view(MemorySegment, long, int)}). A {@code READ_WRITE} mapping
     * beyond the end of the file grows the file.
     *
     * @param file the file
     * @param mode {@code READ_ONLY}, {@code READ_WRITE} or {@code PRIVATE} (copy on write)
     * @param position the region's first byte in the file
     * @param size the region's length in bytes
     * @return the mapped segment, <em>borrowed</em> from this lease: read-only for {@code READ_ONLY};
     *     unmapped when this lease closes
     * @throws IOException if the file cannot be opened or mapped
     * @throws IllegalArgumentException if {@code position} or {@code size} is negative
     * @throws IllegalStateException if this lease is closed
     * @throws WrongThreadException if this lease is confined to another thread
     */
    public MemorySegment map(Path file, FileChannel.MapMode mode, long position, long size) throws IOException {
        checkUsable("map");
        if (position < 0 || size < 0) {
            throw new IllegalArgumentException("map " + file + ": position " + position + " and size " + size
                    + " must not be negative");
        }
        try (FileChannel channel = open(file, mode)) {
            return channel.map(mode, position, size, arena);   // the mapping outlives the channel
        }
    }

    /**
     * Maps a whole file into this lease's arena; see {@link #map(Path, FileChannel.MapMode, long, long)}.
     *
     * @param file the file
     * @param mode {@code READ_ONLY}, {@code READ_WRITE} or {@code PRIVATE} (copy on write)
     * @return the mapped segment, <em>borrowed</em> from this lease, {@code Files.size(file)} bytes long;
     *     unmapped when this lease closes
     * @throws IOException if the file cannot be opened or mapped
     * @throws IllegalStateException if this lease is closed
     * @throws WrongThreadException if this lease is confined to another thread
     */
    public MemorySegment map(Path file, FileChannel.MapMode mode) throws IOException {
        return map(file, mode, 0, Files.size(file));
    }

    /**
     * Ends the lease: every view goes stale, and the arena is closed, freeing its memory and unmapping its
     * files now. Closing a closed lease does nothing, also when threads close a shared lease at once.
     *
     * @throws WrongThreadException if this lease is confined and this is not its owner thread; the lease
     *     stays open
     * @throws IllegalStateException if the JDK refuses to close the arena, for example while a native call
     *     holds one of its segments; the lease stays open
     */
    @Override
    public synchronized void close() {
        if (!isOpen()) {
            return;
        }
        checkOwner("close");
        arena.close();
        end();
    }

    private static FileChannel open(Path file, FileChannel.MapMode mode) throws IOException {
        Objects.requireNonNull(file, "file");
        return mode == FileChannel.MapMode.READ_WRITE
                ? FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)
                : FileChannel.open(file, StandardOpenOption.READ);
    }

    /** Checks that a segment may be lent under this lease as one view. */
    private MemorySegment lendable(MemorySegment segment, String op) {
        checkUsable(op);
        if (!segment.scope().equals(arena.scope())) {
            throw new IllegalArgumentException(op + ": the segment does not belong to the arena of lease '" + name()
                    + "', so its memory could be freed while a view of it is valid; allocate or map it in"
                    + " lease.arena(), or reinterpret it into that arena");
        }
        if (segment.byteSize() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(op + ": the segment has " + segment.byteSize()
                    + " bytes, more than a view holds (" + Integer.MAX_VALUE
                    + "); lend a window with " + op + "(segment, offset, length)");
        }
        return segment;
    }

    private static MemorySegment window(MemorySegment segment, long offset, int length) {
        if (offset < 0 || length < 0 || offset > segment.byteSize() - length) {
            throw new IndexOutOfBoundsException("window of " + length + " bytes at offset " + offset
                    + " is not inside the segment of " + segment.byteSize() + " bytes");
        }
        return segment.asSlice(offset, length);
    }

    private void checkUsable(String op) {
        if (!isOpen()) {
            throw new IllegalStateException(op + ": lease '" + name() + "' is closed");
        }
        checkOwner(op);
    }

    private void checkOwner(String op) {
        Thread current = Thread.currentThread();
        if (owner != null && owner != current) {
            throw new WrongThreadException(op + " on confined lease '" + name() + "' from thread '" + current.getName()
                    + "'; only its owner thread '" + owner.getName() + "' may use it (open it with"
                    + " ArenaLease.shared to use it from several threads)");
        }
    }
}
