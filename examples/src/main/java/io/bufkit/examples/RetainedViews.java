package io.bufkit.examples;

import io.bufkit.ByteView;
import io.bufkit.MutableByteView;
import java.io.PrintStream;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.nio.ByteBuffer;

/**
 * The retained-views scenario (PROTOCOLS.md §2): 100,000 views of 16 bytes each keep a whole 50 MiB
 * buffer reachable; {@link ByteView#pinnedBytes()} shows the cause and {@link ByteView#compact()} is the
 * fix. Measured twice: for a heap {@code byte[]} (heap used after {@code System.gc()}) and for a direct
 * {@code ByteBuffer} (the {@code direct} buffer pool's memory used), and printed side by side.
 *
 * <p>Each {@code compact()} copy is a view object plus its own 16-byte array — about 72 bytes of heap for
 * 16 bytes of data. To get close to the 1.6 MB of the data itself, the last step packs the copies into one
 * owned store ({@link #pack}): one array (or one direct buffer) of 100,000 &times; 16 bytes, from which
 * copy {@code i} is read as a short-lived borrowed slice {@code store.slice(16 * i, 16 * i + 16)} when
 * needed instead of being kept as an object.
 */
public final class RetainedViews {

    /** The size of the one large buffer: 50 MiB. */
    static final int BUFFER_BYTES = 50 * 1024 * 1024;
    /** How many small views are kept. */
    static final int VIEW_COUNT = 100_000;
    /** The size of each view. */
    static final int VIEW_BYTES = 16;
    /** The distance between consecutive views, so that they spread over the whole buffer. */
    static final int STRIDE = BUFFER_BYTES / VIEW_COUNT;

    /** How long to wait, at most, for the JDK to free a collected direct buffer's memory. */
    private static final long RELEASE_WAIT_MILLIS = 2_000;

    private RetainedViews() {
    }

    /** Where the large buffer lives, and how its retention is measured. */
    enum Memory {
        /** A heap {@code byte[]}; measured as heap used after {@code System.gc()}. */
        HEAP,
        /** A direct {@code ByteBuffer}; measured as the {@code direct} buffer pool's memory used. */
        DIRECT
    }

    /**
     * One run of the scenario.
     *
     * @param memory where the large buffer lived
     * @param baseline the measure before the buffer was allocated, in bytes
     * @param withViews the measure while the 100,000 views were kept, in bytes
     * @param withCopies the measure while only the 100,000 compact copies were kept, in bytes
     * @param minPinnedPerView the smallest {@code pinnedBytes()} of any view
     * @param pinnedByCopies the sum of {@code pinnedBytes()} over all copies
     * @param copiesIntact whether every copy still held its view's bytes after the buffer was dropped
     * @param withPacked the measure while only the copies packed into one store were kept, in bytes
     * @param pinnedByPacked the {@code pinnedBytes()} of the packed store
     * @param packedIntact whether every packed copy held its view's bytes
     */
    record Measurement(Memory memory, long baseline, long withViews, long withCopies, long minPinnedPerView,
            long pinnedByCopies, boolean copiesIntact, long withPacked, long pinnedByPacked, boolean packedIntact) {

        /** Bytes retained by the views, above the baseline. */
        long retainedByViews() {
            return Math.max(0, withViews - baseline);
        }

        /** Bytes retained by the copies, above the baseline. */
        long retainedByCopies() {
            return Math.max(0, withCopies - baseline);
        }

        /** Bytes retained by the packed store, above the baseline. */
        long retainedByPacked() {
            return Math.max(0, withPacked - baseline);
        }
    }

    /**
     * Runs the scenario for both kinds of memory and prints the results.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        run(System.out);
    }

    /**
     * Runs the scenario for a heap array and a direct buffer and prints the retained memory side by side,
     * with the cause ({@code pinnedBytes()}) and the fix ({@code compact()}).
     *
     * @param out where to print
     */
    public static void run(PrintStream out) {
        Measurement heap = measure(Memory.HEAP);
        Measurement direct = measure(Memory.DIRECT);
        out.printf("== retained views (one 50 MiB buffer, %,d views of %d bytes) ==%n", VIEW_COUNT, VIEW_BYTES);
        out.printf("%-32s %22s %22s%n", "", "heap byte[]", "direct ByteBuffer");
        out.printf("%-32s %22s %22s%n", "", "heap used after GC", "direct pool used");
        out.printf("%-32s %22s %22s%n", String.format("keep %,d views", VIEW_COUNT),
                megabytes(heap.retainedByViews()), megabytes(direct.retainedByViews()));
        out.printf("%-32s %22s %22s%n", String.format("keep %,d compact() copies", VIEW_COUNT),
                megabytes(heap.retainedByCopies()), megabytes(direct.retainedByCopies()));
        out.printf("%-32s %22s %22s%n", "keep them packed in one store",
                megabytes(heap.retainedByPacked()), megabytes(direct.retainedByPacked()));
        out.printf("cause: each view's pinnedBytes() is %,d B: a 16-byte view keeps the whole buffer reachable%n",
                Math.min(heap.minPinnedPerView(), direct.minPinnedPerView()));
        out.printf("fix:   compact() copies each view into its own %d-byte array: pinnedBytes() %,d B for all%n",
                VIEW_BYTES, heap.pinnedByCopies());
        out.printf("       copies together (%s of data; the heap figure adds each copy's object headers)%n",
                megabytes(heap.pinnedByCopies()));
        out.printf("close: pack the copies into one owned %s store (%,d B in one array or buffer, no object"
                + " per copy)%n       and read copy i as store.slice(16 * i, 16 * i + 16) when needed%n",
                megabytes(heap.pinnedByPacked()), heap.pinnedByPacked());
        out.println();
    }

    /**
     * Runs the scenario once: allocates the buffer, keeps {@link #VIEW_COUNT} views of it and measures,
     * then replaces every view by its {@link ByteView#compact()} copy, drops the buffer and measures again,
     * then packs the copies into one store of the same kind of memory, drops them and measures a third time.
     *
     * @param memory where to allocate the buffer
     * @return what was measured
     */
    static Measurement measure(Memory memory) {
        long baseline = measure(memory, Long.MAX_VALUE);

        ByteView[] kept = new ByteView[VIEW_COUNT];
        fillWithViews(memory, kept);
        long withViews = measure(memory, Long.MAX_VALUE);
        long minPinned = Long.MAX_VALUE;
        for (ByteView v : kept) {
            minPinned = Math.min(minPinned, v.pinnedBytes());
        }

        for (int i = 0; i < VIEW_COUNT; i++) {
            kept[i] = kept[i].compact();
        }
        long withCopies = measure(memory, baseline + BUFFER_BYTES / 2);
        long pinnedByCopies = 0;
        boolean intact = true;
        for (int i = 0; i < VIEW_COUNT; i++) {
            pinnedByCopies += kept[i].pinnedBytes();
            intact &= kept[i].length() == VIEW_BYTES && kept[i].i64be(0) == i && kept[i].i64be(8) == ~i;
        }
        Reference.reachabilityFence(kept);

        MutableByteView store = pack(memory, kept);
        java.util.Arrays.fill(kept, null);
        long withPacked = measure(memory, baseline + store.pinnedBytes() + BUFFER_BYTES / 4);
        boolean packedIntact = true;
        for (int i = 0; i < VIEW_COUNT; i++) {
            ByteView copy = store.slice(i * VIEW_BYTES, (i + 1) * VIEW_BYTES);   // borrowed, not kept
            packedIntact &= copy.i64be(0) == i && copy.i64be(8) == ~i;
        }
        Reference.reachabilityFence(store);
        return new Measurement(memory, baseline, withViews, withCopies, minPinned, pinnedByCopies, intact,
                withPacked, store.pinnedBytes(), packedIntact);
    }

    /**
     * Copies every view, one after the other, into one new owned store of {@code views.length * 16} bytes:
     * copy {@code i} is {@code store.slice(16 * i, 16 * i + 16)}. One array (or direct buffer) instead of
     * an object and an array per copy.
     *
     * @param memory whether the store is a heap array or a direct buffer
     * @param views the views to copy, each {@link #VIEW_BYTES} long
     * @return the owned store
     */
    static MutableByteView pack(Memory memory, ByteView[] views) {
        int size = views.length * VIEW_BYTES;
        MutableByteView store = memory == Memory.HEAP ? MutableByteView.allocate(size)
                : MutableByteView.wrap(ByteBuffer.allocateDirect(size));
        for (int i = 0; i < views.length; i++) {
            store.put(i * VIEW_BYTES, views[i]);
        }
        return store;
    }

    /** Allocates the large buffer, writes a recognisable value into each view's range, and keeps only the views. */
    private static void fillWithViews(Memory memory, ByteView[] kept) {
        MutableByteView buffer = memory == Memory.HEAP ? MutableByteView.wrap(new byte[BUFFER_BYTES])
                : MutableByteView.wrap(ByteBuffer.allocateDirect(BUFFER_BYTES));
        for (int i = 0; i < VIEW_COUNT; i++) {
            int at = i * STRIDE;
            buffer.putI64be(at, i).putI64be(at + 8, ~(long) i);
        }
        ByteView readOnly = buffer.asReadOnly();
        for (int i = 0; i < VIEW_COUNT; i++) {
            kept[i] = readOnly.slice(i * STRIDE, i * STRIDE + VIEW_BYTES);
        }
    }

    /**
     * Heap used after a full collection, or the direct pool's memory used after one. Direct memory is
     * freed by a cleaner thread after the collection, so this waits a little (bounded) for the pool to
     * shrink to {@code awaitAtMost} bytes.
     */
    private static long measure(Memory memory, long awaitAtMost) {
        System.gc();
        if (memory == Memory.HEAP) {
            return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        }
        long deadline = System.nanoTime() + RELEASE_WAIT_MILLIS * 1_000_000;
        long used = directPoolUsed();
        while (used > awaitAtMost && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            System.gc();
            used = directPoolUsed();
        }
        return used;
    }

    /** The memory used by the JDK's {@code direct} buffer pool, in bytes. */
    static long directPoolUsed() {
        for (BufferPoolMXBean pool : ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class)) {
            if (pool.getName().equals("direct")) {
                return pool.getMemoryUsed();
            }
        }
        throw new IllegalStateException("the JVM reports no direct buffer pool");
    }

    private static String megabytes(long bytes) {
        return String.format("%.1f MB", bytes / 1e6);
    }
}
