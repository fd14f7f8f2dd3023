package io.bufkit.message;

import java.util.Arrays;

/**
 * The tape of ints on which a reader written by {@link ReaderSource} notes where each level of a message starts
 * and each of its parts ends, and the base class of every such reader. It is for generated code: a user
 * reads messages through the generated subclass's {@code read} and its levels' getters, never through these
 * members.
 *
 * <p>A level takes a block of consecutive slots ({@link #reserve}); a repeat's elements' places wait on a
 * stack while the repeat is read ({@link #push}), because each element's own levels take blocks in between,
 * and then move to one block, the repeat's index: the count, then the places ({@link #index}). The tape and
 * the stack grow to the largest message the reader has read and are reused for the next one, so a reader
 * allocates nothing per message once grown. They grow in proportion to the message, never beyond: a repeat has
 * at most one element per byte it covers (a counted repeat's count is checked against the bytes left before
 * its elements are read), so a message of {@code n} bytes takes at most about {@code n + 1} times the slots
 * of the layout's largest chain of nested levels.
 *
 * <p>Not thread-safe, like the reader it is part of.
 */
public abstract class ReaderTape {
    /** The tape: where each level starts and each of its parts ends, and the parts' extra slots. */
    protected int[] t = new int[64];
    /** The first free slot of the tape. */
    private int top;
    /** The places of the elements of the repeats being read, innermost last. */
    private int[] stack = new int[16];
    /** How many places the stack holds. */
    private int depth;

    /** Makes an empty tape. */
    protected ReaderTape() {
    }

    /** Empties the tape and the stack for the next message, keeping their arrays. */
    protected final void rewind() {
        top = 0;
        depth = 0;
    }

    /**
     * Takes the next {@code n} slots of the tape, growing it if they do not fit.
     *
     * @param n how many slots
     * @return the first of them; read {@link #t} again afterwards, since growing replaces the array
     */
    protected final int reserve(int n) {
        int g = top;
        top = g + n;
        if (top > t.length) {
            t = Arrays.copyOf(t, Math.max(top, t.length * 2));
        }
        return g;
    }

    /**
     * Keeps a repeat's element's place until the repeat ends; the repeats inside the element end before it
     * does, so each finds its own places on top.
     *
     * @param element the element's place on the tape
     */
    protected final void push(int element) {
        int d = depth;
        if (d == stack.length) {
            stack = Arrays.copyOf(stack, d * 2);
        }
        stack[d] = element;
        depth = d + 1;
    }

    /**
     * Moves the last {@code count} places from the stack to a new block of the tape, after their count: a
     * repeat's index.
     *
     * @param count how many elements the repeat has
     * @return the index's place on the tape
     */
    protected final int index(int count) {
        int x = reserve(count + 1);
        t[x] = count;
        depth -= count;
        System.arraycopy(stack, depth, t, x + 1, count);
        return x;
    }
}
