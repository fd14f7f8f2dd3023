package io.bufkit.internal;

import io.bufkit.ByteView;
import io.bufkit.Lease;
import java.util.Objects;

/**
 * Lets bufkit's own packages create views that the public API does not offer. Not API: the package is not
 * exported, and nothing here checks that its callers keep the contracts below.
 */
public final class ViewBridge {

    /** What {@code io.bufkit} installs. */
    public interface Views {
        /**
         * A view of {@code source[from, from + length)} under {@code lease} instead of the source's lease.
         *
         * @param source the view whose memory is lent again; its own lease must outlast {@code lease}'s
         *     current generation
         * @param from the first byte, an offset in {@code source}
         * @param length the length
         * @param lease the lease of the new view
         * @return a <em>borrowed</em> view of the same memory, valid until {@code lease} ends or renews
         */
        ByteView relend(ByteView source, int from, int length, Lease lease);
    }

    private static volatile Views views;

    private ViewBridge() {
    }

    /**
     * Installs the implementation; called once by {@code io.bufkit.ByteView}'s class initialiser.
     *
     * @param implementation the implementation
     * @throws IllegalStateException if one is installed already
     */
    public static void install(Views implementation) {
        if (views != null) {
            throw new IllegalStateException("already installed");
        }
        views = Objects.requireNonNull(implementation);
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
     * @return a <em>borrowed</em> view of the same memory, valid until {@code lease} ends or renews
     * @throws IndexOutOfBoundsException if the range is not inside {@code source}
     */
    public static ByteView relend(ByteView source, int from, int length, Lease lease) {
        Views v = views;
        if (v == null) {
            ByteView.empty();   // runs ByteView's class initialiser, which installs the implementation
            v = views;
        }
        return v.relend(source, from, length, lease);
    }
}
