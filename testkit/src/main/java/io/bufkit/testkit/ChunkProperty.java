package io.bufkit.testkit;

import io.bufkit.ByteView;
import io.bufkit.Lease;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * The chunk-boundary property of a stream decoder: however the input is split into chunks, decoding it gives
 * the same outcome.
 *
 * <p>Give it a {@link ChunkDecoder} that decodes a list of chunks — as {@link ByteView}s ({@link #ofViews}),
 * {@code byte[]}s ({@link #ofArrays}) or {@link ByteBuffer}s ({@link #ofBuffers}) — and an input, or a generator
 * of inputs:
 *
 * <pre>{@code
 * @Test
 * void framesSurviveAnyChunking() {
 *     ChunkProperty.ofViews(chunks -> decodeFrames(chunks))
 *             .headerBytes(MyFormat::headerOffsets)    // optional: cut around these bytes too
 *             .check(Bytes.fromHex("01 00 05 68 65 6c 6c 6f 02 00 01 21").toByteArray());
 * }
 *
 * @Test
 * void randomStreamsSurviveAnyChunking() {
 *     ChunkProperty.ofViews(chunks -> decodeFrames(chunks))
 *             .checkAll(frameLists, MyFormat::encode, frames -> frames);   // expected: the frames encoded
 * }
 * }</pre>
 *
 * <p>The outcome of a decoding is its result, compared with {@link Objects#deepEquals(Object, Object)} (which
 * here also compares lists element by element, so a {@code List<byte[]>} compares by content), or the class of
 * the exception it threw (and its message, with {@link #compareExceptionMessages()}). It must equal the
 * <em>reference</em>: decoding the whole input in one chunk, or, when given, the expected result.
 *
 * <p><b>Which chunkings.</b> For an input of at most {@link #exhaustiveUpTo(int) 14} bytes, all
 * {@code 2^(n-1)} chunkings into non-empty chunks; for longer inputs, one byte at a time. Then every single
 * cut point (inputs of up to 4096 bytes), an empty chunk between all bytes and at both ends (up to 64 KiB),
 * and each header byte in a chunk of its own (see {@link #headerBytes(Function)}); then {@code tries} random
 * chunkings from {@link Chunkings#any(int, int...)}. With a generator of inputs, {@code tries} counts inputs
 * instead: a short input gets all its chunkings and empty chunks between all bytes (an input already
 * enumerated in the same run only gets the whole and the one-byte-at-a-time chunkings); a longer one is decoded
 * whole, one byte at a time, with its header bytes isolated, and in {@link #chunkingsPerInput(int) 8} random
 * chunkings.
 *
 * <p><b>Chunks are borrowed, one at a time.</b> Each decoding gets fresh chunks: {@code ByteView}s (each
 * under a lease of its own), exact-size {@code byte[]}s, or heap {@code ByteBuffer}s whose position and
 * array offset are not 0. They are handed over the way a read loop with one reused buffer hands them over:
 * when the decoder fetches chunk {@code k + 1} from the list (by index, iterator or stream) — or, with
 * {@link #ofFeeds}, when {@code feed} of chunk {@code k} returns — chunk {@code k}'s lease ends and its
 * memory is overwritten; the rest end when the decoder returns. So a decoder that keeps a view of one
 * chunk (say {@code chunk.slice(...)} of a partial frame) and reads it after the next chunk arrived throws
 * {@link io.bufkit.StaleViewException} naming that chunk, one that kept a {@code byte[]} or
 * {@code ByteBuffer} reads overwritten bytes, and a result that kept a reference into any chunk fails. Fetch
 * the chunks in order, each when the decoder is ready for it: copying the list first (for example
 * {@code List.copyOf(chunks)}) fetches every chunk at once and leaves only the last one live.
 *
 * <p><b>Failures</b> are shrunk before they are reported — cut points dropped, the input shortened (through
 * the generator's shrinking, then by removing bytes), and for short inputs the chunking with the fewest
 * chunks that still fails is searched exhaustively — and thrown as a {@link ChunkingFailure} naming the seed,
 * the input in hex, the chunks, the expected and the actual outcome. A shrink step that would make a
 * succeeding reference decoding fail (for example by cutting a frame in half) is not taken, so the shrunk
 * input stays valid for the decoder.
 *
 * <p><b>Seeds and tries</b> work as for {@link Property}: {@link #tries(int)}, else {@code -Dbufkit.tries},
 * else 200; {@link #seed(long)}, else {@code -Dbufkit.seed}, else random. The reported seed replays the run
 * exactly. Properties are immutable: each setting returns a new one.
 *
 * @param <R> the decoded result type
 */
public final class ChunkProperty<R> {

    /** The default for {@link #exhaustiveUpTo(int)}: inputs of up to 14 bytes get all 8192 chunkings. */
    public static final int DEFAULT_EXHAUSTIVE_UP_TO = 14;
    /** The default for {@link #chunkingsPerInput(int)}. */
    public static final int DEFAULT_CHUNKINGS_PER_INPUT = 8;
    /** Inputs longer than this do not get the {@code n + 1} single-cut chunkings (quadratic cost). */
    static final int MAX_SINGLE_CUT_LENGTH = 4096;
    /** Inputs longer than this do not get an empty chunk around every byte (two chunks per byte). */
    static final int MAX_EMPTY_CHUNKS_LENGTH = 65536;

    /** What the chunk memory of a reference decoding is overwritten with. */
    private static final byte REFERENCE_SCRIBBLE = 0x5a;

    private final Delivery delivery;
    private final int tries;
    private final Long seed;
    private final int exhaustiveUpTo;
    private final int chunkingsPerInput;
    private final Function<byte[], int[]> headerBytes;
    private final int maxShrinkAttempts;
    private final boolean compareExceptionMessages;

    private ChunkProperty(Delivery delivery, int tries, Long seed, int exhaustiveUpTo, int chunkingsPerInput,
            Function<byte[], int[]> headerBytes, int maxShrinkAttempts, boolean compareExceptionMessages) {
        this.delivery = delivery;
        this.tries = tries;
        this.seed = seed;
        this.exhaustiveUpTo = exhaustiveUpTo;
        this.chunkingsPerInput = chunkingsPerInput;
        this.headerBytes = headerBytes;
        this.maxShrinkAttempts = maxShrinkAttempts;
        this.compareExceptionMessages = compareExceptionMessages;
    }

    private static <R> ChunkProperty<R> create(Delivery delivery) {
        return new ChunkProperty<>(delivery, 0, null, DEFAULT_EXHAUSTIVE_UP_TO, DEFAULT_CHUNKINGS_PER_INPUT, null,
                Property.DEFAULT_MAX_SHRINK_ATTEMPTS, false);
    }

    /**
     * A property of a decoder that takes chunks as {@link ByteView}s.
     *
     * @param decoder decodes a list of chunks; each chunk is <em>borrowed</em> under a lease of its own that
     *     ends, and its memory is overwritten, when the decoder fetches the next chunk or returns
     * @param <R> the result type
     * @return the property, with default settings
     */
    public static <R> ChunkProperty<R> ofViews(ChunkDecoder<ByteView, ? extends R> decoder) {
        Objects.requireNonNull(decoder, "decoder");
        return create((arrays, pad, scribble) -> {
            HandedChunks<ByteView> chunks = new HandedChunks<>(arrays, scribble,
                    (a, lease) -> lease.wrap(a, pad, a.length - 2 * pad));
            try {
                return decoder.decode(chunks);
            } finally {
                chunks.endAll();
            }
        });
    }

    /**
     * A property of an incremental decoder fed one {@link ByteView} chunk at a time.
     *
     * @param decoders makes a new decoder for each decoding
     * @param <R> the result type
     * @return the property, with default settings
     */
    public static <R> ChunkProperty<R> ofFeeds(Supplier<? extends ChunkFeed<? extends R>> decoders) {
        Objects.requireNonNull(decoders, "decoders");
        return create((arrays, pad, scribble) -> {
            HandedChunks<ByteView> chunks = new HandedChunks<>(arrays, scribble,
                    (a, lease) -> lease.wrap(a, pad, a.length - 2 * pad));
            try {
                ChunkFeed<? extends R> decoder = decoders.get();
                for (ByteView chunk : chunks) {
                    decoder.feed(chunk);
                }
                chunks.endAll();
                return decoder.finish();
            } finally {
                chunks.endAll();
            }
        });
    }

    /**
     * A property of a decoder that takes chunks as {@code byte[]}s.
     *
     * @param decoder decodes a list of chunks; each chunk is a new array of exactly the chunk's length,
     *     <em>borrowed</em> until the decoder fetches the next chunk or returns; it is overwritten then
     * @param <R> the result type
     * @return the property, with default settings
     */
    public static <R> ChunkProperty<R> ofArrays(ChunkDecoder<byte[], ? extends R> decoder) {
        Objects.requireNonNull(decoder, "decoder");
        return create(new Delivery() {
            @Override
            public Object decode(List<byte[]> arrays, int pad, byte scribble) throws Exception {
                HandedChunks<byte[]> chunks = new HandedChunks<>(arrays, scribble, (a, lease) -> a);
                try {
                    return decoder.decode(chunks);
                } finally {
                    chunks.endAll();
                }
            }

            @Override
            public int padding() {
                return 0;
            }
        });
    }

    /**
     * A property of a decoder that takes chunks as {@link ByteBuffer}s.
     *
     * @param decoder decodes a list of chunks; each chunk is a heap buffer whose remaining bytes are the
     *     chunk, with a non-zero position and array offset so that code ignoring them fails; <em>borrowed</em>
     *     until the decoder fetches the next chunk or returns; its memory is overwritten then
     * @param <R> the result type
     * @return the property, with default settings
     */
    public static <R> ChunkProperty<R> ofBuffers(ChunkDecoder<ByteBuffer, ? extends R> decoder) {
        Objects.requireNonNull(decoder, "decoder");
        return create((arrays, pad, scribble) -> {
            HandedChunks<ByteBuffer> chunks = new HandedChunks<>(arrays, scribble, (a, lease) ->
                    ByteBuffer.wrap(a).position(1).slice().position(pad - 1).limit(a.length - pad - 1));
            try {
                return decoder.decode(chunks);
            } finally {
                chunks.endAll();
            }
        });
    }

    private ChunkProperty<R> with(int tries, Long seed, int exhaustiveUpTo, int chunkingsPerInput,
            Function<byte[], int[]> headerBytes, int maxShrinkAttempts) {
        return new ChunkProperty<>(delivery, tries, seed, exhaustiveUpTo, chunkingsPerInput, headerBytes,
                maxShrinkAttempts, compareExceptionMessages);
    }

    /**
     * Sets the number of random tries, overriding {@code bufkit.tries}: random chunkings of a fixed input,
     * or generated inputs.
     *
     * @param tries at least 1
     * @return a property with that setting
     * @throws IllegalArgumentException if {@code tries} is less than 1
     */
    public ChunkProperty<R> tries(int tries) {
        if (tries < 1) {
            throw new IllegalArgumentException("tries " + tries + " must be at least 1");
        }
        return with(tries, seed, exhaustiveUpTo, chunkingsPerInput, headerBytes, maxShrinkAttempts);
    }

    /**
     * Fixes the seed, overriding {@code bufkit.seed}.
     *
     * @param seed the seed
     * @return a property with that setting
     */
    public ChunkProperty<R> seed(long seed) {
        return with(tries, seed, exhaustiveUpTo, chunkingsPerInput, headerBytes, maxShrinkAttempts);
    }

    /**
     * Sets the longest input for which all {@code 2^(n-1)} chunkings are checked.
     *
     * @param maxLength in {@code [0, Chunking.MAX_ENUMERABLE_LENGTH]}; 0 turns exhaustive checks off for
     *     non-empty inputs
     * @return a property with that setting
     * @throws IllegalArgumentException if {@code maxLength} is out of range
     */
    public ChunkProperty<R> exhaustiveUpTo(int maxLength) {
        if (maxLength < 0 || maxLength > Chunking.MAX_ENUMERABLE_LENGTH) {
            throw new IllegalArgumentException("exhaustiveUpTo " + maxLength + " is outside [0, "
                    + Chunking.MAX_ENUMERABLE_LENGTH + "]");
        }
        return with(tries, seed, maxLength, chunkingsPerInput, headerBytes, maxShrinkAttempts);
    }

    /**
     * Sets how many random chunkings each generated input gets (in {@link #checkAll(Gen)}).
     *
     * @param count at least 0
     * @return a property with that setting
     * @throws IllegalArgumentException if {@code count} is negative
     */
    public ChunkProperty<R> chunkingsPerInput(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("chunkingsPerInput " + count + " is negative");
        }
        return with(tries, seed, exhaustiveUpTo, count, headerBytes, maxShrinkAttempts);
    }

    /**
     * Names the header bytes of an input, so that chunkings cut just before and after each of them.
     *
     * @param offsets gives the offsets of the header bytes of an input (for a frame format: the type and
     *     length bytes of every frame); it gets an owned copy of the input; offsets outside the input are
     *     ignored, and if it throws no bytes are isolated for that input
     * @return a property with that setting
     */
    public ChunkProperty<R> headerBytes(Function<byte[], int[]> offsets) {
        return with(tries, seed, exhaustiveUpTo, chunkingsPerInput, Objects.requireNonNull(offsets, "offsets"),
                maxShrinkAttempts);
    }

    /**
     * Sets how many shrink candidates to check at most before reporting.
     *
     * @param maxShrinkAttempts at least 0 (0 reports the first failing case as found)
     * @return a property with that setting
     * @throws IllegalArgumentException if {@code maxShrinkAttempts} is negative
     */
    public ChunkProperty<R> maxShrinkAttempts(int maxShrinkAttempts) {
        if (maxShrinkAttempts < 0) {
            throw new IllegalArgumentException("maxShrinkAttempts " + maxShrinkAttempts + " is negative");
        }
        return with(tries, seed, exhaustiveUpTo, chunkingsPerInput, headerBytes, maxShrinkAttempts);
    }

    /**
     * Makes exception messages part of the outcome: a decoding that throws must throw an exception of the same
     * class <em>with the same message</em> as the reference. Use it when messages should not depend on the
     * chunking — for example when they name a stream offset, which a decoder reporting chunk-relative
     * offsets would get wrong.
     *
     * @return a property that compares exception messages too
     */
    public ChunkProperty<R> compareExceptionMessages() {
        return new ChunkProperty<>(delivery, tries, seed, exhaustiveUpTo, chunkingsPerInput, headerBytes,
                maxShrinkAttempts, true);
    }

    /**
     * Checks that every chunking of {@code input} decodes like the whole input in one chunk.
     *
     * @param input the stream (copied; not kept)
     * @throws ChunkingFailure if some chunking decodes differently; shrunk, with the seed to replay it
     */
    public void check(byte[] input) {
        new Run().fixed(wholeSubject(input.clone()), ALL_PHASES, "decoding the whole input in one chunk");
    }

    /**
     * Checks that every chunking of {@code input} decodes to {@code expected}.
     *
     * @param input the stream (copied; not kept)
     * @param expected the expected result, compared with {@link Objects#deepEquals(Object, Object)}
     * @throws ChunkingFailure if some chunking decodes differently; shrunk, with the seed to replay it
     */
    public void check(byte[] input, R expected) {
        Outcome reference = Outcome.returned(expected);
        new Run().fixed(new Subject(input.clone(), () -> reference, false), ALL_PHASES, "the expected result");
    }

    /**
     * Checks generated inputs: each decodes, in every checked chunking, like the whole input in one chunk.
     *
     * @param inputs the input generator
     * @throws ChunkingFailure for the first failing input and chunking; shrunk, with the seed to replay it
     */
    public void checkAll(Gen<byte[]> inputs) {
        Objects.requireNonNull(inputs, "inputs");
        new Run().generated(r -> inputs.sample(r).map(this::wholeSubject), "decoding the whole input in one chunk");
    }

    /**
     * Checks generated values: each value's encoding decodes, in every checked chunking, to the value's
     * expected result. Shrinking shrinks the value (through its generator) and the chunking.
     *
     * @param values the value generator (for example, lists of frames)
     * @param encode makes the stream from a value
     * @param expected the result a correct decoder gives for a value
     * @param <T> the value type
     * @throws ChunkingFailure for the first failing value and chunking; shrunk, with the seed to replay it
     */
    public <T> void checkAll(Gen<T> values, Function<? super T, byte[]> encode,
            Function<? super T, ? extends R> expected) {
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(encode, "encode");
        Objects.requireNonNull(expected, "expected");
        new Run().generated(r -> values.sample(r).map(v -> new Subject(encode.apply(v).clone(),
                memo(() -> outcome(() -> expected.apply(v))), false)), "the expected result");
    }

    /**
     * The checks of {@link #check(byte[])} as dynamic tests, one per kind of chunking, for a
     * {@link org.junit.jupiter.api.TestFactory @TestFactory} method, so that a test report shows which kind
     * of chunking fails.
     *
     * @param input the stream (copied; not kept)
     * @return the dynamic tests: exhaustive (short inputs) or one byte at a time, single cuts, empty chunks,
     *     header bytes (if {@link #headerBytes(Function)} is set), random chunkings
     */
    public Stream<DynamicTest> dynamicTests(byte[] input) {
        byte[] copy = input.clone();
        int n = copy.length;
        List<DynamicTest> tests = new ArrayList<>();
        if (n <= exhaustiveUpTo) {
            tests.add(test("all " + Text.count(n <= 1 ? 1 : 1L << (n - 1), "chunking") + " of " + Text.count(n, "byte"), copy,
                    Phase.EXHAUSTIVE));
        } else {
            tests.add(test("one byte at a time", copy, Phase.EXHAUSTIVE));
        }
        if (n <= MAX_SINGLE_CUT_LENGTH) {
            tests.add(test("every single cut point (" + (n + 1) + " chunkings)", copy, Phase.SINGLE_CUTS));
        }
        if (n <= MAX_EMPTY_CHUNKS_LENGTH) {
            tests.add(test("empty chunks between all bytes and at both ends", copy, Phase.EMPTY_CHUNKS));
        }
        if (headerBytes != null) {
            tests.add(test("each header byte in a chunk of its own", copy, Phase.HEADER_BYTES));
        }
        tests.add(test(Settings.tries(tries) + " random chunkings", copy, Phase.RANDOM));
        return tests.stream();
    }

    private DynamicTest test(String name, byte[] input, Phase phase) {
        return DynamicTest.dynamicTest(name, () -> new Run().fixed(wholeSubject(input), List.of(phase),
                "decoding the whole input in one chunk"));
    }

    // ---------------------------------------------------------------------------------------------------
    // internals

    /** How chunks are handed to the user's decoder. */
    private interface Delivery {
        /**
         * Decodes chunk arrays that carry {@link #padding()} bytes of garbage on both sides of each chunk,
         * overwriting each with {@code scribble} as the decoder moves past it.
         */
        Object decode(List<byte[]> paddedChunks, int pad, byte scribble) throws Exception;

        default int padding() {
            return 3;
        }
    }

    /** The kinds of deterministic and random checks of a fixed input, in the order they run. */
    private enum Phase {
        EXHAUSTIVE, SINGLE_CUTS, EMPTY_CHUNKS, HEADER_BYTES, RANDOM
    }

    /** All phases, in order. */
    private static final List<Phase> ALL_PHASES = List.of(Phase.values());

    /** An input and its reference outcome; {@code rawShrinkable} when bytes may be removed freely. */
    private static final class Subject {
        final byte[] bytes;
        final Supplier<Outcome> reference;
        final boolean rawShrinkable;

        Subject(byte[] bytes, Supplier<Outcome> reference, boolean rawShrinkable) {
            this.bytes = bytes;
            this.reference = reference;
            this.rawShrinkable = rawShrinkable;
        }
    }

    /** A candidate counterexample: an input (with its shrinks) and a chunking of it. */
    private record Case(Shrinkable<Subject> subject, Chunking chunking) {
    }

    /** How a case failed. */
    private record Mismatch(Outcome expected, Outcome actual, RuntimeException comparisonFailure) {
    }

    private Subject wholeSubject(byte[] bytes) {
        return new Subject(bytes, memo(() -> decodeNow(bytes, Chunking.whole(bytes.length), REFERENCE_SCRIBBLE)), true);
    }

    private static <V> Supplier<V> memo(Supplier<V> s) {
        return new Supplier<>() {
            private V value;
            private boolean done;

            @Override
            public V get() {
                if (!done) {
                    value = s.get();
                    done = true;
                }
                return value;
            }
        };
    }

    private static Outcome outcome(java.util.concurrent.Callable<?> c) {
        try {
            return Outcome.returned(c.call());
        } catch (Throwable e) {
            return Outcome.threw(e);
        }
    }

    /** Decodes {@code input} split by {@code chunking}, then overwrites the chunk memory with {@code scribble}. */
    private Outcome decodeNow(byte[] input, Chunking chunking, byte scribble) {
        int pad = delivery.padding();
        List<byte[]> arrays = new ArrayList<>(chunking.chunkCount());
        for (int i = 0; i < chunking.chunkCount(); i++) {
            int from = chunking.chunkStart(i);
            int to = chunking.chunkEnd(i);
            byte[] a = new byte[to - from + 2 * pad];
            Arrays.fill(a, (byte) ~scribble);
            System.arraycopy(input, from, a, pad, to - from);
            arrays.add(a);
        }
        try {
            return outcome(() -> delivery.decode(List.copyOf(arrays), pad, scribble));
        } finally {
            for (byte[] a : arrays) {
                Arrays.fill(a, scribble);
            }
        }
    }

    private int[] headerOffsets(byte[] input) {
        if (headerBytes == null) {
            return new int[0];
        }
        int[] offsets;
        try {
            offsets = headerBytes.apply(input.clone());
        } catch (RuntimeException e) {
            return new int[0];
        }
        return offsets == null ? new int[0]
                : IntStream.of(offsets).filter(o -> o >= 0 && o < input.length).distinct().sorted().toArray();
    }

    /** One execution of a property: its seed, counters and failure reporting. */
    private final class Run {
        final long runSeed = Settings.seed(seed);
        final int runTries = Settings.tries(tries);
        int decodes;
        int checkNumber;

        Mismatch evaluate(Subject subject, Chunking chunking, boolean referenceMustReturn) {
            Outcome expected = subject.reference.get();
            if (referenceMustReturn && !expected.returnedNormally()) {
                return null;
            }
            byte scribble = (byte) (0xa5 + 31 * ++decodes);
            // never the reference's pattern, so that two results both showing overwritten memory differ
            Outcome actual = decodeNow(subject.bytes, chunking, scribble == REFERENCE_SCRIBBLE ? 0x11 : scribble);
            try {
                return expected.sameAs(actual, compareExceptionMessages) ? null : new Mismatch(expected, actual, null);
            } catch (RuntimeException e) {
                return new Mismatch(expected, actual, e);
            }
        }

        void fixed(Subject subject, List<Phase> phases, String referenceName) {
            int n = subject.bytes.length;
            Shrinkable<Subject> tree = Shrinkable.of(subject);
            int[] headers = headerOffsets(subject.bytes);
            for (Phase phase : phases) {
                Iterator<Chunking> chunkings;
                String label;
                switch (phase) {
                    case EXHAUSTIVE:
                        chunkings = n <= exhaustiveUpTo ? Chunking.all(n).iterator()
                                : List.of(Chunking.oneByteAtATime(n)).iterator();
                        label = n <= exhaustiveUpTo ? "exhaustive: all chunkings of " + Text.count(n, "byte") : "one byte at a time";
                        break;
                    case SINGLE_CUTS:
                        chunkings = n <= MAX_SINGLE_CUT_LENGTH ? Chunking.everySingleCut(n).iterator()
                                : List.<Chunking>of().iterator();
                        label = "every single cut point";
                        break;
                    case EMPTY_CHUNKS:
                        chunkings = n <= MAX_EMPTY_CHUNKS_LENGTH ? List.of(Chunking.emptyChunksEverywhere(n)).iterator()
                                : List.<Chunking>of().iterator();
                        label = "empty chunks between all bytes";
                        break;
                    case HEADER_BYTES:
                        chunkings = headers.length == 0 ? List.<Chunking>of().iterator()
                                : List.of(Chunking.isolating(n, headers)).iterator();
                        label = "each header byte in a chunk of its own";
                        break;
                    default:
                        chunkings = randomChunkings(n, headers);
                        label = "random chunking";
                        break;
                }
                while (chunkings.hasNext()) {
                    checkNumber++;
                    Chunking c = chunkings.next();
                    Mismatch m = evaluate(subject, c, false);
                    if (m != null) {
                        throw fail(new Case(tree, c), m, checkNumber, "check " + checkNumber + " (" + label + ")",
                                referenceName);
                    }
                }
            }
        }

        private Iterator<Chunking> randomChunkings(int n, int[] headers) {
            SplittableRandom root = new SplittableRandom(runSeed);
            Gen<Chunking> gen = Chunkings.any(n, headers);
            return Stream.generate(() -> gen.generate(root.split())).limit(runTries).iterator();
        }

        void generated(Function<SplittableRandom, Shrinkable<Subject>> inputs, String referenceName) {
            SplittableRandom root = new SplittableRandom(runSeed);
            Set<ByteBuffer> enumerated = new HashSet<>();
            for (int t = 1; t <= runTries; t++) {
                SplittableRandom r = root.split();
                Shrinkable<Subject> tree = inputs.apply(r);
                Subject subject = tree.value();
                int n = subject.bytes.length;
                int[] headers = headerOffsets(subject.bytes);
                Stream<Chunking> chunkings;
                if (n <= exhaustiveUpTo && enumerated.add(ByteBuffer.wrap(subject.bytes))) {
                    chunkings = Stream.concat(Chunking.all(n), Stream.of(Chunking.emptyChunksEverywhere(n)));
                } else if (n <= exhaustiveUpTo) {
                    // enumerated before in this run: only the chunkings that may reveal a different expectation
                    chunkings = Stream.of(Chunking.whole(n), Chunking.oneByteAtATime(n));
                } else {
                    Gen<Chunking> random = Chunkings.any(n, headers);
                    chunkings = Stream.concat(Stream.of(Chunking.whole(n), Chunking.oneByteAtATime(n)),
                            Stream.generate(() -> random.generate(r)).limit(chunkingsPerInput));
                    if (headers.length > 0) {
                        chunkings = Stream.concat(Stream.of(Chunking.isolating(n, headers)), chunkings);
                    }
                }
                Iterator<Chunking> it = chunkings.iterator();
                while (it.hasNext()) {
                    Chunking c = it.next();
                    Mismatch m = evaluate(subject, c, false);
                    if (m != null) {
                        throw fail(new Case(tree, c), m, t, "input " + t + " of " + runTries, referenceName);
                    }
                }
            }
        }

        private ChunkingFailure fail(Case found, Mismatch mismatch, int tryNumber, String where, String referenceName) {
            boolean referenceMustReturn = mismatch.expected.returnedNormally();
            Shrinker.Result<Case, Mismatch> shrunk = Shrinker.shrink(tree(found.subject, found.chunking), mismatch,
                    c -> evaluate(c.subject.value(), c.chunking, referenceMustReturn), maxShrinkAttempts);
            Case best = shrunk.value().value();
            Mismatch bestMismatch = shrunk.failure();
            int steps = shrunk.steps();
            int attempts = shrunk.attempts();
            // for a short input, find the failing chunking with the fewest chunks
            Subject subject = best.subject.value();
            int n = subject.bytes.length;
            int chunks = best.chunking.chunkCount();
            if (n <= exhaustiveUpTo && chunks > 2 && attempts < maxShrinkAttempts) {
                List<Chunking> fewer = Chunking.all(n).filter(c -> c.chunkCount() < chunks)
                        .sorted(Comparator.comparingInt(Chunking::chunkCount)).toList();
                for (Chunking c : fewer) {
                    if (attempts++ >= maxShrinkAttempts) {
                        break;
                    }
                    Mismatch m = evaluate(subject, c, referenceMustReturn);
                    if (m != null) {
                        best = new Case(best.subject, c);
                        bestMismatch = m;
                        steps++;
                        break;
                    }
                }
            }
            return report(found, best, bestMismatch, steps, attempts, tryNumber, where, referenceName);
        }

        private Shrinkable<Case> tree(Shrinkable<Subject> subject, Chunking chunking) {
            return Shrinkable.of(new Case(subject, chunking), () -> {
                Stream<Shrinkable<Case>> fewerCuts = chunking.simpler().map(c -> tree(subject, c));
                Stream<Shrinkable<Case>> smallerInputs = subject.shrinks().flatMap(s -> adapt(chunking,
                        s.value().bytes.length).map(c -> tree(s, c)));
                Stream<Shrinkable<Case>> fewerBytes = subject.value().rawShrinkable
                        ? rawShrinks(subject.value(), chunking) : Stream.empty();
                return Stream.concat(fewerCuts, Stream.concat(smallerInputs, fewerBytes));
            });
        }

        /** The chunking adapted to a shorter input: cut points clamped, or shifted with the end. */
        private Stream<Chunking> adapt(Chunking c, int newLength) {
            int delta = c.length() - newLength;
            Chunking clamped = c.clampedTo(newLength);
            Chunking shifted = Chunking.of(newLength, IntStream.of(c.cuts())
                    .map(x -> Math.max(0, Math.min(newLength, x - delta))).toArray());
            return clamped.equals(shifted) ? Stream.of(clamped) : Stream.of(clamped, shifted);
        }

        /** Byte ranges removed (cut points moved with the bytes), then single bytes made simpler. */
        private Stream<Shrinkable<Case>> rawShrinks(Subject s, Chunking c) {
            byte[] a = s.bytes;
            int[] cuts = c.cuts();
            Stream<Shrinkable<Case>> removed = Shrinks.removals(a.length, 0).mapToObj(range -> {
                int from = (int) (range >>> 32);
                int to = (int) range;
                int k = to - from;
                int[] moved = IntStream.of(cuts).map(x -> x <= from ? x : x >= to ? x - k : from).toArray();
                byte[] shorter = Shrinks.removeRange(a, from, to);
                return tree(Shrinkable.of(wholeSubject(shorter)), Chunking.of(shorter.length, moved));
            });
            Stream<Shrinkable<Case>> simpler = Shrinks.simplerBytes(a)
                    .map(b -> tree(Shrinkable.of(wholeSubject(b)), c));
            return Stream.concat(removed, simpler);
        }

        private ChunkingFailure report(Case original, Case best, Mismatch m, int steps, int attempts, int tryNumber,
                String where, String referenceName) {
            byte[] input = best.subject.value().bytes;
            Chunking c = best.chunking;
            String expected = m.expected.describe();
            String actual = m.actual.describe();
            StringBuilder sb = new StringBuilder();
            sb.append("decoding in chunks differs from ").append(referenceName)
                    .append("\n  seed:     ").append(runSeed).append("  (replay: -Dbufkit.seed=").append(runSeed).append(')')
                    .append("\n  failed:   ").append(where)
                    .append("\n  input:    ").append(Text.count(input.length, "byte")).append(": ").append(Text.hex(input, 0, input.length, 256))
                    .append("\n  chunks:   ").append(c.chunkCount()).append(": ").append(c.describe(input, 64))
                    .append("\n  cuts:     ").append(Arrays.toString(c.cuts()))
                    .append("\n  expected: ").append(expected)
                    .append("\n  actual:   ").append(actual);
            if (m.comparisonFailure != null) {
                sb.append("\n  comparing the outcomes threw ").append(m.comparisonFailure);
            }
            if (actual.contains("StaleViewException") && actual.contains(" was handed over")) {
                sb.append("\n  hint:     the decoder kept a borrowed view of one chunk and read it after the next chunk was"
                        + " handed over, when that chunk's lease ended and its memory was overwritten; with a reused"
                        + " read buffer it would read the next read's bytes. copy() what must outlive its chunk");
            } else if (expected.contains("STALE") || actual.contains("STALE")) {
                sb.append("\n  hint:     the result keeps a borrowed chunk view whose lease ended when decoding returned;"
                        + " copy() what the result keeps");
            } else if (expected.equals(actual)) {
                sb.append("\n  hint:     expected and actual print the same but are not equal: give the result a"
                        + " value-based equals (records, lists, Bytes), or copy bytes out of borrowed chunks");
            }
            byte[] originalInput = original.subject.value().bytes;
            sb.append("\n  shrunk:   ").append(Text.count(steps, "step")).append(" (")
                    .append(Text.count(attempts, "candidate")).append(") from ")
                    .append(Text.count(originalInput.length, "byte")).append(" in ")
                    .append(Text.count(original.chunking.chunkCount(), "chunk"));
            Throwable cause = m.comparisonFailure != null ? m.comparisonFailure
                    : m.actual.thrown() != null ? m.actual.thrown() : m.expected.thrown();
            return new ChunkingFailure(sb.toString(), runSeed, tryNumber, steps, input, c, expected, actual, cause);
        }
    }
}
