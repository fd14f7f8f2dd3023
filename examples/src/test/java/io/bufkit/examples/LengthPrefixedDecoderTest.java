package io.bufkit.examples;

import io.bufkit.ByteView;
import io.bufkit.Bytes;
import io.bufkit.testkit.ChunkProperty;
import io.bufkit.testkit.Gen;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The README's "Testing your own decoder" example, kept compiling and passing. */
class LengthPrefixedDecoderTest {

    /** Your own incremental decoder: messages of a u16 big-endian length followed by that many bytes. */
    static final class LengthPrefixedDecoder {
        private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

        void feed(ByteView chunk, Consumer<Bytes> messages) {
            pending.writeBytes(chunk.toByteArray());             // copy: the chunk is borrowed
            ByteView data = ByteView.wrap(pending.toByteArray());
            int at = 0;
            while (data.length() - at >= 2 && data.length() - at >= 2 + data.u16be(at)) {
                int length = data.u16be(at);
                messages.accept(data.slice(at + 2, at + 2 + length).copy());   // owned copy
                at += 2 + length;
            }
            pending.reset();
            pending.writeBytes(data.slice(at, data.length()).toByteArray());
        }

        void finish() {
            if (pending.size() > 0) {
                throw new IllegalStateException(pending.size() + " bytes of an incomplete message at end of stream");
            }
        }
    }

    /** Decodes a stream given as chunks: what the harness calls for every chunking. */
    static List<Bytes> decodeAll(List<ByteView> chunks) {
        LengthPrefixedDecoder decoder = new LengthPrefixedDecoder();
        List<Bytes> messages = new ArrayList<>();
        for (ByteView chunk : chunks) {
            decoder.feed(chunk, messages::add);
        }
        decoder.finish();
        return messages;
    }

    static byte[] encode(List<Bytes> messages) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Bytes m : messages) {
            out.write(m.length() >>> 8);
            out.write(m.length());
            out.writeBytes(m.toByteArray());
        }
        return out.toByteArray();
    }

    /** The two length bytes of every message: chunkings also cut just before and after each of them. */
    static int[] lengthFieldOffsets(byte[] stream) {
        List<Integer> offsets = new ArrayList<>();
        for (int at = 0; at + 1 < stream.length; at += 2 + ((stream[at] & 0xff) << 8 | (stream[at + 1] & 0xff))) {
            offsets.add(at);
            offsets.add(at + 1);
        }
        return offsets.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Up to 10 messages of up to 300 bytes; shrinks by dropping messages and bytes. */
    static final Gen<List<Bytes>> MESSAGES = Gen.listOf(Gen.bytes(0, 300).map(Bytes::of), 0, 10);

    @Test
    void aKnownStreamDecodesTheSameInEveryChunking() {
        // 12 bytes: all 2^11 chunkings, then single cuts, empty chunks and random chunkings
        ChunkProperty.ofViews(LengthPrefixedDecoderTest::decodeAll)
                .check(Bytes.fromHex("00 05 68 65 6c 6c 6f 00 00 00 01 21").toByteArray());
    }

    @Test
    void generatedMessagesSurviveEveryChunking() {
        ChunkProperty.<List<Bytes>>ofViews(LengthPrefixedDecoderTest::decodeAll)
                .headerBytes(LengthPrefixedDecoderTest::lengthFieldOffsets)
                .checkAll(MESSAGES, LengthPrefixedDecoderTest::encode, messages -> messages);
    }

    @TestFactory
    Stream<DynamicTest> eachKindOfChunkingAsItsOwnTest() {
        return ChunkProperty.ofViews(LengthPrefixedDecoderTest::decodeAll)
                .headerBytes(LengthPrefixedDecoderTest::lengthFieldOffsets)
                .dynamicTests(encode(List.of(Bytes.utf8("hello"), Bytes.empty(), Bytes.utf8("goodbye!"))));
    }
}
