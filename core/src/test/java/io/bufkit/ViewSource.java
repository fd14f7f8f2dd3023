package io.bufkit;

import io.bufkit.pool.BufferPool;
import io.bufkit.pool.PooledLease;
import io.bufkit.tlv.TlvDecoder;
import io.bufkit.tlv.TlvFormat;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * One way bufkit hands out a view, for the contract every view keeps whoever made it: views wrapped over
 * each {@link Backing} in each {@link Shape} under a caller's lease, views of pooled heap and direct
 * buffers (whole and sliced) under their {@link PooledLease}, and values a {@link TlvDecoder} lends to its
 * handler (inside a heap or direct chunk, or gathered across chunks), through its public API only.
 *
 * @param name what the source is, for test names
 * @param mutable whether the view is a {@link MutableByteView} over writable memory
 * @param lender lends views
 */
record ViewSource(String name, boolean mutable, Lender lender) {

    /** A view lent by a source, and the memory it shows when the test can reach that memory. */
    record Lent(ByteView view, ByteBuffer memory, int from) {
    }

    /** Lends a view of some content. */
    interface Lender {
        /**
         * Lends a view showing {@code content} to {@code use}, then ends the lease it was lent under.
         *
         * @return the same view, stale by now
         */
        ByteView lend(byte[] content, Consumer<Lent> use);
    }

    @Override
    public String toString() {
        return name;
    }

    /**
     * Lends a view of {@code content} to {@code use} and ends its lease.
     *
     * @return the view, stale
     */
    ByteView lend(byte[] content, Consumer<Lent> use) {
        return lender.lend(content, use);
    }

    /** Every source. */
    static List<ViewSource> all() {
        List<ViewSource> all = new ArrayList<>();
        for (Backing backing : Backing.values()) {
            for (Shape shape : Shape.values()) {
                all.add(new ViewSource(backing + " " + shape, backing.writable, (content, use) -> {
                    Lease lease = Lease.open("contract");
                    int from = Shape.MARGIN_BEFORE;
                    Backing.Memory memory = backing.holding(content, from, from + content.length + Shape.MARGIN_AFTER);
                    ByteView view = shape.view(memory, from, from + content.length, lease, backing.writable);
                    use.accept(new Lent(view, memory.raw, from));
                    lease.close();
                    return view;
                }));
            }
        }
        for (boolean direct : new boolean[] {false, true}) {
            String memory = direct ? "POOLED_DIRECT" : "POOLED_HEAP";
            all.add(pooled(memory + " whole buffer", direct, 0, 0));
            all.add(pooled(memory + " slice", direct, Shape.MARGIN_BEFORE, Shape.MARGIN_AFTER));
        }
        all.add(new ViewSource("TLV value inside a heap chunk", false, (content, use) -> {
            byte[] frame = frame(content);
            return decode(List.of(frame), use, ByteBuffer.wrap(frame));
        }));
        all.add(new ViewSource("TLV value inside a direct chunk", false, (content, use) -> {
            byte[] frame = frame(content);
            ByteBuffer chunk = ByteBuffer.allocateDirect(frame.length).put(frame).flip();
            TlvDecoder decoder = new TlvDecoder(TlvFormat.STANDARD);
            ByteView[] lent = new ByteView[1];
            decoder.feed(chunk, (type, value) -> {
                lent[0] = value;
                use.accept(new Lent(value, null, 0));
            });
            return lent[0];
        }));
        all.add(new ViewSource("TLV value gathered across chunks", false, (content, use) -> {
            byte[] frame = frame(content);
            int cut = 3 + content.length / 2;
            return decode(List.of(java.util.Arrays.copyOfRange(frame, 0, cut),
                    java.util.Arrays.copyOfRange(frame, cut, frame.length)), use, null);
        }));
        return all;
    }

    /** A view of a pooled buffer of {@code before + content + after} bytes, sliced to the content. */
    private static ViewSource pooled(String name, boolean direct, int before, int after) {
        return new ViewSource(name, true, (content, use) -> {
            BufferPool pool = BufferPool.builder().name("contract").bufferSize(before + content.length + after)
                    .capacity(1).direct(direct).build();
            PooledLease lease = pool.acquire();
            ByteBuffer memory = lease.buffer().duplicate().clear();
            for (int i = 0; i < memory.capacity(); i++) {
                memory.put(i, (byte) 0x5A);
            }
            memory.put(before, content);
            ByteView view = before == 0 && after == 0 ? lease.view()
                    : lease.view().slice(before, before + content.length);
            use.accept(new Lent(view, memory, before));
            lease.close();
            return view;
        });
    }

    /** A standard-format TLV frame (type u8, length u16be) of type 1 carrying {@code value}. */
    private static byte[] frame(byte[] value) {
        byte[] frame = new byte[3 + value.length];
        frame[0] = 1;
        frame[1] = (byte) (value.length >>> 8);
        frame[2] = (byte) value.length;
        System.arraycopy(value, 0, frame, 3, value.length);
        return frame;
    }

    /** Feeds {@code chunks} to a new decoder; lends the one value to {@code use}; returns it. */
    private static ByteView decode(List<byte[]> chunks, Consumer<Lent> use, ByteBuffer memory) {
        TlvDecoder decoder = new TlvDecoder(TlvFormat.STANDARD);
        ByteView[] lent = new ByteView[1];
        for (byte[] chunk : chunks) {
            decoder.feed(chunk, (type, value) -> {
                lent[0] = value;
                use.accept(new Lent(value, memory, 3));
            });
        }
        if (lent[0] == null) {
            throw new AssertionError("the decoder lent no value");
        }
        return lent[0];
    }
}
