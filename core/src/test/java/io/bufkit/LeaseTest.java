package io.bufkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Views borrow under a {@link Lease}: after the lease ends, every access — reads, writes, slices, copies,
 * a {@link ByteReader} — throws {@link StaleViewException}, while copies made before stay valid.
 */
class LeaseTest {

    /** A named operation on a view. */
    record Op<T>(String name, Consumer<T> run) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Op<ByteView>> viewOps() {
        List<Op<ByteView>> ops = new ArrayList<>();
        for (Reads.Read read : Reads.ALL) {
            ops.add(new Op<>(read.name(), v -> read.view().read(v, 0)));
        }
        ops.add(new Op<>("slice", v -> v.slice(0, 1)));
        ops.add(new Op<>("copy", ByteView::copy));
        ops.add(new Op<>("toByteArray", ByteView::toByteArray));
        ops.add(new Op<>("copyTo(byte[])", v -> v.copyTo(new byte[16], 0)));
        ops.add(new Op<>("copyTo(ByteBuffer)", v -> v.copyTo(ByteBuffer.allocate(16))));
        ops.add(new Op<>("toString(Charset)", v -> v.toString(StandardCharsets.UTF_8)));
        ops.add(new Op<>("unpinned", ByteView::unpinned));
        ops.add(new Op<>("asReadOnlyByteBuffer", ByteView::asReadOnlyByteBuffer));
        ops.add(new Op<>("contentEquals", v -> v.contentEquals(ByteView.wrap(new byte[16]))));
        ops.add(new Op<>("contentEquals as argument", v -> ByteView.wrap(new byte[16]).contentEquals(v)));
        ops.add(new Op<>("indexOf", v -> v.indexOf((byte) 1, 0)));
        ops.add(new Op<>("hexDump", ByteView::hexDump));
        ops.add(new Op<>("put into another view", v -> MutableByteView.allocate(16).put(0, v)));
        ops.add(new Op<>("new ByteReader reads", v -> new ByteReader(v).u8()));
        return ops;
    }

    static Stream<Arguments> viewOpsOnBackings() {
        List<Arguments> out = new ArrayList<>();
        for (Backing backing : Backing.values()) {
            for (Op<ByteView> op : viewOps()) {
                out.add(Arguments.of(backing, op));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{1} on {0}")
    @MethodSource("viewOpsOnBackings")
    void everyAccessToAViewThrowsAfterItsLeaseCloses(Backing backing, Op<ByteView> op) {
        Lease lease = Lease.open("socket read");
        ByteView view = backing.allocate(20).view(2, 18, lease, false);
        assertDoesNotThrow(() -> op.run().accept(view));

        lease.close();

        StaleViewException e = assertThrows(StaleViewException.class, () -> op.run().accept(view));
        assertTrue(e.getMessage().contains("'socket read'"), e.getMessage());
        assertTrue(e.getMessage().contains("closed"), e.getMessage());
    }

    @ParameterizedTest(name = "{1} on {0}")
    @MethodSource("viewOpsOnBackings")
    void everyAccessToASliceOfASliceThrowsAfterTheLeaseCloses(Backing backing, Op<ByteView> op) {
        Lease lease = Lease.open();
        ByteView slice = Shape.SLICE_OF_SLICE.view(backing.allocate(30), 6, 22, lease, false);

        lease.close();

        assertThrows(StaleViewException.class, () -> op.run().accept(slice));
    }

    static Stream<Arguments> writesOnBackings() {
        return ByteViewBoundsTest.writesOnBackings();
    }

    @ParameterizedTest(name = "{1} on {0}")
    @MethodSource("writesOnBackings")
    void everyWriteThrowsAfterTheLeaseClosesAndLeavesTheMemoryAlone(Backing backing, Writes.Write write) {
        Lease lease = Lease.open();
        Backing.Memory memory = backing.allocate(16);
        MutableByteView view = (MutableByteView) memory.view(0, 16, lease, true);

        lease.close();

        assertThrows(StaleViewException.class, () -> write.put().put(view, 0, 1));
        assertArrayEquals(new byte[16], memory.bytes(0, 16));
    }

    @Test
    void bulkWritesThrowAfterTheLeaseCloses() {
        Lease lease = Lease.open();
        byte[] array = new byte[8];
        MutableByteView view = lease.wrapMutable(array);

        lease.close();

        assertThrows(StaleViewException.class, () -> view.put(0, ByteView.wrap(new byte[] {1})));
        assertThrows(StaleViewException.class, () -> view.put(0, new byte[] {1}));
        assertThrows(StaleViewException.class, () -> view.fill((byte) 1));
        assertThrows(StaleViewException.class, () -> view.fill(0, 1, (byte) 1));
        assertArrayEquals(new byte[8], array);
    }

    static List<Op<ByteReader>> readerOps() {
        return List.of(new Op<>("u8", ByteReader::u8), new Op<>("i8", ByteReader::i8),
                new Op<>("u16be", ByteReader::u16be), new Op<>("u16le", ByteReader::u16le),
                new Op<>("i16be", ByteReader::i16be), new Op<>("i16le", ByteReader::i16le),
                new Op<>("u32be", ByteReader::u32be), new Op<>("u32le", ByteReader::u32le),
                new Op<>("i32be", ByteReader::i32be), new Op<>("i32le", ByteReader::i32le),
                new Op<>("i64be", ByteReader::i64be), new Op<>("i64le", ByteReader::i64le),
                new Op<>("f32be", ByteReader::f32be), new Op<>("f32le", ByteReader::f32le),
                new Op<>("f64be", ByteReader::f64be), new Op<>("f64le", ByteReader::f64le),
                new Op<>("view", r -> r.view(2)), new Op<>("bytes", r -> r.bytes(2)),
                new Op<>("skip", r -> r.skip(2)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("readerOps")
    void everyReadOfAByteReaderThrowsAfterTheLeaseClosesAndConsumesNothing(Op<ByteReader> op) {
        Lease lease = Lease.open();
        ByteReader reader = new ByteReader(lease.wrap(new byte[32]));
        reader.skip(3);

        lease.close();

        assertThrows(StaleViewException.class, () -> op.run().accept(reader));
        assertEquals(3, reader.position());
    }

    @Test
    void viewTakenFromAByteReaderGoesStaleWithTheLease() {
        Lease lease = Lease.open();
        ByteView value = new ByteReader(lease.wrap(new byte[] {0, 2, 'h', 'i'})).skip(2).view(2);

        lease.close();

        assertThrows(StaleViewException.class, () -> value.u8(0));
    }

    @Test
    void copiesMadeBeforeTheCloseStayValidAndUnchangedWhenTheMemoryIsReused() {
        Lease lease = Lease.open();
        byte[] buffer = {1, 2, 3, 4, 5, 6};
        ByteView view = lease.wrap(buffer, 1, 4);
        Bytes copy = view.copy();
        byte[] array = view.toByteArray();
        ByteView unpinned = view.unpinned();
        String text = view.slice(0, 2).toString(StandardCharsets.ISO_8859_1);

        lease.close();
        java.util.Arrays.fill(buffer, (byte) 9);

        assertEquals(Bytes.fromHex("02 03 04 05"), copy);
        assertArrayEquals(new byte[] {2, 3, 4, 5}, array);
        assertArrayEquals(new byte[] {2, 3, 4, 5}, unpinned.toByteArray());
        assertEquals(0x02030405, unpinned.i32be(0));
        assertEquals("\u0002\u0003", text);
    }

    @Test
    void endViewsMakesEarlierViewsStaleAndKeepsTheLeaseOpenForNewViews() {
        Lease lease = Lease.open("read buffer");
        byte[] buffer = {1, 2, 3, 4};
        ByteView before = lease.wrap(buffer);

        lease.endViews();
        ByteView after = lease.wrap(buffer);

        assertTrue(lease.isOpen());
        assertFalse(before.isValid());
        assertTrue(after.isValid());
        assertEquals(1, after.u8(0));
        StaleViewException e = assertThrows(StaleViewException.class, () -> before.u8(0));
        assertTrue(e.getMessage().contains("endViews()"), e.getMessage());
    }

    @Test
    void staleViewMessageNamesTheOperationTheLeaseAndTheWayOut() {
        Lease lease = Lease.open("frame 7");
        ByteView view = lease.wrap(new byte[8]);
        lease.close();

        String message = assertThrows(StaleViewException.class, () -> view.u32be(4)).getMessage();

        assertTrue(message.startsWith("u32be on a view of lease 'frame 7' after the lease was closed"), message);
        assertTrue(message.contains("copy()"), message);
    }

    @Test
    void staleViewExceptionIsAnIllegalStateException() {
        Lease lease = Lease.open();
        ByteView view = lease.wrap(new byte[1]);
        lease.close();

        assertThrows(IllegalStateException.class, () -> view.u8(0));
    }

    @Test
    void withoutLeaseTrackingTheExceptionHasNoCauseAndSaysHowToTurnItOn() {
        Lease lease = Lease.open();
        ByteView view = lease.wrap(new byte[1]);
        lease.close();

        StaleViewException e = assertThrows(StaleViewException.class, () -> view.u8(0));

        assertNull(e.getCause());
        assertTrue(e.getMessage().contains("-Dbufkit.trackLeases=true"), e.getMessage());
    }

    @Test
    void aClosedLeaseRefusesNewViews() {
        Lease lease = Lease.open("done");
        lease.close();

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> lease.wrap(new byte[1]));
        assertTrue(e.getMessage().contains("'done' is closed"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> lease.wrap(ByteBuffer.allocateDirect(1)));
        assertThrows(IllegalStateException.class, () -> lease.wrapMutable(new byte[1]));
        assertThrows(IllegalStateException.class, () -> lease.wrapMutable(ByteBuffer.allocate(1)));
        assertThrows(IllegalStateException.class, lease::endViews);
    }

    @Test
    void closingTwiceIsHarmless() {
        Lease lease = Lease.open();
        lease.close();

        assertDoesNotThrow(lease::close);
        assertFalse(lease.isOpen());
    }

    @Test
    void theUnboundedLeaseCannotEnd() {
        Lease unbounded = Lease.unbounded();

        assertThrows(IllegalStateException.class, unbounded::close);
        assertThrows(IllegalStateException.class, unbounded::endViews);
        assertTrue(unbounded.isUnbounded());
        assertTrue(ByteView.wrap(new byte[1]).isValid());
    }

    @Test
    void staticWrapsAndBytesViewsLiveUnderTheUnboundedLease() {
        assertSame(Lease.unbounded(), ByteView.wrap(new byte[1]).lease());
        assertSame(Lease.unbounded(), ByteView.wrap(ByteBuffer.allocateDirect(1)).lease());
        assertSame(Lease.unbounded(), MutableByteView.allocate(1).lease());
        assertSame(Lease.unbounded(), Bytes.of(new byte[] {1}).view().lease());
        assertSame(Lease.unbounded(), ByteView.empty().lease());
    }

    @Test
    void slicesShareTheLeaseOfTheirParent() {
        Lease lease = Lease.open();
        ByteView view = lease.wrap(new byte[8]);

        assertSame(lease, view.slice(1, 3).lease());
        assertSame(lease, view.slice(1, 7).slice(1, 2).lease());
    }

    @Test
    void aSubclassEndsItsViewsWithEnd() {
        final class Tenancy extends Lease {
            Tenancy() {
                super("tenancy");
            }

            void release() {
                end();
            }
        }
        Tenancy tenancy = new Tenancy();
        ByteView view = tenancy.wrap(new byte[4]);

        tenancy.release();

        assertFalse(tenancy.isOpen());
        assertThrows(StaleViewException.class, () -> view.u8(0));
    }

    @Test
    void leaseToStringNamesItAndItsState() {
        Lease lease = Lease.open("socket read");
        assertEquals("Lease[socket read, open]", lease.toString());
        lease.close();
        assertEquals("Lease[socket read, closed]", lease.toString());
        assertEquals("Lease[unbounded]", Lease.unbounded().toString());
    }

    @Test
    void staleViewToStringSaysStaleInsteadOfThrowing() {
        Lease lease = Lease.open("x");
        ByteView view = lease.wrap(new byte[] {1, 2});
        lease.close();

        assertTrue(view.toString().endsWith("STALE]"), view.toString());
    }
}
