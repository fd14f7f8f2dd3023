package io.bufkit.testkit;

import org.opentest4j.AssertionFailedError;

/**
 * A property failed: carries the seed that replays the run and the shrunk counterexample.
 *
 * <p>The message says everything needed to reproduce the failure: the seed (replay with
 * {@code -Dbufkit.seed=<seed>}), which try failed, and the counterexample after shrinking. The cause is what
 * the check threw for the shrunk counterexample, if it threw. As an {@link AssertionFailedError} it fails a
 * JUnit test like any assertion, and IDEs show expected and actual side by side when both are known.
 */
public class PropertyFailure extends AssertionFailedError {

    private static final long serialVersionUID = 1L;

    /** The seed of the failing run. */
    private final long seed;
    /** The 1-based number of the try that failed. */
    private final int tryNumber;
    /** How many times a smaller failing case was found. */
    private final int shrinkSteps;
    /** A description of the shrunk counterexample. */
    private final String counterexample;

    PropertyFailure(String message, long seed, int tryNumber, int shrinkSteps, String counterexample, Throwable cause) {
        super(message, cause);
        this.seed = seed;
        this.tryNumber = tryNumber;
        this.shrinkSteps = shrinkSteps;
        this.counterexample = counterexample;
    }

    PropertyFailure(String message, long seed, int tryNumber, int shrinkSteps, String counterexample, String expected,
            String actual, Throwable cause) {
        super(message, expected, actual, cause);
        this.seed = seed;
        this.tryNumber = tryNumber;
        this.shrinkSteps = shrinkSteps;
        this.counterexample = counterexample;
    }

    /**
     * The seed of the failing run; running again with {@code -Dbufkit.seed=<seed>} (or
     * {@code .seed(seed)}) repeats the same tries and finds the same failure.
     *
     * @return the seed
     */
    public long seed() {
        return seed;
    }

    /**
     * Which try failed, counting from 1 (deterministic checks, such as exhaustive chunkings, count as tries
     * before the random ones).
     *
     * @return the 1-based try number
     */
    public int tryNumber() {
        return tryNumber;
    }

    /**
     * How many times shrinking found a smaller failing case.
     *
     * @return the number of successful shrink steps, 0 if the first failure could not be reduced
     */
    public int shrinkSteps() {
        return shrinkSteps;
    }

    /**
     * A description of the shrunk counterexample.
     *
     * @return the description
     */
    public String counterexample() {
        return counterexample;
    }
}
