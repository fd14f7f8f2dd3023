package io.bufkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The same read, write, bounds and lease checks for every kind of view bufkit hands out ({@link ViewSource}:
 * wrapped over every backing and shape, pooled heap and direct, lent by the TLV decoder), through the
 * view's own reads and through layout handles, against a {@link ByteBuffer} oracle.
 */
class ViewContractTest {

    private static final int LENGTH = 40;

    static Stream<ViewSource> sources() {
        return ViewSource.all().stream();
    }

    static Stream<ViewSource> mutableSources() {
        return sources().filter(ViewSource::mutable);
    }

    /** A read of a view at an offset, in the form of {@link Reads}. */
    interface ReadThrough {
        long read(Reads.Read read, ByteView view, int offset);
    }

    /** Checks every read at every offset of a view lent by {@code source} against the oracle. */
    private static void everyReadMatchesByteBuffer(ViewSource source, String how, ReadThrough through) {
        long seed = TestRandom.seed();
        byte[] content = TestRandom.bytes(new Random(seed), LENGTH);
        ByteBuffer oracle = ByteBuffer.wrap(content.clone());
        source.lend(content, lent -> {
            assertEquals(LENGTH, lent.view().length());
            for (Reads.Read read : Reads.ALL) {
                for (int at = 0; at + read.width() <= LENGTH; at++) {
                    assertEquals(read.oracle().read(oracle, at), through.read(read, lent.view(), at),
                            how + " " + read + " at offset " + at + TestRandom.replay(seed));
                }
            }
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sources")
    void everyReadAtEveryOffsetMatchesByteBuffer(ViewSource source) {
        everyReadMatchesByteBuffer(source, "view", (read, view, at) -> read.view().read(view, at));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sources")
    void everyLayoutHandleReadAtEveryOffsetMatchesByteBuffer(ViewSource source) {
        everyReadMatchesByteBuffer(source, "handle", HandleReads::read);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sources")
    void readsOutsideTheViewNameOffsetWidthAndLength(ViewSource source) {
        source.lend(new byte[LENGTH], lent -> {
            ByteView view = lent.view();
            for (Reads.Read read : Reads.ALL) {
                for (int offset : new int[] {-1, LENGTH - read.width() + 1, LENGTH, Integer.MAX_VALUE,
                        Integer.MIN_VALUE + read.width() - 1}) {
                    String message = ByteViewBoundsTest.assertPlainOutOfBounds(() -> read.view().read(view, offset));
                    assertTrue(message.contains("offset " + offset), message);
                    assertTrue(message.contains(read.width() + " byte"), message);
                    ByteViewBoundsTest.assertNamesLength(message, LENGTH);
                }
                // a handle whose field ends one byte past the view
                int at = LENGTH - read.width() + 1;
                String message = ByteViewBoundsTest.assertPlainOutOfBounds(() -> HandleReads.read(read, view, at));
                assertTrue(message.contains("offset " + at) && message.contains(read.width() + " byte"), message);
                ByteViewBoundsTest.assertNamesLength(message, LENGTH);
            }
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sources")
    void everyAccessThrowsOnceTheLeaseEnds(ViewSource source) {
        // the operations of LeaseTest work on views of 16 bytes
        ByteView stale = source.lend(new byte[16], lent -> {
            assertTrue(lent.view().isValid());
            for (LeaseTest.Op<ByteView> op : LeaseTest.viewOps()) {
                assertDoesNotThrow(() -> op.run().accept(lent.view()), op.name());
            }
        });

        assertFalse(stale.isValid());
        for (LeaseTest.Op<ByteView> op : LeaseTest.viewOps()) {
            assertThrows(StaleViewException.class, () -> op.run().accept(stale), op.name());
        }
        for (Reads.Read read : Reads.ALL) {
            assertThrows(StaleViewException.class, () -> HandleReads.read(read, stale, 0), "handle " + read);
        }
        if (source.mutable()) {
            for (Writes.Write write : Writes.ALL) {
                assertThrows(StaleViewException.class, () -> write.put().put((MutableByteView) stale, 0, write.normalize().apply(1)), write.name());
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mutableSources")
    void everyWriteAtEveryOffsetReadsBackThroughByteBufferAndTouchesOnlyItsBytes(ViewSource source) {
        long seed = TestRandom.seed();
        Random random = new Random(seed);
        for (Writes.Write write : Writes.ALL) {
            source.lend(new byte[LENGTH], lent -> {
                MutableByteView view = (MutableByteView) lent.view();
                ByteBuffer memory = lent.memory();
                for (int at = 0; at + write.width() <= LENGTH; at++) {
                    byte[] before = new byte[memory.capacity()];
                    memory.get(0, before);
                    long value = write.normalize().apply(random.nextLong());

                    write.put().put(view, at, value);

                    String what = write + " at offset " + at + TestRandom.replay(seed);
                    assertEquals(value, write.readBack().read(memory, lent.from() + at), what);
                    byte[] after = new byte[memory.capacity()];
                    memory.get(0, after);
                    System.arraycopy(before, lent.from() + at, after, lent.from() + at, write.width());
                    assertArrayEquals(before, after, "bytes outside the write changed: " + what);
                }
            });
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mutableSources")
    void aWriteAfterTheLeaseEndedLeavesTheMemoryAlone(ViewSource source) {
        ByteBuffer[] memory = new ByteBuffer[1];
        byte[][] before = new byte[1][];
        ByteView stale = source.lend(new byte[LENGTH], lent -> {
            memory[0] = lent.memory();
            before[0] = new byte[lent.memory().capacity()];
            lent.memory().get(0, before[0]);
        });

        for (Writes.Write write : Writes.ALL) {
            assertThrows(StaleViewException.class, () -> write.put().put((MutableByteView) stale, 0, write.normalize().apply(-1)), write.name());
        }
        byte[] after = new byte[memory[0].capacity()];
        memory[0].get(0, after);
        assertTrue(Arrays.equals(before[0], after), "a stale write changed the memory");
    }
}
