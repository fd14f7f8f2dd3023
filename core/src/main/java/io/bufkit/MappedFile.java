package io.bufkit;

import java.io.EOFException;
import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

/**
 * A region of a file mapped into memory, as a {@link Lease}: its views <em>borrow</em> the mapped memory
 * and go stale when the mapping is closed.
 *
 * <pre>{@code
 * try (MappedFile file = MappedFile.readWrite(Path.of("counter.bin"), 0, 64)) {
 *     MutableByteView shared = file.mutableView();   // borrowed, valid until close()
 *     shared.getAndAddI32le(0, 1);                   // atomic, also against other processes
 *     file.force();                                  // written to the storage device
 * }                                                  // shared.i32le(0) now throws StaleViewException
 * }</pre>
 *
 * <p>Views of a read-write mapping of the same file region share memory with every other process that maps
 * it, so the atomic methods of {@link MutableByteView} ({@code getAndAddI32le}, {@code compareAndSetI64le},
 * ...) coordinate threads and processes alike. Mapped memory is direct memory: its addresses are aligned
 * to the page size at the mapped position, so an offset that is a multiple of 8 from a position that is
 * a multiple of 8 is aligned for every atomic access.
 *
 * <p><b>What Java 17 can and cannot do.</b> The JDK 17 API has no way to unmap a file: {@link #close()}
 * ends the lease, so that every view of the mapping throws {@link StaleViewException} instead of reading
 * or writing, and drops this object's reference to the mapping; the memory stays mapped until the
 * garbage collector finds the mapping unreachable — that is, until this object and every view created under
 * it (stale or not) are unreachable. Until then the mapping uses address space, and on Windows the file
 * cannot be deleted or truncated. Write-back is up to the operating system: {@link #force()} writes the
 * region's changes to the storage device; {@code close()} does not. A region is at most
 * {@link Integer#MAX_VALUE} bytes. The {@code bufkit-ffm} module (Java 22 and later) maps files of any size
 * and unmaps them when their lease closes.
 *
 * <p>Like every lease, a mapping is not synchronized: close it after every thread that uses its views is
 * done, with a happens-before edge (such as {@link Thread#join()}).
 */
public final class MappedFile extends Lease {

    private final Path path;
    private final long position;
    private final int length;
    private final boolean readOnly;
    /** The mapping; {@code null} once closed, so that only views keep it reachable. */
    private MappedByteBuffer mapping;

    private MappedFile(Path path, long position, MappedByteBuffer mapping, boolean readOnly) {
        super((readOnly ? "read-only" : "read-write") + " mapping of " + path);
        this.path = path;
        this.position = position;
        this.length = mapping.capacity();
        this.readOnly = readOnly;
        this.mapping = mapping;
    }

    /**
     * Maps a whole file read-only.
     *
     * @param file the file, which must exist and be at most {@link Integer#MAX_VALUE} bytes long
     * @return an open mapping; close it to end its views
     * @throws IOException if the file cannot be opened or mapped
     * @throws IllegalArgumentException if the file is longer than {@link Integer#MAX_VALUE} bytes
     */
    public static MappedFile readOnly(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            checkRegion(file, 0, size);
            return new MappedFile(file, 0, channel.map(FileChannel.MapMode.READ_ONLY, 0, size), true);
        }
    }

    /**
     * Maps {@code [position, position + length)} of an existing file read-only.
     *
     * @param file the file
     * @param position the first byte of the region in the file
     * @param length the region's length in bytes
     * @return an open mapping; close it to end its views
     * @throws IOException if the file cannot be opened or mapped
     * @throws EOFException if the region ends past the end of the file
     * @throws IllegalArgumentException if the position or length is negative
     */
    public static MappedFile readOnly(Path file, long position, int length) throws IOException {
        checkRegion(file, position, length);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (position + length > size) {
                throw new EOFException("cannot map [" + position + ", " + (position + length) + ") of " + file
                        + " read-only: the file is only " + size + " bytes long");
            }
            return new MappedFile(file, position, channel.map(FileChannel.MapMode.READ_ONLY, position, length), true);
        }
    }

    /**
     * Maps {@code [position, position + length)} of a file for reading and writing, creating the file if it
     * does not exist and extending it with zero bytes if it is shorter than {@code position + length}.
     *
     * @param file the file
     * @param position the first byte of the region in the file
     * @param length the region's length in bytes
     * @return an open mapping; close it to end its views
     * @throws IOException if the file cannot be opened, extended or mapped
     * @throws IllegalArgumentException if the position or length is negative
     */
    public static MappedFile readWrite(Path file, long position, int length) throws IOException {
        checkRegion(file, position, length);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE,
                StandardOpenOption.CREATE)) {
            return new MappedFile(file, position, channel.map(FileChannel.MapMode.READ_WRITE, position, length), false);
        }
    }

    private static void checkRegion(Path file, long position, long length) {
        Objects.requireNonNull(file, "file");
        if (position < 0 || length < 0) {
            throw new IllegalArgumentException("cannot map " + file + " at position " + position + " with length "
                    + length + ": both must be at least 0");
        }
        if (length > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("cannot map " + length + " bytes of " + file + ": a region is at most "
                    + Integer.MAX_VALUE + " bytes on Java 17 (map several regions, or use bufkit-ffm on Java 22+)");
        }
    }

    /**
     * A read-only view of the whole region; it <em>borrows</em> the mapped memory until this mapping is
     * closed or renewed.
     *
     * @return a borrowed view of {@link #length()} bytes
     * @throws IllegalStateException if the mapping is closed
     */
    public ByteView view() {
        return wrap(mapping("view"));
    }

    /**
     * A writable view of the whole region; it <em>borrows</em> the mapped memory until this mapping is
     * closed or renewed. Writes reach the file (and every other process mapping it) without a call;
     * {@link #force()} makes them durable.
     *
     * @return a borrowed writable view of {@link #length()} bytes
     * @throws IllegalStateException if the mapping is closed or read-only
     */
    public MutableByteView mutableView() {
        MappedByteBuffer m = mapping("mutableView");
        if (readOnly) {
            throw new IllegalStateException("mutableView of the " + name() + ": it was mapped read-only;"
                    + " map it with MappedFile.readWrite to write");
        }
        return wrapMutable(m);
    }

    /**
     * Writes every change to the region to the storage device before returning, as
     * {@link MappedByteBuffer#force()}; for a read-only mapping, does nothing.
     *
     * @return this mapping
     * @throws IllegalStateException if the mapping is closed
     * @throws java.io.UncheckedIOException if the operating system reports an error writing back
     */
    public MappedFile force() {
        mapping("force").force();
        return this;
    }

    /**
     * The mapped file.
     *
     * @return the path given when mapping
     */
    public Path path() {
        return path;
    }

    /**
     * Where the region starts in the file.
     *
     * @return the position in bytes
     */
    public long position() {
        return position;
    }

    /**
     * The region's length, the length of its views.
     *
     * @return the length in bytes
     */
    public int length() {
        return length;
    }

    /**
     * Whether the region was mapped read-only.
     *
     * @return {@code true} for {@link #readOnly(Path)} and {@link #readOnly(Path, long, int)} mappings
     */
    public boolean isReadOnly() {
        return readOnly;
    }

    /**
     * Ends the mapping's lease: every view of it throws {@link StaleViewException} from now on, and this
     * object lets go of the mapping, which the JDK unmaps once no view keeps it reachable (see the class
     * comment). Changes are not forced to the storage device; call {@link #force()} first when that
     * matters. Closing a closed mapping does nothing.
     */
    @Override
    public void close() {
        if (isOpen()) {
            mapping = null;
            end();
        }
    }

    private MappedByteBuffer mapping(String op) {
        MappedByteBuffer m = mapping;
        if (m == null) {
            throw new IllegalStateException(op + " of the " + name() + " after it was closed");
        }
        return m;
    }
}
