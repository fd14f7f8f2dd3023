package io.bufkit.pool;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fixed set of pre-allocated buffers of one size, heap or direct, leased out one at a time.
 *
 * <pre>{@code
 * BufferPool pool = BufferPool.builder().bufferSize(65536).capacity(100).direct(true).build();
 * try (PooledLease lease = pool.acquire()) {
 *     int n = channel.read(lease.buffer());
 *     decoder.feed(lease.view().slice(0, n), handler);
 * }
 * }</pre>
 *
 * <p><b>Ownership.</b> {@link #acquire()} hands out a {@link PooledLease}; its views borrow the buffer
 * and go stale when it is released. Each buffer's tenancy is tracked with a generation stamp, so:
 * <ul>
 *   <li>releasing twice — through the lease or through {@link #release(ByteBuffer)} — throws
 *       {@link DoubleReleaseException}, and a stale handle never releases a later tenant's buffer;</li>
 *   <li>{@link #release(ByteBuffer)} accepts only the exact {@code ByteBuffer} object a lease's
 *       {@link PooledLease#buffer()} returned (matched by identity, not by contents); any other buffer —
 *       even one of the same size, or a duplicate or slice of a pooled one — is rejected with
 *       {@link ForeignBufferException};</li>
 *   <li>when every buffer is leased, the {@link OverflowPolicy} decides: allocate an <em>overflow</em>
 *       buffer that is dropped on release (never added to the pool), fail, or wait.</li>
 * </ul>
 *
 * <p><b>Waiting.</b> {@link #acquire(Duration)} blocks, and {@link #acquireAsync()} returns a future.
 * Waiters are served first in first out, and a release hands its buffer straight to the oldest one. At
 * most {@link Builder#maxWaiters(int)} callers may wait; beyond that, acquisition fails at once with
 * {@link PoolExhaustedException}, so backpressure reaches the caller instead of piling up in an
 * unbounded queue. No wait is unbounded: {@code acquireAsync()} waits at most
 * {@link Builder#maxWait(Duration)}, like {@code acquire()} under {@link OverflowPolicy#WAIT}. A waiter
 * that is cancelled, completed or failed by its caller, interrupted or timed out leaves the queue at once
 * and never swallows a buffer; a buffer handed to a future that nobody reads any more comes back as a
 * leak. A future is completed on the thread that releases the buffer, so its dependent actions run there:
 * use the {@code ...Async} variants to run them elsewhere.
 *
 * <p><b>Leaks.</b> Unless {@link LeakDetection} is {@code NONE}, every lease that becomes unreachable
 * unreleased is a leak: it is reported through {@link System.Logger}, counted in
 * {@link PoolStats#leaks()}, and its buffer returns to the pool (or to the oldest waiter). Leases handed to
 * waiters are watched even under {@code NONE}.
 *
 * <p>Thread-safe. Acquiring and releasing without waiters are lock-free. {@link #used()},
 * {@link #available()} and {@link #stats()} are exact once the pool is quiet; while other threads use
 * it, they are a moment's reading.
 */
public final class BufferPool {

    private static final byte[] ZEROS = new byte[4096];

    private final String name;
    private final int bufferSize;
    private final int capacity;
    private final boolean direct;
    private final boolean clearOnRelease;
    private final boolean trackReleases;
    private final OverflowPolicy overflowPolicy;
    private final Duration maxWait;
    private final LeakDetection leakDetection;
    /** {@link LeakDetection#SAMPLED}: every tenancy of a pooled slot is watched through its slot's token. */
    private final boolean watchSlots;
    /** Overflow tenancies are watched on their own: any level but {@link LeakDetection#NONE}. */
    private final boolean watchOverflow;
    /** {@link LeakDetection#PARANOID}: every tenancy records its acquisition site. */
    private final boolean siteOfEvery;
    /** {@link LeakDetection#SAMPLED}: some tenancies record their acquisition site. */
    private final boolean siteOfSome;
    private final int leakSampleInterval;
    /** {@code 2^24 / leakSampleInterval}: a 24-bit hash below it picks a tenancy whose site is recorded. */
    private final long sampleThreshold;
    private final System.Logger logger;
    private final long overflowWarningNanos;

    private final Slot[] slots;
    private final FreeList free;
    private final HandoutRegistry handouts = new HandoutRegistry();
    private final String overflowLeaseName;
    /** The leak watches of overflow tenancies, kept reachable here (an overflow slot is not). */
    private final Set<TenancyWatch> overflowWatches = ConcurrentHashMap.newKeySet();

    private final WaitQueue queue;

    private final AtomicLong overflowAllocated = new AtomicLong();
    private final AtomicLong overflowDropped = new AtomicLong();
    private final AtomicLong doubleReleases = new AtomicLong();
    private final AtomicLong foreignReleases = new AtomicLong();
    private final AtomicLong leaks = new AtomicLong();
    private final AtomicLong rejections = new AtomicLong();
    private final AtomicLong nextOverflowWarning;
    private final AtomicLong overflowsSinceWarning = new AtomicLong();

    private BufferPool(Builder b) {
        this.name = b.name;
        this.bufferSize = b.bufferSize;
        this.capacity = b.capacity;
        this.direct = b.direct;
        this.clearOnRelease = b.clearOnRelease;
        this.leakDetection = b.leakDetection;
        this.watchSlots = b.leakDetection == LeakDetection.SAMPLED;
        this.watchOverflow = b.leakDetection != LeakDetection.NONE;
        this.siteOfEvery = b.leakDetection == LeakDetection.PARANOID;
        this.siteOfSome = b.leakDetection == LeakDetection.SAMPLED;
        this.trackReleases = b.trackReleases || b.leakDetection == LeakDetection.PARANOID;
        this.overflowPolicy = b.overflowPolicy;
        this.maxWait = b.maxWait;
        this.leakSampleInterval = b.leakSampleInterval;
        this.sampleThreshold = (1L << 24) / b.leakSampleInterval;
        this.logger = b.logger != null ? b.logger : System.getLogger("io.bufkit.pool");
        this.overflowWarningNanos = b.overflowWarningInterval.toNanos();
        this.nextOverflowWarning = new AtomicLong(System.nanoTime());
        this.overflowLeaseName = "pool '" + name + "' overflow buffer";
        this.free = new FreeList(capacity);
        this.queue = new WaitQueue(new Supply(), b.maxWaiters);
        this.slots = new Slot[capacity];
        for (int i = 0; i < capacity; i++) {
            byte[] array = direct ? null : new byte[bufferSize];
            ByteBuffer memory = direct ? ByteBuffer.allocateDirect(bufferSize) : ByteBuffer.wrap(array);
            slots[i] = new Slot(this, i, memory, array, "pool '" + name + "' buffer #" + i);
        }
    }

    /**
     * Starts configuring a pool.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    // ------------------------------------------------------------------ acquiring

    /**
     * Leases a buffer: a pooled one if any is free, else whatever the {@link OverflowPolicy} says. Never
     * blocks unless the policy is {@link OverflowPolicy#WAIT}.
     *
     * @return a new lease; the caller must release it, preferably with try-with-resources
     * @throws PoolExhaustedException if every buffer is leased and the policy is {@code FAIL}, or it is
     *     {@code WAIT} and the waiter queue is full, the wait exceeded {@link Builder#maxWait(Duration)}
     *     or the thread was interrupted (its interrupt status is then set again)
     */
    public PooledLease acquire() {
        if (queue.waiting() == 0) {
            int index = free.pop();
            if (index >= 0) {
                return newLease(slots[index], false);
            }
        }
        return overflowPolicy.whenExhausted(this);
    }

    /** {@link OverflowPolicy#ALLOCATE} and {@code FAIL}: a free buffer unless others wait, else {@code null}. */
    PooledLease takeBehindWaiters() {
        return queue.tryTake();
    }

    /** {@link OverflowPolicy#WAIT}: waits up to {@link Builder#maxWait(Duration)}, failing on an interrupt. */
    PooledLease awaitForMaxWait() {
        CompletableFuture<PooledLease> waiter = queue.takeOrEnqueue();
        try {
            return queue.await(waiter, maxWait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw reject("interrupted while waiting for a buffer", e);
        }
    }

    /**
     * Leases a pooled buffer, waiting up to {@code timeout} for one to be released. Waiters are served first
     * in first out. This method does not consult the {@link OverflowPolicy}: it never allocates an overflow
     * buffer and never fails at once because the policy is {@code FAIL}; {@code acquire(maxWait)} is what
     * {@link #acquire()} does under {@link OverflowPolicy#WAIT}, except that an interrupt is thrown here.
     *
     * @param timeout how long to wait at most; {@link Duration#ZERO} means not at all
     * @return a new lease of a pooled buffer
     * @throws PoolExhaustedException if no buffer was released in time, or the waiter queue is full
     * @throws InterruptedException if the thread was interrupted while waiting; no buffer is lost
     * @throws IllegalArgumentException if {@code timeout} is negative
     */
    public PooledLease acquire(Duration timeout) throws InterruptedException {
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("negative timeout " + timeout);
        }
        if (queue.waiting() == 0) {
            int index = free.pop();
            if (index >= 0) {
                return newLease(slots[index], false);
            }
        }
        if (Thread.interrupted()) {
            throw new InterruptedException("interrupted before waiting for a buffer of " + describe());
        }
        return queue.await(queue.takeOrEnqueue(), timeout);
    }

    /**
     * Leases a pooled buffer when one is free, waiting at most {@link Builder#maxWait(Duration)}: see
     * {@link #acquireAsync(Duration)}.
     *
     * @return a future of a new lease of a pooled buffer
     * @throws PoolExhaustedException at once, if {@link Builder#maxWaiters(int)} callers already wait
     */
    public CompletableFuture<PooledLease> acquireAsync() {
        return acquireAsync(maxWait);
    }

    /**
     * Leases a pooled buffer when one is free: at once if one is free now, else when a release hands one to
     * this caller, first in first out. Like {@link #acquire(Duration)}, it does not consult the
     * {@link OverflowPolicy}. The future is completed on the releasing thread.
     *
     * <p><b>The waiter's place is always given back.</b> The caller holds a place in the queue (one of
     * {@link Builder#maxWaiters(int)}) only until the future is done: when {@code timeout} passes without a
     * buffer, the future fails with {@link PoolExhaustedException}; when the caller cancels it or
     * completes it in any way, it leaves the queue at once, and a buffer released meanwhile goes to the
     * next waiter. A future that nobody references any more still waits — its dependent actions may still
     * be reachable through it — but only until its timeout; a buffer handed to it is watched for leaks
     * whatever the pool's {@link LeakDetection}, so once the lease is unreachable the buffer comes back,
     * reported and counted in {@link PoolStats#leaks()}.
     *
     * @param timeout how long to wait at most; {@link Duration#ZERO} means not at all
     * @return a future of a new lease of a pooled buffer
     * @throws PoolExhaustedException at once, if {@link Builder#maxWaiters(int)} callers already wait
     * @throws IllegalArgumentException if {@code timeout} is negative
     */
    public CompletableFuture<PooledLease> acquireAsync(Duration timeout) {
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("negative timeout " + timeout);
        }
        if (queue.waiting() == 0) {
            int index = free.pop();
            if (index >= 0) {
                return CompletableFuture.completedFuture(newLease(slots[index], false));
            }
        }
        return queue.takeOrEnqueue(timeout);
    }

    /** The pool as its {@link WaitQueue} sees it. */
    private final class Supply implements FreeBuffers {
        @Override
        public PooledLease leaseForWaiter() {
            int index = free.pop();
            return index >= 0 ? newLease(slots[index], true) : null;
        }

        @Override
        public void takeBack(PooledLease unclaimed) {
            Slot slot = unclaimed.slot;
            slot.unlease(unclaimed.stamp);
            TenancyWatch watch = unclaimed.watch;
            if (watch != null) {
                watch.dispose();
            }
            free.push(slot.index);
        }

        @Override
        public PoolExhaustedException reject(String why) {
            return BufferPool.this.reject(why);
        }

        @Override
        public String toString() {
            return BufferPool.this.toString();
        }
    }

    /** Counts a failed acquisition and describes it. */
    PoolExhaustedException reject(String why) {
        return reject(why, null);
    }

    private PoolExhaustedException reject(String why, Throwable cause) {
        rejections.incrementAndGet();
        return new PoolExhaustedException(describe() + ": " + why, cause);
    }

    /**
     * Starts a tenancy of {@code slot}: under {@link LeakDetection#SAMPLED} the lease holds its slot's token
     * (see {@link SlotWatch}); the tenancy is watched on its own when {@code watchAlone}, when its
     * acquisition site is recorded, or for an overflow buffer.
     */
    private PooledLease newLease(Slot slot, boolean watchAlone) {
        // the token, and a new slot watch if need be, before the stamp moves: see SlotWatch
        Object token = watchSlots && !slot.isOverflow() ? SlotWatch.tokenFor(slot) : null;
        long stamp = slot.lease();
        PooledLease lease = new PooledLease(slot, stamp, token);
        boolean site = siteOfEvery || siteOfSome && sampled(slot, stamp);
        if (site || watchAlone || watchOverflow && slot.isOverflow()) {
            watchAlone(lease, site ? new Throwable(lease.name() + " was acquired here, on thread '"
                    + Thread.currentThread().getName() + "'") : null);
        }
        return lease;
    }

    /** Watches the tenancy of {@code lease} on its own; the caller keeps the lease reachable meanwhile. */
    TenancyWatch watchAlone(PooledLease lease, Throwable site) {
        Slot slot = lease.slot;
        TenancyWatch w = new TenancyWatch(lease, slot, lease.stamp, site);
        lease.watch = w;
        if (slot.isOverflow()) {
            overflowWatches.add(w);
        } else {
            slot.tenancyWatch = w;
            slot.watchedAlone = lease.stamp;
        }
        return w;
    }

    /**
     * Picks about one tenancy in {@code leakSampleInterval} to record its acquisition site: a pooled
     * slot's tenancies are numbered by its
     * stamp, so a mixing hash of slot and stamp spreads the picks without touching shared or thread-local
     * state; overflow buffers, each with a single tenancy, are picked at random.
     */
    private boolean sampled(Slot slot, long stamp) {
        if (slot.isOverflow()) {
            return ThreadLocalRandom.current().nextInt(leakSampleInterval) == 0;
        }
        long h = (stamp + slot.index * 0x9E3779B97F4A7C15L) * 0xBF58476D1CE4E5B9L;
        h ^= h >>> 31;
        h *= 0x94D049BB133111EBL;
        return (h >>> 40) < sampleThreshold;
    }

    /** {@link OverflowPolicy#ALLOCATE}: leases a new buffer outside the pool and warns (rate-limited). */
    PooledLease allocateOverflow() {
        byte[] array = direct ? null : new byte[bufferSize];
        ByteBuffer memory = direct ? ByteBuffer.allocateDirect(bufferSize) : ByteBuffer.wrap(array);
        Slot slot = new Slot(this, -1, memory, array, overflowLeaseName);
        overflowAllocated.incrementAndGet();
        warnOverflow();
        return newLease(slot, false);
    }

    private void warnOverflow() {
        overflowsSinceWarning.incrementAndGet();
        long now = System.nanoTime();
        long next = nextOverflowWarning.get();
        if (now - next >= 0 && nextOverflowWarning.compareAndSet(next, now + overflowWarningNanos)) {
            long n = overflowsSinceWarning.getAndSet(0);
            logger.log(System.Logger.Level.WARNING, () -> describe() + " is exhausted: allocated " + n
                    + " overflow buffer(s) of " + bufferSize + " bytes since the last warning; they are dropped on"
                    + " release, never pooled. Raise the capacity, release buffers sooner, or choose"
                    + " OverflowPolicy.WAIT or FAIL.");
        }
    }

    // ------------------------------------------------------------------ releasing

    /** Releases the tenancy of {@code lease}; called by {@link PooledLease#close()}. */
    void release(PooledLease lease) {
        Slot slot = lease.slot;
        if (!slot.tryEnd(lease.stamp)) {
            throw doubleRelease(slot, lease.stamp, lease.releaseSite, "lease");
        }
        Object token = lease.token;
        if (token != null && token != slot.watch.get()) {
            // never: the slot keeps the watch of its lease's token while leased. The comparison is what
            // keeps the token alive up to here even if the compiler scalar-replaced the lease (see SlotWatch)
            throw new IllegalStateException(lease.name() + " holds another token than its slot's watch");
        }
        finishRelease(slot, lease.stamp, lease, lease.watch);
    }

    /**
     * Releases the buffer a lease's {@link PooledLease#buffer()} returned, for NIO code that passes
     * {@code ByteBuffer}s around rather than leases. Has the same effect as closing the lease: its views go
     * stale and the buffer goes to the oldest waiter or back to the pool (an overflow buffer is dropped).
     * The buffer is matched by identity, so only that exact object is accepted.
     *
     * @param buffer the buffer {@link PooledLease#buffer()} returned
     * @throws DoubleReleaseException if the buffer's lease was already released, whether through the lease
     *     or through its buffer; the pool is unchanged, and a new owner keeps the buffer
     * @throws ForeignBufferException if this pool did not hand out this {@code ByteBuffer} object: it was
     *     allocated elsewhere, belongs to another pool, or is a duplicate or slice of a pooled buffer
     */
    public void release(ByteBuffer buffer) {
        Objects.requireNonNull(buffer, "buffer");
        Handout handout = handouts.find(buffer);
        if (handout == null) {
            throw foreign(buffer);
        }
        Slot slot = handout.slot;
        PooledLease lease = handout.lease();
        if (!slot.tryEnd(handout.stamp)) {
            throw doubleRelease(slot, handout.stamp, lease != null ? lease.releaseSite : null, "buffer");
        }
        finishRelease(slot, handout.stamp, lease, handout.watch);
    }

    /** Completes a release whose tenancy change this thread won. */
    private void finishRelease(Slot slot, long stamp, PooledLease lease, TenancyWatch watch) {
        if (trackReleases || clearOnRelease || slot.isOverflow()) {
            finishUnusualRelease(slot, stamp, lease, watch);
            return;
        }
        // watches are left as they are: enqueued once the lease is collected, they find the tenancy ended
        if (lease != null) {
            lease.ended(null);
        }
        slot.countRelease();
        recycle(slot);
    }

    /** {@link #finishRelease} with release tracking, clearing or an overflow buffer. */
    private void finishUnusualRelease(Slot slot, long stamp, PooledLease lease, TenancyWatch watch) {
        Throwable site = trackReleases ? new Throwable(slot.leaseName + " was first released here, on thread '"
                + Thread.currentThread().getName() + "'") : null;
        if (lease != null) {
            lease.ended(site);
        }
        if (site != null) {
            slot.lastReleasedStamp = -1;
            slot.lastReleaseSite = site;
            slot.lastReleasedStamp = stamp;
        }
        if (watch != null && slot.isOverflow()) {
            watch.dispose();
            overflowWatches.remove(watch);
        }
        if (clearOnRelease) {
            clear(slot);
        }
        if (slot.isOverflow()) {
            overflowDropped.incrementAndGet();
            return;
        }
        slot.countRelease();
        recycle(slot);
    }

    private void recycle(Slot slot) {
        free.push(slot.index);
        if (queue.waiting() != 0) {
            queue.serve();
        }
    }

    private static void clear(Slot slot) {
        if (slot.array != null) {
            Arrays.fill(slot.array, (byte) 0);
        } else {
            ByteBuffer m = slot.memory;
            for (int at = 0, n = m.capacity(); at < n; at += ZEROS.length) {
                m.put(at, ZEROS, 0, Math.min(ZEROS.length, n - at));
            }
        }
    }

    /** Takes back the buffer of a tenancy watched on its own whose lease and buffer became unreachable. */
    void reclaimLeaked(TenancyWatch watch) {
        if (watch.slot.isOverflow()) {
            overflowWatches.remove(watch);
        }
        reclaimLeaked(watch.slot, watch.stamp, watch.acquiredAt);
    }

    /**
     * Takes back the buffer of tenancy {@code stamp} of {@code slot}, whose lease (and buffer) became
     * unreachable, unless it was released meanwhile; {@code acquiredAt} is its acquisition site, if recorded.
     */
    void reclaimLeaked(Slot slot, long stamp, Throwable acquiredAt) {
        if (!slot.tryEnd(stamp)) {
            return;   // released normally
        }
        try {
            logger.log(System.Logger.Level.ERROR, "LEAK: " + slot.leaseName + " was garbage-collected while still"
                    + " leased; " + (slot.isOverflow() ? "the overflow buffer was dropped" : "its buffer went back to"
                    + " the pool") + ". Release every PooledLease (try-with-resources) or its buffer."
                    + (acquiredAt == null ? " Use LeakDetection.PARANOID to record where every leaked lease"
                    + " was acquired." : ""), acquiredAt);
        } catch (RuntimeException e) {
            // a broken logger must not keep the buffer from the pool
        }
        if (clearOnRelease) {
            clear(slot);
        }
        if (!slot.isOverflow()) {
            free.push(slot.index);
            if (queue.waiting() != 0) {
                // not on the leak detector's thread: completing a waiter runs the waiter's own code
                ForkJoinPool.commonPool().execute(queue::serve);
            }
        }
        // counted last: once stats() shows a leak, it has been reported and its buffer is back
        leaks.incrementAndGet();
    }

    void registerHandout(ByteBuffer buffer, PooledLease lease) {
        handouts.register(buffer, lease);
    }

    /** The number of {@code ByteBuffer}s whose release the pool can still recognise; for tests. */
    int handoutsTracked() {
        return handouts.size();
    }

    private DoubleReleaseException doubleRelease(Slot slot, long stamp, Throwable leaseSite, String via) {
        doubleReleases.incrementAndGet();
        long now = slot.stamp();
        Throwable first = leaseSite;
        if (first == null && slot.lastReleasedStamp == stamp) {
            first = slot.lastReleaseSite;
        }
        String what = via.equals("lease") ? "lease of " + slot.leaseName : "buffer of " + slot.leaseName;
        String msg;
        if (now == stamp + 1) {
            msg = what + " was released twice; the second release was ignored";
        } else {
            msg = "stale " + what + " was released after the buffer had been released and leased again ("
                    + (now - stamp) / 2 + " lease(s) since); the release was ignored and the "
                    + ((now & 1) == 1 ? "current owner keeps the buffer" : "pool keeps the buffer");
        }
        if (first == null && !trackReleases) {
            msg += "; run with -Dbufkit.trackLeases=true or trackReleases(true) to record where it was first released";
        }
        return new DoubleReleaseException(msg, first);
    }

    private ForeignBufferException foreign(ByteBuffer buffer) {
        foreignReleases.incrementAndGet();
        String what = (buffer.isDirect() ? "direct" : "heap") + " buffer of capacity " + buffer.capacity();
        String why = null;
        if (buffer.hasArray()) {
            for (Slot s : slots) {
                if (s.array == buffer.array()) {
                    why = "it shares memory with " + s.leaseName + " but is not the ByteBuffer object"
                            + " PooledLease.buffer() returned (a duplicate or slice is not accepted)";
                    break;
                }
            }
        }
        if (why == null) {
            why = buffer.capacity() == bufferSize && buffer.isDirect() == direct
                    ? "it has this pool's buffer size but this pool did not hand it out"
                    : "this pool did not hand it out";
            why += "; release(ByteBuffer) accepts only the exact object PooledLease.buffer() returned, not a"
                    + " duplicate or slice of it";
        }
        return new ForeignBufferException(describe() + " rejected the release of a " + what + ": " + why
                + "; the pool is unchanged");
    }

    // ------------------------------------------------------------------ state

    /**
     * The number of pooled buffers leased out (including any on their way back); overflow buffers are not
     * counted. {@code used() + available() == capacity()} whenever the pool is quiet.
     *
     * @return pooled buffers in use
     */
    public int used() {
        return capacity - free.available();
    }

    /**
     * The number of pooled buffers free to lease now.
     *
     * @return free pooled buffers
     */
    public int available() {
        return free.available();
    }

    /**
     * The number of pooled buffers, fixed at construction.
     *
     * @return the capacity
     */
    public int capacity() {
        return capacity;
    }

    /**
     * The size of every buffer in bytes.
     *
     * @return the buffer size
     */
    public int bufferSize() {
        return bufferSize;
    }

    /**
     * Whether the buffers are direct (off-heap).
     *
     * @return {@code true} for direct buffers, {@code false} for heap arrays
     */
    public boolean isDirect() {
        return direct;
    }

    /**
     * The name given to the builder, used in lease names, messages and logs.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * The number of callers waiting for a buffer now.
     *
     * @return waiting callers
     */
    public int waiting() {
        return queue.waiting();
    }

    /**
     * Reads the pool's counters.
     *
     * @return a new snapshot
     */
    public PoolStats stats() {
        long leaked = leaks.get();
        long released = overflowDropped.get();
        for (Slot s : slots) {
            released += s.releases();
        }
        long acquired = overflowAllocated.get();
        for (Slot s : slots) {
            acquired += s.acquisitions();
        }
        return new PoolStats(capacity, used(), acquired, released, overflowAllocated.get(), overflowDropped.get(),
                capacity - free.fewestFree(), doubleReleases.get(), foreignReleases.get(), leaked, queue.waits(),
                rejections.get());
    }

    private String describe() {
        return "pool '" + name + "' (" + used() + " of " + capacity + " buffers of " + bufferSize + " bytes leased, "
                + queue.waiting() + " waiting)";
    }

    /**
     * Describes the pool: name, size, usage.
     *
     * @return a short description
     */
    @Override
    public String toString() {
        return "BufferPool[" + name + ", " + capacity + " x " + bufferSize + " bytes " + (direct ? "direct" : "heap")
                + ", used " + used() + ", " + overflowPolicy + ", leak detection " + leakDetection + "]";
    }

    /**
     * Configures and builds a {@link BufferPool}. {@link #bufferSize(int)} and {@link #capacity(int)} are
     * required; everything else has a default.
     */
    public static final class Builder {
        private String name = "pool";
        private int bufferSize = -1;
        private int capacity = -1;
        private boolean direct;
        private boolean clearOnRelease;
        private boolean trackReleases = io.bufkit.internal.Switches.TRACK_LEASES;
        private OverflowPolicy overflowPolicy = OverflowPolicy.ALLOCATE;
        private int maxWaiters = 1024;
        private Duration maxWait = Duration.ofSeconds(30);
        private LeakDetection leakDetection = LeakDetection.SAMPLED;
        private int leakSampleInterval = 1024;
        private System.Logger logger;
        private Duration overflowWarningInterval = Duration.ofSeconds(10);

        private Builder() {
        }

        /**
         * Names the pool in lease names, messages and logs. Default {@code "pool"}.
         *
         * @param name a short name, for example {@code "socket reads"}
         * @return this builder
         */
        public Builder name(String name) {
            this.name = Objects.requireNonNull(name, "name");
            return this;
        }

        /**
         * Sets the size of every buffer. Required.
         *
         * @param bytes the size in bytes, at least 1
         * @return this builder
         * @throws IllegalArgumentException if {@code bytes} is less than 1
         */
        public Builder bufferSize(int bytes) {
            if (bytes < 1) {
                throw new IllegalArgumentException("bufferSize must be at least 1, got " + bytes);
            }
            this.bufferSize = bytes;
            return this;
        }

        /**
         * Sets the number of buffers, all allocated by {@link #build()}. Required.
         *
         * @param buffers the number of buffers, 1 to 65535
         * @return this builder
         * @throws IllegalArgumentException if {@code buffers} is outside {@code [1, 65535]}
         */
        public Builder capacity(int buffers) {
            if (buffers < 1 || buffers > FreeList.MAX_CAPACITY) {
                throw new IllegalArgumentException("capacity must be in [1, " + FreeList.MAX_CAPACITY + "], got "
                        + buffers);
            }
            this.capacity = buffers;
            return this;
        }

        /**
         * Chooses direct (off-heap) buffers instead of heap arrays. Default {@code false}.
         *
         * @param direct {@code true} for {@link ByteBuffer#allocateDirect(int) direct} buffers
         * @return this builder
         */
        public Builder direct(boolean direct) {
            this.direct = direct;
            return this;
        }

        /**
         * Zeroes every buffer when it is released, so no tenant can read a previous one's data. Default
         * {@code false}.
         *
         * @param clear {@code true} to zero released buffers
         * @return this builder
         */
        public Builder clearOnRelease(boolean clear) {
            this.clearOnRelease = clear;
            return this;
        }

        /**
         * Records a stack trace at every release, so a {@link DoubleReleaseException} shows where the first
         * release happened. Default: the system property {@code bufkit.trackLeases}; always on under
         * {@link LeakDetection#PARANOID}.
         *
         * @param track {@code true} to record release sites
         * @return this builder
         */
        public Builder trackReleases(boolean track) {
            this.trackReleases = track;
            return this;
        }

        /**
         * Chooses what {@link BufferPool#acquire()} does when every buffer is leased. Default
         * {@link OverflowPolicy#ALLOCATE}.
         *
         * @param policy the policy
         * @return this builder
         */
        public Builder overflowPolicy(OverflowPolicy policy) {
            this.overflowPolicy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * Bounds the number of callers waiting for a buffer at once; beyond it, acquisitions that would wait
         * fail at once with {@link PoolExhaustedException}. Default 1024.
         *
         * @param waiters the bound, 0 or more (0: nobody may wait)
         * @return this builder
         * @throws IllegalArgumentException if {@code waiters} is negative
         */
        public Builder maxWaiters(int waiters) {
            if (waiters < 0) {
                throw new IllegalArgumentException("maxWaiters must not be negative, got " + waiters);
            }
            this.maxWaiters = waiters;
            return this;
        }

        /**
         * Bounds how long {@link BufferPool#acquire()} waits under {@link OverflowPolicy#WAIT}. Default 30
         * seconds.
         *
         * @param wait the longest wait, zero or more
         * @return this builder
         * @throws IllegalArgumentException if {@code wait} is negative
         */
        public Builder maxWait(Duration wait) {
            if (wait.isNegative()) {
                throw new IllegalArgumentException("maxWait must not be negative, got " + wait);
            }
            this.maxWait = wait;
            return this;
        }

        /**
         * Chooses how closely leases are watched for leaks. Default {@link LeakDetection#SAMPLED}.
         *
         * @param level the level
         * @return this builder
         */
        public Builder leakDetection(LeakDetection level) {
            this.leakDetection = Objects.requireNonNull(level, "level");
            return this;
        }

        /**
         * Under {@link LeakDetection#SAMPLED}, records the acquisition site (a stack trace) of about one
         * acquisition in {@code interval}, spread pseudo-randomly over buffers and over time, so that some
         * leak reports say where the leaked lease was acquired. Every acquisition is watched for leaks
         * whatever the interval; only the stack traces are sampled. Default 1024: a stack trace costs
         * microseconds, so one in 128 would add about 5 ns to an acquisition (see the benchmark notes).
         *
         * @param interval 1 (record every acquisition's site) to 16777216
         * @return this builder
         * @throws IllegalArgumentException if {@code interval} is outside {@code [1, 16777216]}
         */
        public Builder leakSampleInterval(int interval) {
            if (interval < 1 || interval > 1 << 24) {
                throw new IllegalArgumentException("leakSampleInterval must be in [1, 16777216], got " + interval);
            }
            this.leakSampleInterval = interval;
            return this;
        }

        /**
         * Sets where leak reports and overflow warnings go. Default
         * {@code System.getLogger("io.bufkit.pool")}.
         *
         * @param logger the logger
         * @return this builder
         */
        public Builder logger(System.Logger logger) {
            this.logger = Objects.requireNonNull(logger, "logger");
            return this;
        }

        /**
         * Rate-limits the overflow warning: at most one per interval, counting the overflow allocations in
         * between. Default 10 seconds.
         *
         * @param interval the shortest time between two warnings, zero or more
         * @return this builder
         * @throws IllegalArgumentException if {@code interval} is negative
         */
        public Builder overflowWarningInterval(Duration interval) {
            if (interval.isNegative()) {
                throw new IllegalArgumentException("overflowWarningInterval must not be negative, got " + interval);
            }
            this.overflowWarningInterval = interval;
            return this;
        }

        /**
         * Allocates the buffers and builds the pool.
         *
         * @return a new pool with every buffer free
         * @throws IllegalStateException if the buffer size or the capacity was not set
         */
        public BufferPool build() {
            if (bufferSize < 0 || capacity < 0) {
                throw new IllegalStateException("bufferSize(...) and capacity(...) must be set before build()");
            }
            return new BufferPool(this);
        }
    }
}
