package io.bufkit.pool;

import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.nio.ByteBuffer;

/**
 * Finds the {@link Handout} of a {@code ByteBuffer} by object identity — never by
 * {@link ByteBuffer#equals(Object)}, which compares contents — for {@link BufferPool#release(ByteBuffer)}.
 *
 * <p>A hash table keyed by {@link System#identityHashCode(Object)}, split into independently locked
 * stripes so that threads registering different buffers rarely meet. Records whose buffer was
 * garbage-collected are removed as their references are enqueued.
 */
final class HandoutRegistry {

    private static final int STRIPES = 16;

    private final ReferenceQueue<ByteBuffer> collected = new ReferenceQueue<>();
    private final Stripe[] stripes = new Stripe[STRIPES];

    /** One independently locked hash table. */
    private static final class Stripe {
        Handout[] table = new Handout[16];
        int size;
    }

    HandoutRegistry() {
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new Stripe();
        }
    }

    private static int spread(int h) {
        return h ^ (h >>> 16);
    }

    private Stripe stripe(int hash) {
        return stripes[spread(hash) & (STRIPES - 1)];
    }

    private static int bucket(int hash, int length) {
        return (spread(hash) >>> 4) & (length - 1);
    }

    /** Records that {@code buffer} was handed out for {@code lease}'s tenancy. */
    void register(ByteBuffer buffer, PooledLease lease) {
        expungeCollected();
        int hash = System.identityHashCode(buffer);
        Handout h = new Handout(buffer, collected, hash, lease);
        Stripe s = stripe(hash);
        synchronized (s) {
            if (s.size >= s.table.length - (s.table.length >>> 2)) {
                grow(s);
            }
            int b = bucket(hash, s.table.length);
            h.next = s.table[b];
            s.table[b] = h;
            s.size++;
        }
    }

    /** The record of {@code buffer}, or {@code null} when this registry never saw that object. */
    Handout find(ByteBuffer buffer) {
        int hash = System.identityHashCode(buffer);
        Stripe s = stripe(hash);
        synchronized (s) {
            for (Handout h = s.table[bucket(hash, s.table.length)]; h != null; h = h.next) {
                if (h.get() == buffer) {
                    return h;
                }
            }
        }
        return null;
    }

    /** The number of records whose buffers may still be reachable; for tests. */
    int size() {
        expungeCollected();
        int n = 0;
        for (Stripe s : stripes) {
            synchronized (s) {
                n += s.size;
            }
        }
        return n;
    }

    private void expungeCollected() {
        Reference<? extends ByteBuffer> r;
        while ((r = collected.poll()) != null) {
            remove((Handout) r);
        }
    }

    private void remove(Handout dead) {
        Stripe s = stripe(dead.hash);
        synchronized (s) {
            int b = bucket(dead.hash, s.table.length);
            Handout prev = null;
            for (Handout h = s.table[b]; h != null; prev = h, h = h.next) {
                if (h == dead) {
                    if (prev == null) {
                        s.table[b] = h.next;
                    } else {
                        prev.next = h.next;
                    }
                    s.size--;
                    return;
                }
            }
        }
    }

    private static void grow(Stripe s) {
        Handout[] old = s.table;
        Handout[] table = new Handout[old.length * 2];
        for (Handout head : old) {
            for (Handout h = head; h != null;) {
                Handout next = h.next;
                int b = bucket(h.hash, table.length);
                h.next = table[b];
                table[b] = h;
                h = next;
            }
        }
        s.table = table;
    }
}
