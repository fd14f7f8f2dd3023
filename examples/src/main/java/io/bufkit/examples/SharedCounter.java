package io.bufkit.examples;

import io.bufkit.MutableByteView;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The shared counter (PROTOCOLS.md §7): one 32-bit integer in shared memory, two threads each adding 1 to
 * it a million times. With {@link MutableByteView#getAndAddI32le} the total is exactly 2,000,000; the same
 * loop with a plain read and write (the {@code view[0]++} of the exercise) loses increments, because two
 * threads read the same value and both write it back plus one. Then the same with two processes over one
 * memory-mapped file ({@link SharedCounterProcesses}).
 */
public final class SharedCounter {

    /** How many times each thread (and each process) adds 1. */
    static final int INCREMENTS = 1_000_000;
    /** How many threads share the counter. */
    static final int THREADS = 2;

    private SharedCounter() {
    }

    /**
     * Runs the threads and the processes and prints the results.
     *
     * @param args ignored
     * @throws IOException if the mapped file cannot be created
     * @throws InterruptedException if interrupted while waiting for the threads or the second process
     */
    public static void main(String[] args) throws IOException, InterruptedException {
        run(System.out);
    }

    /**
     * Runs the two-thread counter, atomic and plain, and the two-process counter, and prints them.
     *
     * @param out where to print
     * @throws IOException if the mapped file cannot be created
     * @throws InterruptedException if interrupted while waiting for the threads or the second process
     */
    public static void run(PrintStream out) throws IOException, InterruptedException {
        out.printf("== shared counter (%d threads x %,d increments of one 32-bit integer) ==%n", THREADS, INCREMENTS);
        int atomic = atomicThreads(THREADS, INCREMENTS);
        int plain = plainThreads(THREADS, INCREMENTS);
        int expected = THREADS * INCREMENTS;
        out.printf("getAndAddI32le(0, 1):          %,d (expected %,d)%n", atomic, expected);
        out.printf("putI32le(0, i32le(0) + 1):     %,d (%,d increments lost to the read-modify-write race)%n",
                plain, expected - plain);
        SharedCounterProcesses.Result p = SharedCounterProcesses.run(INCREMENTS, Duration.ofSeconds(60));
        out.printf("2 processes, one mapped file:  %,d (expected %,d; this process %,d, the other %,d)%n",
                p.total(), 2L * INCREMENTS, p.mine(), p.theirs());
        out.println();
    }

    /** One 4-byte view of direct memory: the shared counter, initialised to 0. */
    static MutableByteView newCounter() {
        return MutableByteView.wrap(ByteBuffer.allocateDirect(4));
    }

    /**
     * Adds 1 to one counter {@code perThread} times in each of {@code threads} threads with an atomic add.
     *
     * @return the final value
     */
    static int atomicThreads(int threads, int perThread) throws InterruptedException {
        MutableByteView counter = newCounter();
        inThreads(threads, () -> {
            for (int i = 0; i < perThread; i++) {
                counter.getAndAddI32le(0, 1);
            }
        });
        return counter.getVolatileI32le(0);
    }

    /**
     * The same loop with a plain read and a plain write: increments are lost.
     *
     * @return the final value, usually less than {@code threads * perThread}
     */
    static int plainThreads(int threads, int perThread) throws InterruptedException {
        MutableByteView counter = newCounter();
        inThreads(threads, () -> {
            for (int i = 0; i < perThread; i++) {
                counter.putI32le(0, counter.i32le(0) + 1);
            }
        });
        return counter.getVolatileI32le(0);   // join() made every write visible; the read is for clarity
    }

    /** Runs {@code loop} in {@code threads} threads started together, and waits for all of them. */
    private static void inThreads(int threads, Runnable loop) throws InterruptedException {
        CountDownLatch start = new CountDownLatch(1);
        Thread[] running = new Thread[threads];
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        for (int t = 0; t < threads; t++) {
            running[t] = new Thread(() -> {
                try {
                    start.await();
                    loop.run();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (RuntimeException e) {
                    failure.compareAndSet(null, e);
                }
            }, "counter-" + t);
            running[t].start();
        }
        start.countDown();
        for (Thread t : running) {
            t.join();
        }
        if (failure.get() != null) {
            throw failure.get();
        }
    }
}
