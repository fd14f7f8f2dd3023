package io.bufkit.tlv;

import static io.bufkit.testsupport.ByteArrays.concat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bufkit.ByteView;
import io.bufkit.Bytes;
import io.bufkit.StaleViewException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TlvDecoderTest {

    /** PROTOCOLS.md §3. */
    static final byte[] MESSAGE1 = Bytes.fromHex("01 00 05 68 65 6c 6c 6f").toByteArray();
    static final byte[] MESSAGE2 = Bytes.fromHex("02 00 08 67 6f 6f 64 62 79 65 21").toByteArray();
    static final byte[] STREAM = concat(MESSAGE1, MESSAGE2);
    static final List<TlvFrame> EXPECTED = List.of(FrameRecorder.frame(1, "hello"), FrameRecorder.frame(2, "goodbye!"));

    @Test
    void referenceVectorWithItsExactChunkingYieldsTwoFramesInOrder() {
        byte[] chunk1 = Arrays.copyOfRange(MESSAGE1, 0, 4);
        byte[] chunk2 = concat(Arrays.copyOfRange(MESSAGE1, 4, 8), Arrays.copyOfRange(MESSAGE2, 0, 6));
        byte[] chunk3 = Arrays.copyOfRange(MESSAGE2, 6, 11);
        TlvDecoder decoder = new TlvDecoder(TlvFormat.STANDARD);
        FrameRecorder rec = new FrameRecorder();
        decoder.feed(chunk1, rec);
        assertEquals(List.of(), rec.frames);
        decoder.feed(chunk2, rec);
        assertEquals(List.of(FrameRecorder.frame(1, "hello")), rec.frames);
        decoder.feed(chunk3, rec);
        decoder.finish();
        assertEquals(EXPECTED, rec.frames);
        assertEquals(19, decoder.streamOffset());
    }

    /** Every one of the 2^18 ways to cut the 19-byte stream, fed as arrays. */
    @Test
    void everySplitOfTheReferenceStreamYieldsTheSameFrames() {
        TlvDecoder decoder = new TlvDecoder(TlvFormat.STANDARD);
        FrameRecorder rec = new FrameRecorder();
        int cuts = STREAM.length - 1;
        for (int mask = 0; mask < 1 << cuts; mask++) {
            decoder.reset();
            rec.frames.clear();
            int from = 0;
            for (int i = 1; i <= STREAM.length; i++) {
                if (i == STREAM.length || (mask & 1 << (i - 1)) != 0) {
                    decoder.feed(STREAM, from, i - from, rec);
                    from = i;
                }
            }
            decoder.finish();
            assertEquals(EXPECTED, rec.frames, "split mask " + Integer.toBinaryString(mask));
        }
    }

    /** Every split with an empty chunk before, between and after the pieces, over every chunk type. */
    @Test
    void everySplitWithEmptyChunksYieldsTheSameFramesForEveryChunkType() {
        int cuts = STREAM.length - 1;
        for (ChunkKind kind : ChunkKind.values()) {
            TlvDecoder decoder = new TlvDecoder(TlvFormat.STANDARD);
            FrameRecorder rec = new FrameRecorder();
            for (int mask = 0; mask < 1 << cuts; mask += kind == ChunkKind.ARRAY ? 1 : 7) {
                decoder.reset();
                rec.frames.clear();
                int from = 0;
                kind.feed(decoder, new byte[0], rec);
                for (int i = 1; i <= STREAM.length; i++) {
                    if (i == STREAM.length || (mask & 1 << (i - 1)) != 0) {
                        kind.feed(decoder, Arrays.copyOfRange(STREAM, from, i), rec);
                        kind.feed(decoder, new byte[0], rec);
                        from = i;
                    }
                }
                decoder.finish();
                assertEquals(EXPECTED, rec.frames, kind + " split mask " + Integer.toBinaryString(mask));
            }
        }
    }

    enum ChunkKind {
        ARRAY, HEAP_BUFFER, DIRECT_BUFFER, VIEW;

        void feed(TlvDecoder decoder, byte[] chunk, TlvHandler handler) {
            switch (this) {
                case ARRAY:
                    decoder.feed(chunk, handler);
                    break;
                case HEAP_BUFFER:
                    ByteBuffer heap = ByteBuffer.allocate(chunk.length + 4).position(2);
                    heap.put(chunk).flip().position(2);
                    decoder.feed(heap, handler);
                    assertEquals(heap.limit(), heap.position());
                    break;
                case DIRECT_BUFFER:
                    ByteBuffer direct = ByteBuffer.allocateDirect(chunk.length).put(chunk).flip();
                    decoder.feed(direct, handler);
                    assertFalse(direct.hasRemaining());
                    break;
                default:
                    decoder.feed(ByteView.wrap(concat(new byte[3], chunk), 3, chunk.length), handler);
            }
        }
    }

    @Test
    void oneByteChunksYieldEveryFrame() {
        TlvDecoder decoder = new TlvDecoder(TlvFormat.STANDARD);
        FrameRecorder rec = new FrameRecorder();
        for (byte b : STREAM) {
            decoder.feed(new byte[] {b}, rec);
        }
        decoder.finish();
        assertEquals(EXPECTED, rec.frames);
    }

    @Test
    void valueInsideTheChunkIsAViewOfTheChunkNotACopy() {
        byte[] chunk = STREAM.clone();
        List<Integer> seen = new ArrayList<>();
        new TlvDecoder(TlvFormat.STANDARD).feed(chunk, (type, value) -> {
            if (type == 1) {
                chunk[3] = 'J';                   // first value byte of message 1, in the caller's array
                seen.add(value.u8(0));
                seen.add((int) value.pinnedBytes());
            }
        });
        assertEquals(List.of((int) 'J', STREAM.length), seen);
    }

    @Test
    void valueOfAHeapBufferChunkIsAViewOfItsArray() {
        ByteBuffer chunk = ByteBuffer.wrap(STREAM.clone());
        List<Integer> seen = new ArrayList<>();
        new TlvDecoder(TlvFormat.STANDARD).feed(chunk, (type, value) -> {
            chunk.put(11, (byte) 'G');            // first value byte of message 2
            seen.add(value.u8(0));
        });
        assertEquals(List.of((int) 'h', (int) 'G'), seen);
    }

    @Test
    void valueOfADirectBufferChunkIsAViewOfTheBuffer() {
        ByteBuffer chunk = ByteBuffer.allocateDirect(STREAM.length).put(STREAM).flip();
        List<Boolean> direct = new ArrayList<>();
        new TlvDecoder(TlvFormat.STANDARD).feed(chunk, (type, value) -> {
            chunk.put(3, (byte) 'J');
            direct.add(value.isDirect() && value.u8(0) == (type == 1 ? 'J' : 'g'));
        });
        assertEquals(List.of(true, true), direct);
    }

    @Test
    void valuesOfADirectViewChunkAreViewsOfItsMemoryAndGoStale() {
        ByteBuffer memory = ByteBuffer.allocateDirect(STREAM.length + 5);
        memory.position(5);
        memory.put(STREAM).position(5);
        ByteView chunk = ByteView.wrap(memory);
        List<ByteView> kept = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        new TlvDecoder(TlvFormat.STANDARD).feed(chunk, (type, value) -> {
            memory.put(5 + 3, (byte) 'J');         // zero copy: a change to the memory shows in the value
            seen.add(value.isDirect() + ":" + value.toString(java.nio.charset.StandardCharsets.US_ASCII));
            kept.add(value);
        });
        assertEquals(List.of("true:Jello", "true:goodbye!"), seen);
        assertTrue(chunk.isValid());
        assertThrows(StaleViewException.class, () -> kept.get(0).u8(0));
        assertThrows(StaleViewException.class, () -> kept.get(1).u8(0));
    }

    @Test
    void valueAfterASplitHeaderIsStillAViewOfTheChunk() {
        TlvDecoder decoder = new TlvDecoder(TlvFormat.STANDARD);
        decoder.feed(Arrays.copyOfRange(MESSAGE1, 0, 2), (t, v) -> { });
        byte[] rest = Arrays.copyOfRange(MESSAGE1, 2, 8);
        List<Integer> seen = new ArrayList<>();
        decoder.feed(rest, (type, value) -> {
            rest[1] = 'J';
            seen.add(value.u8(0));
        });
        assertEquals(List.of((int) 'J'), seen);
    }

    @Test
    void valueSplitAcrossChunksIsDeliveredFromTheAccumulatorAsACopy() {
        TlvDecoder decoder = new TlvDecoder(TlvFormat.STANDARD);
        byte[] first = Arrays.copyOfRange(MESSAGE1, 0, 5);
        decoder.feed(first, (t, v) -> { });
        assertEquals(5, decoder.bufferedBytes());
        FrameRecorder rec = new FrameRecorder();
        first[3] = 'X';                           // the caller reuses its buffer: the frame must not change
        decoder.feed(Arrays.copyOfRange(MESSAGE1, 5, 8), rec);
        assertEquals(List.of(FrameRecorder.frame(1, "hello")), rec.frames);
        assertEquals(0, decoder.bufferedBytes());
    }

    @Test
    void ownedValueIsNotOverwrittenByTheNextSplitFrame() {
        TlvDecoder decoder = new TlvDecoder(TlvFormat.STANDARD);
        List<TlvFrame> frames = new ArrayList<>();
        TlvHandler owned = TlvHandler.owned(frames::add);
        byte[] stream = concat(MESSAGE2, Bytes.fromHex("03 00 08 58 58 58 58 58 58 58 58").toByteArray(), MESSAGE1);
        for (int at = 0; at < stream.length; at += 4) {
            decoder.feed(stream, at, Math.min(4, stream.length - at), owned);
        }
        assertEquals(List.of(FrameRecorder.frame(2, "goodbye!"), FrameRecorder.frame(3, "XXXXXXXX"),
                FrameRecorder.frame(1, "hello")), frames);
    }

    @Test
    void valueBegunForABorrowingHandlerIsCopiedForAnOwnedHandlerThatCompletesIt() {
        TlvDecoder decoder = new TlvDecoder(TlvFormat.STANDARD);
        decoder.feed(Arrays.copyOfRange(MESSAGE2, 0, 6), (t, v) -> { });
        List<TlvFrame> frames = new ArrayList<>();
        decoder.feed(Arrays.copyOfRange(MESSAGE2, 6, 11), TlvHandler.owned(frames::add));
        byte[] other = Bytes.fromHex("03 00 08 58 58 58 58 58 58 58 58").toByteArray();
        decoder.feed(Arrays.copyOfRange(other, 0, 6), (t, v) -> { });   // reuses the accumulator
        decoder.feed(Arrays.copyOfRange(other, 6, 11), (t, v) -> { });
        assertEquals(List.of(FrameRecorder.frame(2, "goodbye!")), frames);
    }

    @Test
    void valueUsedAfterItsHandlerReturnedIsStale() {
        List<ByteView> kept = new ArrayList<>();
        TlvDecoder decoder = new TlvDecoder(TlvFormat.STANDARD);
        decoder.feed(STREAM, (type, value) -> kept.add(value));
        assertEquals(2, kept.size());
        for (ByteView v : kept) {
            assertFalse(v.isValid());
            assertThrows(StaleViewException.class, () -> v.u8(0));
        }
    }

    @Test
    void accumulatedValueUsedAfterItsHandlerReturnedIsStale() {
        List<ByteView> kept = new ArrayList<>();
        TlvDecoder decoder = new TlvDecoder(TlvFormat.STANDARD);
        for (byte b : MESSAGE1) {
            decoder.feed(new byte[] {b}, (type, value) -> kept.add(value));
        }
        assertEquals(1, kept.size());
        assertThrows(StaleViewException.class, () -> kept.get(0).copy());
    }

    @Test
    void directBufferValueUsedAfterItsHandlerReturnedIsStale() {
        List<ByteView> kept = new ArrayList<>();
        ByteBuffer chunk = ByteBuffer.allocateDirect(STREAM.length).put(STREAM).flip();
        new TlvDecoder(TlvFormat.STANDARD).feed(chunk, (type, value) -> kept.add(value));
        assertThrows(StaleViewException.class, () -> kept.get(1).u8(0));
    }

    @Test
    void copyOfAValueOutlivesItsHandler() {
        List<Bytes> kept = new ArrayList<>();
        new TlvDecoder(TlvFormat.STANDARD).feed(STREAM, (type, value) -> kept.add(value.copy()));
        assertEquals(List.of(Bytes.utf8("hello"), Bytes.utf8("goodbye!")), kept);
    }

    @Test
    void handlerExceptionPropagatesUnchangedAndLeavesTheDecoderRightAfterThatFrame() {
        TlvDecoder decoder = new TlvDecoder(TlvFormat.STANDARD);
        IllegalStateException boom = new IllegalStateException("boom");
        List<ByteView> kept = new ArrayList<>();
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> decoder.feed(STREAM, (type, value) -> {
            kept.add(value);
            throw boom;
        }));
        assertSame(boom, thrown);
        assertFalse(decoder.isFailed());
        assertFalse(decoder.hasPartialFrame());
        assertEquals(MESSAGE1.length, decoder.streamOffset());
        assertThrows(StaleViewException.class, () -> kept.get(0).u8(0));
    }

    @Test
    void feedingTheRestOfTheChunkAfterAHandlerExceptionContinuesTheStream() {
        TlvDecoder decoder = new TlvDecoder(TlvFormat.STANDARD);
        FrameRecorder rec = new FrameRecorder();
        long before = decoder.streamOffset();
        assertThrows(ArithmeticException.class, () -> decoder.feed(STREAM, (type, value) -> {
            rec.onFrame(type, value);
            throw new ArithmeticException();
        }));
        int consumed = (int) (decoder.streamOffset() - before);
        decoder.feed(STREAM, consumed, STREAM.length - consumed, rec);
        decoder.finish();
        assertEquals(EXPECTED, rec.frames);
    }

    @Test
    void handlerExceptionOnAnAccumulatedFrameLeavesNothingBuffered() {
        TlvDecoder decoder = new TlvDecoder(TlvFormat.STANDARD);
        decoder.feed(Arrays.copyOfRange(STREAM, 0, 6), (t, v) -> { });
        assertThrows(IllegalArgumentException.class, () -> decoder.feed(Arrays.copyOfRange(STREAM, 6, 19), (t, v) -> {
            throw new IllegalArgumentException();
        }));
        assertEquals(8, decoder.streamOffset());
        assertFalse(decoder.hasPartialFrame());
        FrameRecorder rec = new FrameRecorder();
        decoder.feed(MESSAGE2, rec);
        assertEquals(List.of(FrameRecorder.frame(2, "goodbye!")), rec.frames);
    }

    @Test
    void handlerExceptionLeavesAByteBufferPositionedRightAfterThatFrame() {
        ByteBuffer chunk = ByteBuffer.wrap(STREAM);
        TlvDecoder decoder = new TlvDecoder(TlvFormat.STANDARD);
        assertThrows(IllegalStateException.class, () -> decoder.feed(chunk, (t, v) -> {
            throw new IllegalStateException();
        }));
        assertEquals(MESSAGE1.length, chunk.position());
        FrameRecorder rec = new FrameRecorder();
        decoder.feed(chunk, rec);
        assertEquals(List.of(FrameRecorder.frame(2, "goodbye!")), rec.frames);
        assertFalse(chunk.hasRemaining());
    }

    @Test
    void feedFromInsideAHandlerIsRejected() {
        TlvDecoder decoder = new TlvDecoder(TlvFormat.STANDARD);
        List<Exception> errors = new ArrayList<>();
        decoder.feed(MESSAGE1, (type, value) -> {
            errors.add(assertThrows(IllegalStateException.class, () -> decoder.feed(MESSAGE2, (t, v) -> { })));
            errors.add(assertThrows(IllegalStateException.class, decoder::reset));
            errors.add(assertThrows(IllegalStateException.class, decoder::finish));
        });
        assertEquals(3, errors.size());
        FrameRecorder rec = new FrameRecorder();
        decoder.feed(MESSAGE2, rec);
        assertEquals(List.of(FrameRecorder.frame(2, "goodbye!")), rec.frames);
    }

    @Test
    void finishInsideAHeaderNamesTheMissingHeaderBytes() {
        TlvDecoder decoder = new TlvDecoder(TlvFormat.STANDARD);
        decoder.feed(concat(MESSAGE1, new byte[] {2}), (t, v) -> { });
        TruncatedFrameException e = assertThrows(TruncatedFrameException.class, decoder::finish);
        assertEquals(8, e.frameOffset());
        assertEquals(1, e.receivedBytes());
        assertEquals(2, e.missingBytes());
        assertFalse(e.headerComplete());
        assertTrue(e.getMessage().contains("offset 8") && e.getMessage().contains("at least 2 byte(s)"), e.getMessage());
    }

    @Test
    void finishInsideAValueNamesTheExactMissingByteCount() {
        TlvDecoder decoder = new TlvDecoder(TlvFormat.STANDARD);
        decoder.feed(Arrays.copyOfRange(STREAM, 0, 14), (t, v) -> { });
        TruncatedFrameException e = assertThrows(TruncatedFrameException.class, decoder::finish);
        assertEquals(8, e.frameOffset());
        assertEquals(6, e.receivedBytes());
        assertEquals(5, e.missingBytes());
        assertTrue(e.headerComplete());
        assertTrue(e.getMessage().contains("missing 5 byte(s)"), e.getMessage());
    }

    @Test
    void finishAtAFrameBoundaryReturnsAndTheDecoderStaysUsable() {
        TlvDecoder decoder = new TlvDecoder(TlvFormat.STANDARD);
        FrameRecorder rec = new FrameRecorder();
        decoder.feed(MESSAGE1, rec);
        decoder.finish();
        decoder.feed(MESSAGE2, rec);
        decoder.finish();
        assertEquals(EXPECTED, rec.frames);
    }

    @Test
    void truncationFailsTheDecoderUntilReset() {
        TlvDecoder decoder = new TlvDecoder(TlvFormat.STANDARD);
        decoder.feed(new byte[] {1, 0}, (t, v) -> { });
        TruncatedFrameException e = assertThrows(TruncatedFrameException.class, decoder::finish);
        assertTrue(decoder.isFailed());
        assertEquals(0, decoder.bufferedBytes());
        IllegalStateException again = assertThrows(IllegalStateException.class, () -> decoder.feed(STREAM, (t, v) -> { }));
        assertSame(e, again.getCause());
        decoder.reset();
        FrameRecorder rec = new FrameRecorder();
        decoder.feed(STREAM, rec);
        assertEquals(EXPECTED, rec.frames);
    }

    @Test
    void typeZeroIsMalformedAsSoonAsTheTypeByteArrives() {
        TlvDecoder decoder = new TlvDecoder(TlvFormat.STANDARD);
        decoder.feed(MESSAGE1, (t, v) -> { });
        MalformedFrameException e = assertThrows(MalformedFrameException.class,
                () -> decoder.feed(new byte[] {0}, (t, v) -> { }));
        assertEquals(MalformedFrameException.Reason.ZERO_TYPE, e.reason());
        assertEquals(8, e.frameOffset());
        assertEquals(-1, e.valueLength());
        assertTrue(e.getMessage().contains("stream offset 8") && e.getMessage().contains("type 0"), e.getMessage());
        assertEquals(0, decoder.bufferedBytes());
    }

    @Test
    void typeZeroInsideAChunkIsMalformedWithItsStreamOffset() {
        TlvDecoder decoder = new TlvDecoder(TlvFormat.STANDARD);
        FrameRecorder rec = new FrameRecorder();
        decoder.feed(Arrays.copyOfRange(STREAM, 0, 3), rec);
        byte[] chunk = concat(Arrays.copyOfRange(STREAM, 3, 19), new byte[] {0, 0, 1, 7});
        MalformedFrameException e = assertThrows(MalformedFrameException.class, () -> decoder.feed(chunk, rec));
        assertEquals(19, e.frameOffset());
        assertEquals(0, e.type());
        assertEquals(-1, e.valueLength(), "a zero type is rejected for its type alone, whatever the chunking");
        assertEquals(EXPECTED, rec.frames);
    }

    @Test
    void lengthAboveTheMaximumIsMalformedAtTheHeaderBeforeAnyValueByte() {
        TlvFormat format = TlvFormat.builder().maxValueLength(100).build();
        TlvDecoder decoder = new TlvDecoder(format);
        decoder.feed(new byte[] {9, 0}, (t, v) -> { });
        MalformedFrameException e = assertThrows(MalformedFrameException.class,
                () -> decoder.feed(new byte[] {101}, (t, v) -> { }));
        assertEquals(MalformedFrameException.Reason.VALUE_TOO_LONG, e.reason());
        assertEquals(0, e.frameOffset());
        assertEquals(9, e.type());
        assertEquals(101, e.valueLength());
        assertTrue(e.getMessage().contains("value length 101") && e.getMessage().contains("maximum 100"), e.getMessage());
        assertEquals(0, decoder.bufferedBytes());
        assertEquals(format.headerSize(), decoder.retainedBytes());
    }

    @Test
    void lengthAtTheMaximumIsAccepted() {
        TlvFormat format = TlvFormat.builder().maxValueLength(100).build();
        byte[] frame = new byte[103];
        frame[0] = 9;
        frame[2] = 100;
        assertEquals(List.of(new TlvFrame(9, Bytes.of(new byte[100]))), TlvDecoder.decodeAll(format, frame));
    }

    @Test
    void malformedInputFailsTheDecoderUntilReset() {
        TlvDecoder decoder = new TlvDecoder(TlvFormat.STANDARD);
        MalformedFrameException e = assertThrows(MalformedFrameException.class,
                () -> decoder.feed(new byte[] {0, 0, 0}, (t, v) -> { }));
        assertTrue(decoder.isFailed());
        assertSame(e, assertThrows(IllegalStateException.class, () -> decoder.feed(STREAM, (t, v) -> { })).getCause());
        assertSame(e, assertThrows(IllegalStateException.class, decoder::finish).getCause());
        decoder.reset();
        assertFalse(decoder.isFailed());
        assertEquals(0, decoder.streamOffset());
        assertEquals(EXPECTED, TlvDecoderTest.decode(decoder, STREAM));
    }

    @Test
    void malformedFrameLeavesAByteBufferPositionedAtTheFrame() {
        ByteBuffer chunk = ByteBuffer.wrap(concat(MESSAGE1, new byte[] {0, 0, 0}));
        assertThrows(MalformedFrameException.class, () -> new TlvDecoder(TlvFormat.STANDARD).feed(chunk, (t, v) -> { }));
        assertEquals(MESSAGE1.length, chunk.position());
    }

    static List<TlvFrame> decode(TlvDecoder decoder, byte[] stream) {
        FrameRecorder rec = new FrameRecorder();
        decoder.feed(stream, rec);
        decoder.finish();
        return rec.frames;
    }

    @Test
    void emptyValuesAreDelivered() {
        byte[] stream = {5, 0, 0, 6, 0, 0};
        TlvDecoder decoder = new TlvDecoder(TlvFormat.STANDARD);
        assertEquals(List.of(new TlvFrame(5, Bytes.empty()), new TlvFrame(6, Bytes.empty())), decode(decoder, stream));
        decoder.reset();
        FrameRecorder rec = new FrameRecorder();
        for (byte b : stream) {
            decoder.feed(new byte[] {b}, rec);
        }
        assertEquals(2, rec.frames.size());
    }

    @Test
    void maximalStandardFrameIsDeliveredWholeAcrossManyChunks() {
        byte[] value = new byte[65535];
        for (int i = 0; i < value.length; i++) {
            value[i] = (byte) (i * 31);
        }
        byte[] stream = concat(new byte[] {(byte) 255, (byte) 0xFF, (byte) 0xFF}, value);
        TlvDecoder decoder = new TlvDecoder(TlvFormat.STANDARD);
        FrameRecorder rec = new FrameRecorder();
        for (int at = 0; at < stream.length; at += 1460) {
            decoder.feed(stream, at, Math.min(1460, stream.length - at), rec);
            assertTrue(decoder.bufferedBytes() <= stream.length);
        }
        decoder.finish();
        assertEquals(List.of(new TlvFrame(255, Bytes.of(value))), rec.frames);
        assertEquals(3 + 65535, decoder.retainedBytes());
    }

    @Test
    void bufferedBytesNeverExceedOnePartialFrame() {
        byte[] stream = concat(STREAM, STREAM, STREAM);
        TlvDecoder decoder = new TlvDecoder(TlvFormat.STANDARD);
        for (int i = 0; i < stream.length; i += 7) {
            decoder.feed(stream, i, Math.min(7, stream.length - i), (t, v) -> { });
            assertTrue(decoder.bufferedBytes() < MESSAGE2.length, "buffered " + decoder.bufferedBytes());
        }
        assertTrue(decoder.retainedBytes() <= 3 + 16);
    }

    @Test
    void resetDropsThePartialFrameAndFreesTheAccumulator() {
        TlvDecoder decoder = new TlvDecoder(TlvFormat.STANDARD);
        decoder.feed(Arrays.copyOfRange(STREAM, 0, 12), (t, v) -> { });
        assertTrue(decoder.hasPartialFrame());
        decoder.reset();
        assertFalse(decoder.hasPartialFrame());
        assertEquals(3, decoder.retainedBytes());
        assertEquals(EXPECTED, decode(decoder, STREAM));
    }

    @Test
    void byteBufferPositionAdvancesToItsLimit() {
        ByteBuffer chunk = ByteBuffer.wrap(concat(STREAM, new byte[] {1, 0})).limit(20);
        new TlvDecoder(TlvFormat.STANDARD).feed(chunk, (t, v) -> { });
        assertEquals(20, chunk.position());
        assertEquals(20, chunk.limit());
    }

    @Test
    void littleEndianDirectBufferIsReadInTheFormatsByteOrder() {
        ByteBuffer chunk = ByteBuffer.allocateDirect(STREAM.length).order(ByteOrder.LITTLE_ENDIAN).put(STREAM).flip();
        FrameRecorder rec = new FrameRecorder();
        new TlvDecoder(TlvFormat.STANDARD).feed(chunk, rec);
        assertEquals(EXPECTED, rec.frames);
    }

    @Test
    void readOnlyBufferIsDecodedWithoutCopying() {
        ByteBuffer backing = ByteBuffer.wrap(STREAM.clone());
        ByteBuffer chunk = backing.asReadOnlyBuffer();
        List<Integer> seen = new ArrayList<>();
        new TlvDecoder(TlvFormat.STANDARD).feed(chunk, (type, value) -> {
            backing.put(3, (byte) 'J');
            seen.add(value.u8(0));
        });
        assertEquals((int) 'J', seen.get(0));
    }

    @Test
    void staleChunkViewIsRejected() {
        io.bufkit.Lease lease = io.bufkit.Lease.open("read");
        ByteView chunk = lease.wrap(STREAM);
        lease.endViews();
        assertThrows(StaleViewException.class, () -> new TlvDecoder(TlvFormat.STANDARD).feed(chunk, (t, v) -> { }));
    }

    @Test
    void wideLittleEndianFormatIsDecoded() {
        TlvFormat format = TlvFormat.builder().typeWidth(2).lengthWidth(4).byteOrder(ByteOrder.LITTLE_ENDIAN).build();
        byte[] stream = {0x34, 0x12, 3, 0, 0, 0, 'a', 'b', 'c'};
        assertEquals(List.of(new TlvFrame(0x1234, Bytes.utf8("abc"))), TlvDecoder.decodeAll(format, stream));
    }

    @Test
    void fourByteTypeAboveIntMaxArrivesAsUnsignedInAnInt() {
        TlvFormat format = TlvFormat.builder().typeWidth(4).lengthWidth(1).build();
        byte[] stream = {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFE, 1, 'x'};
        List<TlvFrame> frames = TlvDecoder.decodeAll(format, stream);
        assertEquals(-2, frames.get(0).type());
        assertEquals(0xFFFF_FFFEL, frames.get(0).unsignedType());
    }

    @Test
    void fourByteLengthAboveIntMaxIsMalformed() {
        TlvFormat format = TlvFormat.builder().lengthWidth(4).build();
        byte[] stream = {1, (byte) 0x80, 0, 0, 0};
        MalformedFrameException e = assertThrows(MalformedFrameException.class, () -> TlvDecoder.decodeAll(format, stream));
        assertEquals(0x8000_0000L, e.valueLength());
    }

    @Test
    void decodeAllOfAViewReturnsOwnedFrames() {
        List<TlvFrame> frames = TlvDecoder.decodeAll(TlvFormat.STANDARD, ByteView.wrap(STREAM));
        assertEquals(EXPECTED, frames);
        assertArrayEquals("goodbye!".getBytes(java.nio.charset.StandardCharsets.US_ASCII), frames.get(1).value().toByteArray());
    }

    @Test
    void decodeAllOfATruncatedStreamThrows() {
        assertThrows(TruncatedFrameException.class,
                () -> TlvDecoder.decodeAll(TlvFormat.STANDARD, Arrays.copyOf(STREAM, 18)));
    }

    @Test
    void nullHandlerIsRejectedWithoutConsumingTheChunk() {
        TlvDecoder decoder = new TlvDecoder(TlvFormat.STANDARD);
        ByteBuffer chunk = ByteBuffer.wrap(STREAM);
        assertThrows(NullPointerException.class, () -> decoder.feed(chunk, null));
        assertEquals(0, chunk.position());
        assertEquals(EXPECTED, decode(decoder, STREAM));
    }

    @Test
    void chunkRangeOutsideTheArrayIsRejected() {
        assertThrows(IndexOutOfBoundsException.class,
                () -> new TlvDecoder(TlvFormat.STANDARD).feed(STREAM, 10, 10, (t, v) -> { }));
    }

    @Test
    void valueOfAViewChunkIsAViewOfTheSameMemory() {
        byte[] backing = concat(new byte[] {9, 9}, STREAM);
        List<Integer> seen = new ArrayList<>();
        new TlvDecoder(TlvFormat.STANDARD).feed(ByteView.wrap(backing, 2, STREAM.length), (type, value) -> {
            backing[2 + 3] = 'J';
            seen.add(value.u8(0));
        });
        assertEquals((int) 'J', seen.get(0));
    }

    @Test
    void streamOffsetInsideAHandlerIsTheEndOfItsFrame() {
        TlvDecoder decoder = new TlvDecoder(TlvFormat.STANDARD);
        List<Long> offsets = new ArrayList<>();
        decoder.feed(Arrays.copyOfRange(STREAM, 0, 12), (t, v) -> offsets.add(decoder.streamOffset()));
        decoder.feed(Arrays.copyOfRange(STREAM, 12, 19), (t, v) -> offsets.add(decoder.streamOffset()));
        assertEquals(List.of(8L, 19L), offsets);
    }
}
