package io.bufkit.internal;

import io.bufkit.ByteView;
import io.bufkit.Lease;
import java.util.Objects;

/**
 * Lets bufkit's own packages reach views in ways the public API does not offer. Not API: the package is
 * not exported, and nothing here checks that its callers keep the contracts below.
 *
 * <p>The one implementation is installed by {@code io.bufkit.ByteView}'s class initialiser; callers keep
 * {@link #get()} in a {@code static final} field, so that the JIT binds their calls to that
 * implementation and inlines them.
 *
 * <p>The {@code read} methods serve callers that know a field's place when they are built, such as layout
 * handles: they take the field's end (its offset plus its width, with the offset not negative),
 * check only that the view is at least {@code end} bytes long and that its lease is live — one comparison
 * each, instead of the two range checks of the view's public reads — and, when either check fails, let the
 * view's own checks throw the exception a public read of the field's type would throw.
 */
public abstract class ViewAccess {

    private static volatile ViewAccess installed;

    /** For the implementation in {@code io.bufkit}. */
    protected ViewAccess() {
    }

    /**
     * Installs the implementation; called once by {@code io.bufkit.ByteView}'s class initialiser.
     *
     * @param implementation the implementation
     * @throws IllegalStateException if one is installed already
     */
    public static void install(ViewAccess implementation) {
        if (installed != null) {
            throw new IllegalStateException("already installed");
        }
        installed = Objects.requireNonNull(implementation);
    }

    /**
     * The installed implementation; initialises {@code io.bufkit.ByteView} first if needed.
     *
     * @return the implementation
     */
    public static ViewAccess get() {
        ViewAccess a = installed;
        if (a == null) {
            ByteView.empty();   // runs ByteView's class initialiser, which installs the implementation
            a = installed;
        }
        return a;
    }

    /**
     * Lends {@code source[from, from + length)} again under {@code lease}, without copying or duplicating a
     * buffer. Only for a lease whose views all end while {@code source} is still valid, such as a decoder's
     * frame lease that ends before {@code feed} returns.
     *
     * @param source the view whose memory is lent again
     * @param from the first byte, an offset in {@code source}
     * @param length the length
     * @param lease the lease of the new view
     * @return a <em>borrowed</em> view of the same memory, valid until {@code lease} closes or ends its views
     * @throws IndexOutOfBoundsException if the range is not inside {@code source}
     */
    public abstract ByteView relend(ByteView source, int from, int length, Lease lease);

    /**
     * Reads a signed byte; see the class comment for the contract.
     *
     * @param view the view
     * @param end the field's end: its offset, not negative, plus 1
     * @param op the field's type, named in the exception when a check fails
     * @return the value
     */
    public abstract byte readI8(ByteView view, int end, String op);

    /**
     * Reads a big-endian 16-bit value; see the class comment for the contract.
     *
     * @param view the view
     * @param end the field's end: its offset, not negative, plus 2
     * @param op the field's type, named in the exception when a check fails
     * @return the value
     */
    public abstract short readI16be(ByteView view, int end, String op);

    /**
     * Reads a little-endian 16-bit value; see the class comment for the contract.
     *
     * @param view the view
     * @param end the field's end: its offset, not negative, plus 2
     * @param op the field's type, named in the exception when a check fails
     * @return the value
     */
    public abstract short readI16le(ByteView view, int end, String op);

    /**
     * Reads a big-endian 32-bit value; see the class comment for the contract.
     *
     * @param view the view
     * @param end the field's end: its offset, not negative, plus 4
     * @param op the field's type, named in the exception when a check fails
     * @return the value
     */
    public abstract int readI32be(ByteView view, int end, String op);

    /**
     * Reads a little-endian 32-bit value; see the class comment for the contract.
     *
     * @param view the view
     * @param end the field's end: its offset, not negative, plus 4
     * @param op the field's type, named in the exception when a check fails
     * @return the value
     */
    public abstract int readI32le(ByteView view, int end, String op);

    /**
     * Reads a big-endian 64-bit value; see the class comment for the contract.
     *
     * @param view the view
     * @param end the field's end: its offset, not negative, plus 8
     * @param op the field's type, named in the exception when a check fails
     * @return the value
     */
    public abstract long readI64be(ByteView view, int end, String op);

    /**
     * Reads a little-endian 64-bit value; see the class comment for the contract.
     *
     * @param view the view
     * @param end the field's end: its offset, not negative, plus 8
     * @param op the field's type, named in the exception when a check fails
     * @return the value
     */
    public abstract long readI64le(ByteView view, int end, String op);
}
