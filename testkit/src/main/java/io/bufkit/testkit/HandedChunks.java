package io.bufkit.testkit;

import io.bufkit.Lease;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

/**
 * The chunks of one decoding, handed to the decoder under test one at a time the way a network read loop
 * hands them over: fetching chunk {@code k + 1} (through {@link #get(int)}, an iterator or a stream) ends
 * the lease of every earlier chunk and overwrites its memory, as a reused read buffer would. A decoder that
 * still reads a view of chunk {@code k} after that gets a {@link io.bufkit.StaleViewException}; one that
 * kept an array or buffer reads the overwritten bytes. {@link #endAll()} ends whatever is left.
 *
 * @param <C> the chunk type
 */
final class HandedChunks<C> extends AbstractList<C> implements RandomAccess {

    /** Makes the chunk the decoder sees from a padded chunk array and that chunk's lease. */
    interface Wrap<C> {
        C wrap(byte[] padded, Lease lease);
    }

    private final List<byte[]> padded;
    private final byte scribble;
    private final Lease[] leases;
    private final Object[] chunks;
    /** Chunks below this index have been ended. */
    private int ended;

    HandedChunks(List<byte[]> padded, byte scribble, Wrap<C> wrap) {
        this.padded = padded;
        this.scribble = scribble;
        int n = padded.size();
        this.leases = new Lease[n];
        this.chunks = new Object[n];
        for (int k = 0; k < n; k++) {
            leases[k] = Lease.open(leaseName(k, n));
            chunks[k] = wrap.wrap(padded.get(k), leases[k]);
        }
    }

    /** The name of chunk {@code k}'s lease, which a stale view's exception quotes. */
    static String leaseName(int k, int n) {
        return "chunk " + (k + 1) + " of " + n + (k + 1 < n ? ", ended when chunk " + (k + 2) + " was handed over"
                : ", ended when the decoder was done with it");
    }

    @Override
    @SuppressWarnings("unchecked")
    public C get(int index) {
        if (index < 0 || index >= chunks.length) {
            throw new IndexOutOfBoundsException("chunk " + index + " of " + chunks.length);
        }
        endBefore(index);
        return (C) chunks[index];
    }

    @Override
    public int size() {
        return chunks.length;
    }

    /** Ends every chunk below {@code index} that is still live. */
    private void endBefore(int index) {
        while (ended < index) {
            end(ended++);
        }
    }

    private void end(int k) {
        leases[k].close();
        Arrays.fill(padded.get(k), scribble);
    }

    /** Ends every chunk still live: the decoding returned. */
    void endAll() {
        endBefore(chunks.length);
    }
}
