package io.bufkit.testkit;

/**
 * A chunking property failed: decoding the input in some chunking gave a different outcome than expected.
 *
 * <p>Besides the seed and the report, it carries the shrunk input and chunking so a test can replay the case
 * directly: {@code failure.chunking().split(failure.input())}.
 */
public final class ChunkingFailure extends PropertyFailure {

    private static final long serialVersionUID = 1L;

    /** The shrunk input. */
    private final byte[] input;
    /** The cut points of the shrunk chunking. */
    private final int[] cuts;

    ChunkingFailure(String message, long seed, int tryNumber, int shrinkSteps, byte[] input, Chunking chunking,
            String expected, String actual, Throwable cause) {
        super(message, seed, tryNumber, shrinkSteps, chunking.describe(input, 64), expected, actual, cause);
        this.input = input.clone();
        this.cuts = chunking.cuts();
    }

    /**
     * The shrunk failing input.
     *
     * @return a new, <em>owned</em> copy of the input bytes
     */
    public byte[] input() {
        return input.clone();
    }

    /**
     * The shrunk failing chunking of {@link #input()}.
     *
     * @return the chunking
     */
    public Chunking chunking() {
        return Chunking.of(input.length, cuts);
    }
}
