package io.bufkit.pool;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A lock-free stack of free slot indices (a Treiber stack over an array), last in first out so that the
 * most recently used — cache-warm — buffer is reused first.
 *
 * <p>The head packs three fields into one {@code long} updated by a single compare-and-set: a 32-bit tag
 * bumped on every change (so a head that went away and came back is not mistaken for an unchanged one —
 * the ABA problem), the 16-bit number of free slots, and the 16-bit index of the top slot
 * ({@link #NONE} when empty). The count makes {@link #available()} exact, and {@link #fewestFree()} — the
 * low-water mark of the count, lowered by the pop that reached it — makes the pool's peak usage exact.
 */
final class FreeList {

    /** The largest capacity: indices 0 to 65534, with 65535 meaning "none". */
    static final int MAX_CAPACITY = 0xFFFF;
    private static final int NONE = 0xFFFF;

    private static final VarHandle HEAD;
    private static final VarHandle FEWEST;

    static {
        try {
            MethodHandles.Lookup l = MethodHandles.lookup();
            HEAD = l.findVarHandle(FreeList.class, "head", long.class);
            FEWEST = l.findVarHandle(FreeList.class, "fewestFree", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** next[i] is the index below slot i while i is on the stack. */
    private final int[] next;
    @SuppressWarnings("unused")
    private volatile long head;
    /** The fewest slots ever on the stack at once. */
    @SuppressWarnings("unused")
    private volatile int fewestFree;

    /** Creates a full stack holding {@code 0 .. capacity - 1}, with 0 on top. */
    FreeList(int capacity) {
        if (capacity < 1 || capacity > MAX_CAPACITY) {
            throw new IllegalArgumentException("capacity " + capacity + " is outside [1, " + MAX_CAPACITY + "]");
        }
        next = new int[capacity];
        for (int i = 0; i < capacity; i++) {
            next[i] = i + 1 < capacity ? i + 1 : NONE;
        }
        HEAD.setVolatile(this, pack(0, capacity, 0));
        FEWEST.setVolatile(this, capacity);
    }

    private static long pack(long tag, int count, int index) {
        return (tag << 32) | ((long) count << 16) | index;
    }

    /**
     * Pops a free slot, lowering {@link #fewestFree()} if the stack was never this short.
     *
     * @return the slot index, or {@code -1} when the stack is empty
     */
    int pop() {
        for (;;) {
            long h = (long) HEAD.getVolatile(this);
            int top = (int) h & 0xFFFF;
            if (top == NONE) {
                return -1;
            }
            int count = (int) (h >>> 16) & 0xFFFF;
            long n = pack((h >>> 32) + 1, count - 1, next[top]);
            if (HEAD.compareAndSet(this, h, n)) {
                if (count - 1 < fewestFree) {
                    lowerFewest(count - 1);
                }
                return top;
            }
            Thread.onSpinWait();
        }
    }

    private void lowerFewest(int count) {
        int f;
        while (count < (f = fewestFree)) {
            if (FEWEST.compareAndSet(this, f, count)) {
                return;
            }
        }
    }

    /** The fewest slots that were ever on the stack at once: capacity minus the peak usage. */
    int fewestFree() {
        return fewestFree;
    }

    /** Pushes a slot that is not on the stack. */
    void push(int index) {
        for (;;) {
            long h = (long) HEAD.getVolatile(this);
            next[index] = (int) h & 0xFFFF;
            int count = (int) (h >>> 16) & 0xFFFF;
            if (HEAD.compareAndSet(this, h, pack((h >>> 32) + 1, count + 1, index))) {
                return;
            }
            Thread.onSpinWait();
        }
    }

    /** The number of slots on the stack. */
    int available() {
        return (int) ((long) HEAD.getVolatile(this) >>> 16) & 0xFFFF;
    }
}
