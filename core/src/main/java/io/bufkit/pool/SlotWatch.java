package io.bufkit.pool;

/**
 * Watches every tenancy of one pooled slot at the cost of a field read per acquisition, through a
 * <em>token</em>: a plain object that each lease of the slot holds, and that this watch refers to weakly.
 *
 * <p>An acquisition takes the token from the slot's current watch ({@link #get()}) and stores it in the new
 * lease; only when the token was already collected does it make a new token and a new watch, and store the
 * watch in the slot — about once per slot and garbage collection, never per acquisition. So the token is
 * reachable exactly while some lease that holds it is. When it is collected, every lease that held it is
 * unreachable; if the slot is then still leased, under this watch, by a tenancy not watched on its own
 * ({@link TenancyWatch}), that tenancy's lease is unreachable unreleased: a leak, and the pool reclaims it.
 *
 * <p>The acquiring thread stores a new watch in the slot <em>before</em> it moves the slot's stamp to the
 * new tenancy (a release store), and {@link #unreachable()} reads the stamp before the slot's watch, so a
 * tenancy that began under a newer watch is never mistaken for one that held this token. The stamp's
 * compare-and-set in {@link BufferPool#reclaimLeaked} settles any race with a release.
 *
 * <p>A lease's token must stay reachable for as long as the lease is in use. A lease that lives in the heap
 * holds it; a lease the compiler scalar-replaced (it never left one compiled method) has no heap object,
 * so the release compares the lease's token with the slot's after ending the tenancy: that use keeps the
 * token alive until the tenancy has ended.
 */
final class SlotWatch extends LeakWatch {

    private final Slot slot;

    private SlotWatch(Object token, Slot slot) {
        super(token);
        this.slot = slot;
    }

    /**
     * The token for a new tenancy of {@code slot}, which its exclusive holder is about to lease: the current
     * watch's token if it is still alive, else a new token under a new watch.
     */
    static Object tokenFor(Slot slot) {
        SlotWatch w = slot.watch;
        Object token = w != null ? w.get() : null;
        if (token == null) {
            token = new Object();
            slot.watch = new SlotWatch(token, slot);
        }
        return token;
    }

    @Override
    void unreachable() {
        long stamp = slot.stamp();
        if ((stamp & 1) == 0 || slot.watch != this || slot.watchedAlone == stamp) {
            return;   // free, leased under a newer token, or watched by its own TenancyWatch
        }
        slot.pool.reclaimLeaked(slot, stamp, null);
    }
}
