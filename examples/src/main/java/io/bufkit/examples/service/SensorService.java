package io.bufkit.examples.service;

import io.bufkit.pool.BufferPool;
import io.bufkit.pool.PoolStats;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The sensor service, end to end in one JVM: starts a {@link SensorServer} on an ephemeral loopback port,
 * runs the {@link LoadClient} against it, prints throughput, the server's counters, the aggregates and the
 * pool's statistics, and shuts everything down.
 *
 * <pre>
 * java -cp ... io.bufkit.examples.service.SensorService --frames 200000 --connections 8
 * </pre>
 *
 * <p>Options: {@code --frames N} (default 100000), {@code --connections C} (default 4, at most 64),
 * {@code --max-write B} (the largest client write in bytes, default 512) and {@code --seed S} (the seed of
 * the frames and write sizes, decimal or {@code 0x} hex; default random, and printed). The run stops by
 * itself when every frame is acknowledged, at the first error, or after 60 seconds; the exit status is 0
 * only if every frame was acknowledged, the aggregates match what was sent and no pooled buffer is left
 * leased.
 */
public final class SensorService {

    /** The hard cap on one run. */
    static final Duration TIME_LIMIT = Duration.ofSeconds(60);
    /** How long to wait for the server to see every connection close after the client finished. */
    private static final Duration SETTLE_LIMIT = Duration.ofSeconds(5);
    /** The size of every pooled buffer: one read, or one connection's queue of 2048 acknowledgements. */
    static final int BUFFER_SIZE = 16 * 1024;

    private static final String USAGE = "usage: SensorService [--frames N] [--connections C] [--max-write B] [--seed S]";

    private SensorService() {
    }

    /**
     * Runs the service with the options given, prints the results, and exits with status 0 if the run
     * succeeded, 1 if it failed and 2 if the options are wrong.
     *
     * @param args {@code --frames N --connections C --max-write B --seed S}, each optional
     */
    public static void main(String[] args) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        Report report = run(System.out, options);
        if (!report.succeeded()) {
            System.exit(1);
        }
    }

    /**
     * The demo's short run: 20,000 frames on 4 connections, in writes of 1 to 512 bytes.
     *
     * @param out where to print
     */
    public static void demo(PrintStream out) {
        run(out, new Options(20_000, 4, new SplittableRandom().nextLong(), 512));
    }

    /**
     * Runs the server and the client, prints what happened, and shuts both down.
     *
     * @param out where to print
     * @param options what to run
     * @return what happened
     * @throws UncheckedIOException if the server cannot be started
     */
    static Report run(PrintStream out, Options options) {
        BufferPool pool = BufferPool.builder().name("sensor-service").bufferSize(BUFFER_SIZE)
                .capacity(options.connections() + 2).direct(true).build();
        out.println("== sensor service: TLV frames over TCP on loopback, NIO selector, pooled direct buffers ==");
        LoadClient.Result result;
        SensorAggregates.Snapshot actual;
        ServerStats stats;
        // every connection of the load client comes from this one process: let the run open all of them
        try (SensorServer server = SensorServer.builder(pool).maxConnectionsPerPeer(options.connections()).start()) {
            out.printf("server on %s; %d connection(s) send %d frame(s) in writes of 1 to %d bytes (seed %d)%n",
                    server.address(), options.connections(), options.frames(), options.maxWriteSize(), options.seed());
            result = LoadClient.run(server.address(), LoadClient.Settings.of(options.connections(), options.frames(),
                    options.seed(), options.maxWriteSize()).withTimeout(TIME_LIMIT));
            awaitClosedConnections(server);
            actual = server.aggregates().snapshot();
            stats = server.stats();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the sensor server", e);
        }
        PoolStats pooled = pool.stats();
        int usedAfter = pool.used();
        boolean exact = actual.equals(result.expected());

        double seconds = result.nanos() / 1e9;
        out.printf(Locale.ROOT, "acknowledged %d of %d frame(s) on %d connection(s) in %.2f s%s%n", result.acksReceived(),
                result.frames(), result.connections(), seconds,
                result.failure() == null ? "" : " - FAILED: " + result.failure());
        out.printf(Locale.ROOT, "throughput: %.0f frames/s, %.0f bytes/s (%.2f MB/s; %d bytes sent)%n",
                result.acksReceived() / seconds, result.bytesSent() / seconds, result.bytesSent() / seconds / 1e6,
                result.bytesSent());
        out.printf("server: %d frame(s) and %d bytes received, %d acknowledgement(s) written, %d protocol error(s),"
                + " reading paused %d time(s)%n", stats.frames(), stats.bytesReceived(), stats.acksWritten(),
                stats.protocolErrors(), stats.readPauses());
        out.printf("aggregates: %d sensor(s), %d legacy device(s); equal to what the client sent: %s%n",
                actual.sensors().size(), actual.devices().size(), exact ? "yes" : "NO");
        printFirst(out, actual);
        out.printf("pool '%s': %d direct buffers of %d bytes; peak used %d, acquired %d, overflow %d, leaks %d%n",
                pool.name(), pool.capacity(), pool.bufferSize(), pooled.peakUsed(), pooled.acquired(),
                pooled.overflowAllocated(), pooled.leaks());
        out.println("final used()=" + usedAfter);
        out.println();
        return new Report(result, stats, pooled, usedAfter, exact);
    }

    private static void printFirst(PrintStream out, SensorAggregates.Snapshot s) {
        for (Map.Entry<Long, SensorAggregates.SensorSummary> e : s.sensors().entrySet()) {
            SensorAggregates.SensorSummary x = e.getValue();
            out.printf(Locale.ROOT, "  sensor %d: %d packet(s), temperature %d to %d C (mean %.1f), humidity %s to %s %%,"
                    + " last packet %s%n", x.sensorId(), x.packets(), x.minTemperature(), x.maxTemperature(),
                    x.meanTemperature(), x.minHumidity(), x.maxHumidity(), x.lastPacket().toHex());
            break;
        }
        for (Map.Entry<Integer, SensorAggregates.DeviceSummary> e : s.devices().entrySet()) {
            SensorAggregates.DeviceSummary x = e.getValue();
            out.printf("  device %d: %d packet(s), voltage %s to %s V, uptime up to %d s, last packet %s%n",
                    x.deviceId(), x.packets(), x.minVoltage(), x.maxVoltage(), x.maxUptime(), x.lastPacket().toHex());
            break;
        }
    }

    /** Waits, boundedly, until the server has closed every connection the client closed. */
    private static void awaitClosedConnections(SensorServer server) {
        long deadline = System.nanoTime() + SETTLE_LIMIT.toNanos();
        while (server.stats().open() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * The command line options.
     *
     * @param frames frames to send in all, 1 to 1,000,000,000
     * @param connections connections to open, 1 to 64
     * @param seed the seed of the frames' contents and of the write sizes
     * @param maxWriteSize the largest client write in bytes, 1 to 65536
     */
    record Options(long frames, int connections, long seed, int maxWriteSize) {

        /**
         * Checks the options.
         *
         * @throws IllegalArgumentException if one is out of range
         */
        Options {
            check("--frames", frames, 1, 1_000_000_000);
            check("--connections", connections, 1, 64);
            check("--max-write", maxWriteSize, 1, 65536);
        }

        /**
         * Parses {@code --frames N --connections C --max-write B --seed S}, each optional, in any order.
         *
         * @param args the arguments
         * @return the options, with defaults for those not given (a random seed)
         * @throws IllegalArgumentException naming the option and the value that is wrong
         */
        static Options parse(String... args) {
            long frames = 100_000;
            long connections = 4;
            long maxWrite = 512;
            Long seed = null;
            for (int i = 0; i < args.length; i++) {
                String name = args[i];
                if (!name.equals("--frames") && !name.equals("--connections") && !name.equals("--max-write")
                        && !name.equals("--seed")) {
                    throw new IllegalArgumentException("unknown option \"" + name + "\"");
                }
                if (i + 1 == args.length) {
                    throw new IllegalArgumentException("option " + name + " needs a value");
                }
                String value = args[++i];
                switch (name) {
                    case "--frames" -> frames = number(name, value);
                    case "--connections" -> connections = number(name, value);
                    case "--max-write" -> maxWrite = number(name, value);
                    default -> seed = seed(value);
                }
            }
            check("--connections", connections, 1, 64);
            check("--max-write", maxWrite, 1, 65536);
            return new Options(frames, (int) connections, seed != null ? seed : new SplittableRandom().nextLong(),
                    (int) maxWrite);
        }

        private static long number(String name, String value) {
            try {
                return Long.parseLong(value.replace("_", ""));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("option " + name + " needs a whole number, not \"" + value + "\"", e);
            }
        }

        private static long seed(String value) {
            try {
                if (value.startsWith("0x") || value.startsWith("0X")) {
                    return Long.parseUnsignedLong(value.substring(2), 16);
                }
                return Long.parseLong(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("option --seed needs a decimal or 0x hex number, not \"" + value + "\"",
                        e);
            }
        }

        private static void check(String name, long value, long min, long max) {
            if (value < min || value > max) {
                throw new IllegalArgumentException("option " + name + " is " + value + ", but must be " + min + " to " + max);
            }
        }
    }

    /**
     * What a run did.
     *
     * @param client the load client's result
     * @param server the server's counters at the end
     * @param pool the pool's counters after the server closed
     * @param usedAfter {@code pool.used()} after the server closed
     * @param aggregatesExact whether the server's aggregates equal what the client sent
     */
    record Report(LoadClient.Result client, ServerStats server, PoolStats pool, int usedAfter, boolean aggregatesExact) {

        /**
         * Whether the run did what it should.
         *
         * @return {@code true} if every frame was acknowledged, the aggregates are exact and no buffer is
         *     left leased
         */
        boolean succeeded() {
            return client.completed() && aggregatesExact && usedAfter == 0 && pool.outstanding() == 0;
        }
    }
}
