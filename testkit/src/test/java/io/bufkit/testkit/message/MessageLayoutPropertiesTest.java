package io.bufkit.testkit.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bufkit.ByteView;
import io.bufkit.Bytes;
import io.bufkit.MutableByteView;
import io.bufkit.frame.FrameFormat;
import io.bufkit.layout.LayoutException;
import io.bufkit.layout.PacketLayout;
import io.bufkit.message.FieldFault;
import io.bufkit.message.FieldKind;
import io.bufkit.message.Message;
import io.bufkit.message.MessageLayout;
import io.bufkit.testkit.Gen;
import io.bufkit.testkit.MessageLayouts;
import io.bufkit.testkit.Property;
import io.bufkit.testkit.PropertyFailure;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The message generators and properties over real protocols' layouts and a layout with every kind of part. */
class MessageLayoutPropertiesTest {
    static final Gen<Integer> VARINTS = Gen.ints(0, (1 << 28) - 1);

    static final List<MessageLayouts> LAYOUTS = List.of(
            MessageLayouts.of(ProtocolMessages.EVERY_PART).withKind(ProtocolMessages.VARINT, VARINTS),
            MessageLayouts.of(ProtocolMessages.PG_BACKEND),
            MessageLayouts.of(ProtocolMessages.MQTT_CONNECT),
            MessageLayouts.of(ProtocolMessages.MQTT_PUBLISH).withKind(ProtocolMessages.VARINT, VARINTS),
            MessageLayouts.of(ProtocolMessages.IPV4),
            MessageLayouts.of(ProtocolMessages.PCAP),
            MessageLayouts.of(ProtocolMessages.MQTT_CONNECT_FLAT),
            MessageLayouts.of(ProtocolMessages.MQTT_PUBLISH_FLAT).maxBytes(200),
            MessageLayouts.of(ProtocolMessages.TLV_LIST).maxElements(6),
            MessageLayouts.of(ProtocolMessages.TCP_OPTIONS).maxElements(6),
            MessageLayouts.of(ProtocolMessages.SINGLE_FIELDS).maxElements(4),
            MessageLayouts.of(ProtocolMessages.IPV4_CHECKED),
            MessageLayouts.of(ProtocolMessages.MQTT_PACKET).maxBytes(100),
            MessageLayouts.of(ProtocolMessages.KAFKA_BATCH),
            MessageLayouts.of(ProtocolMessages.PNG_CHUNKS),
            MessageLayouts.of(ProtocolMessages.CRC_TRAILED),
            MessageLayouts.of(ProtocolMessages.KAFKA_METADATA),
            MessageLayouts.of(ProtocolMessages.H2_FRAME));

    @Test
    void everyLayoutRoundTrips() {
        for (MessageLayouts layout : LAYOUTS) {
            layout.checkRoundTrip();
        }
    }

    @Test
    void everyLayoutDecodesOrRejectsWhatAPeerMightSend() {
        for (MessageLayouts layout : LAYOUTS) {
            layout.checkArbitraryMessages();
        }
    }

    @Test
    void postgresMessagesSurviveAnyChunkingOfTheirOwnFraming() {
        MessageLayouts.of(ProtocolMessages.PG_BACKEND)
                .checkSelfFramedChunks(FrameFormat.lengthField().lengthOffset(1).lengthWidth(4).lengthAdjustment(-4)
                        .build());
    }

    @Test
    void framedMqttAndIpv4PacketsSurviveAnyChunking() {
        MessageLayouts.of(ProtocolMessages.MQTT_CONNECT).checkFramedChunks(FrameFormat.varintLength().build());
        MessageLayouts.of(ProtocolMessages.IPV4)
                .checkFramedChunks(FrameFormat.lengthField().lengthWidth(2).stripBytes(2).build());
    }

    @Test
    void mqttPacketsOfAnyTypeSurviveAnyChunkingOfTheirOwnFraming() {
        MessageLayouts.of(ProtocolMessages.MQTT_PACKET).maxBytes(100).checkSelfFramedChunks(FrameFormat.varintLength()
                .lengthOffset(1).maxLengthBytes(4).stripHeader(false).build());
    }

    @Test
    void aFormatThatKeepsItsHeaderIsCaught() {
        assertThrows(AssertionError.class, () -> MessageLayouts.of(ProtocolMessages.MQTT_CONNECT)
                .checkFramedChunks(FrameFormat.lengthField().lengthWidth(2).build()));
    }

    @Test
    void valuesHonourConditionsDiscriminatorsAndBounds() {
        AtomicInteger withOption = new AtomicInteger();
        AtomicInteger raw = new AtomicInteger();
        Property.forAll(LAYOUTS.get(0).values()).check(v -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> head = (Map<String, Object>) v.get("head");
            assertEquals(((Integer) head.get("flag") & 1) != 0, v.containsKey("option"), v.toString());
            withOption.addAndGet(v.containsKey("option") ? 1 : 0);
            int type = (Integer) head.get("type");
            assertEquals(type == 1 || type == 2, v.get("body") instanceof Map, v.toString());
            raw.addAndGet(v.get("body") instanceof Bytes ? 1 : 0);
            assertTrue(((List<?>) v.get("items")).size() <= MessageLayouts.DEFAULT_MAX_ELEMENTS);
            assertFalse(head.containsKey("n") || head.containsKey("len") || head.containsKey("crc")
                    || head.containsKey("magic"), "derived, checksum and constant fields are left to encoding");
            assertEquals(1, ((Bytes) v.get("data")).length() % 2, "head.len×2+1 bytes");
        });
        assertTrue(withOption.get() > 0 && raw.get() > 0, withOption + " with the option, " + raw + " raw bodies");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aConditionOnAnEnclosingFieldIsDrawnToAgreeWithIt() {
        AtomicInteger withId = new AtomicInteger();
        AtomicInteger withoutId = new AtomicInteger();
        Property.forAll(MessageLayouts.of(ProtocolMessages.MQTT_PACKET).values()).check(v -> {
            int type = (Integer) ((Map<String, Object>) v.get("fixed")).get("type");
            if (type != 3) {
                return;
            }
            int qos = (Integer) ((Map<String, Object>) v.get("fixed")).get("qos");
            boolean id = ((Map<String, Object>) v.get("body")).containsKey("packetId");
            assertEquals(qos > 0, id, v.toString());
            (id ? withId : withoutId).incrementAndGet();
        });
        assertTrue(withId.get() > 0 && withoutId.get() > 0, withId + " publishes with a packet id, " + withoutId
                + " without");
    }

    @Test
    void nullableRepeatsAreSometimesNullSometimesEmptyAndSometimesNot() {
        int[] seen = new int[3];
        Property.forAll(MessageLayouts.of(ProtocolMessages.KAFKA_METADATA).values()).check(v -> {
            List<?> topics = (List<?>) v.get("topics");
            seen[topics == null ? 0 : topics.isEmpty() ? 1 : 2]++;
        });
        assertTrue(seen[0] > 0 && seen[1] > 0 && seen[2] > 0, java.util.Arrays.toString(seen));
    }

    @Test
    void arbitraryMessagesAreSometimesDecodedAndSometimesRejected() {
        Gen<byte[]> arbitrary = LAYOUTS.get(1).arbitraryMessages();
        SplittableRandom random = new SplittableRandom(5);
        int rejected = 0;
        int decoded = 0;
        for (int i = 0; i < 300; i++) {
            try {
                ProtocolMessages.PG_BACKEND.decode(ByteView.wrap(arbitrary.generate(random))).toValues();
                decoded++;
            } catch (LayoutException expected) {
                assertTrue(expected.field().isPresent(), expected.getMessage());
                rejected++;
            }
        }
        assertTrue(rejected > 50 && decoded > 50, decoded + " decoded, " + rejected + " rejected");
    }

    @Test
    void levelLengthsAreBumpedPastTheEndAndShrunkBelowTheirParts() {
        assertRejections(MessageLayouts.of(ProtocolMessages.MQTT_PUBLISH_FLAT), ProtocolMessages.MQTT_PUBLISH_FLAT,
                List.of("remaining at offset 1: remaining length", "points past the end",
                        "bytes left over after the message, where remaining ends it"));
        assertRejections(MessageLayouts.of(ProtocolMessages.IPV4), ProtocolMessages.IPV4,
                List.of("ip.totalLength at offset 2: total length", "points past the end",
                        "bytes left over after the message, where ip.totalLength ends it"));
        assertRejections(MessageLayouts.of(ProtocolMessages.TLV_LIST).maxElements(6), ProtocolMessages.TLV_LIST,
                List.of("].t.len at offset", "size at offset 0: total length",
                        "bytes left over after the message, where size ends it"));
    }

    @Test
    void nullablePartsAreSometimesNullSometimesEmptyAndSometimesNot() {
        AtomicInteger nulls = new AtomicInteger();
        AtomicInteger empty = new AtomicInteger();
        AtomicInteger filled = new AtomicInteger();
        Property.forAll(LAYOUTS.get(0).values()).check(v -> {
            assertTrue(v.containsKey("nullable"), "a NULL is given as null, not left out: " + v);
            Object value = v.get("nullable");
            (value == null ? nulls : ((Bytes) value).length() == 0 ? empty : filled).incrementAndGet();
            Message m = ProtocolMessages.EVERY_PART.decode(ByteView.wrap(ProtocolMessages.EVERY_PART.encode(v)));
            assertEquals(value != null, m.isPresent("nullable"));
        });
        assertTrue(nulls.get() > 0 && empty.get() > 0 && filled.get() > 0,
                nulls + " NULL, " + empty + " empty, " + filled + " with bytes");
    }

    @Test
    void nullablePrefixesAreMadeNegativeAndPointedPastTheEnd() {
        assertRejections(MessageLayouts.of(ProtocolMessages.PG_BACKEND), ProtocolMessages.PG_BACKEND,
                List.of("].value at offset", "is negative and not -1 (NULL)", "(prefix "));
    }

    /** Decodes 400 arbitrary messages; each phrase must appear in some rejection's message. */
    @Test
    void checksumsKeptApartAreCaughtWhenTheBytesTheyCoverChange() {
        assertRejections(MessageLayouts.of(ProtocolMessages.KAFKA_BATCH), ProtocolMessages.KAFKA_BATCH,
                List.of("checksum over the", "of attrs to records is wrong"));
        assertRejections(MessageLayouts.of(ProtocolMessages.PNG_CHUNKS), ProtocolMessages.PNG_CHUNKS,
                List.of("crc.value at offset", "of type to data is wrong"));
        assertRejections(MessageLayouts.of(ProtocolMessages.CRC_TRAILED), ProtocolMessages.CRC_TRAILED,
                List.of("of type to payload is wrong", "bytes of the parts after it do not fit"));
        assertRejections(MessageLayouts.of(ProtocolMessages.H2_FRAME), ProtocolMessages.H2_FRAME,
                List.of("bytes of the parts after it do not fit"));
    }

    private static void assertRejections(MessageLayouts layouts, MessageLayout layout, List<String> phrases) {
        Gen<byte[]> arbitrary = layouts.arbitraryMessages();
        SplittableRandom random = new SplittableRandom(11);
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < 400; i++) {
            try {
                layout.decode(ByteView.wrap(arbitrary.generate(random)));
            } catch (LayoutException rejected) {
                assertTrue(rejected.field().isPresent(), rejected.getMessage());
                for (String phrase : phrases) {
                    if (rejected.getMessage().contains(phrase)) {
                        seen.add(phrase);
                    }
                }
            }
        }
        assertEquals(java.util.Set.copyOf(phrases), seen, layout.name());
    }

    /** Reads a one-byte length and that many bytes, checking neither against the limit. */
    static final FieldKind<Bytes> CARELESS = new FieldKind<>() {
        @Override
        public String name() {
            return "careless";
        }

        @Override
        public int end(ByteView message, int at, int limit) {
            return at + 1 + message.u8(at);
        }

        @Override
        public Bytes read(ByteView message, int at) {
            return message.slice(at + 1, at + 1 + message.u8(at)).copy();
        }

        @Override
        public Class<Bytes> valueType() {
            return Bytes.class;
        }

        @Override
        public int size(Bytes value) {
            return 1 + value.length();
        }

        @Override
        public void write(Bytes value, MutableByteView out, int at) {
            out.putU8(at, value.length());
            out.put(at + 1, value.view());
        }
    };

    @Test
    void theHostileInputPropertyCatchesAKindThatReadsPastTheEnd() {
        MessageLayout careless = MessageLayout.builder("careless")
                .section("h", PacketLayout.builder("h").u8("n").build())
                .repeat("xs", "h.n", MessageLayout.builder("x").field("v", CARELESS).build()).build();
        MessageLayouts layouts = MessageLayouts.of(careless).withKind(CARELESS, Gen.bytes(0, 20).map(Bytes::of));
        layouts.checkRoundTrip();
        PropertyFailure f = assertThrows(PropertyFailure.class, layouts::checkArbitraryMessages);
        assertFalse(f.getCause() instanceof LayoutException, String.valueOf(f.getCause()));
    }

    @Test
    void theRoundTripPropertyCatchesAKindThatWritesWrongly() {
        FieldKind<Integer> offByOne = new FieldKind<>() {
            @Override
            public String name() {
                return "off-by-one";
            }

            @Override
            public int end(ByteView message, int at, int limit) {
                if (at >= limit) {
                    throw new FieldFault(at, "no byte");
                }
                return at + 1;
            }

            @Override
            public Integer read(ByteView message, int at) {
                return message.u8(at);
            }

            @Override
            public Class<Integer> valueType() {
                return Integer.class;
            }

            @Override
            public int size(Integer value) {
                return 1;
            }

            @Override
            public void write(Integer value, MutableByteView out, int at) {
                out.putU8(at, (value + 1) & 0xFF);
            }
        };
        MessageLayout layout = MessageLayout.builder("one").field("v", offByOne).build();
        PropertyFailure f = assertThrows(PropertyFailure.class,
                () -> MessageLayouts.of(layout).withKind(offByOne, Gen.ints(0, 255)).checkRoundTrip());
        assertTrue(f.getMessage().contains("{v=0}"), "shrunk to the simplest value: " + f.getMessage());
    }

    @Test
    void aFieldKindWithoutAGeneratorIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MessageLayouts.of(ProtocolMessages.MQTT_PUBLISH).values().generate(new SplittableRandom(1)));
        assertTrue(e.getMessage().contains("remaining is a mqtt-varint field; register"), e.getMessage());
    }

    record Row(int id, byte[] payload, float ratio) {
    }

    @Test
    void sameValuesComparesBytesByContentAndFloatsByBits() {
        assertTrue(MessageLayouts.sameValues(Map.of("a", new byte[] {1, 2}), Map.of("a", Bytes.of((byte) 1, (byte) 2))));
        assertTrue(MessageLayouts.sameValues(List.of(ByteView.wrap(new byte[] {3})), List.of(new byte[] {3})));
        assertFalse(MessageLayouts.sameValues(Map.of("a", new byte[] {1}), Map.of("a", new byte[] {2})));
        assertFalse(MessageLayouts.sameValues(0.0f, -0.0f));
        assertFalse(MessageLayouts.sameValues(Float.intBitsToFloat(0x7fc00001), Float.intBitsToFloat(0x7fc00002)));
        assertTrue(MessageLayouts.sameValues(new Row(1, new byte[] {9}, 1.5f), new Row(1, new byte[] {9}, 1.5f)));
        assertFalse(MessageLayouts.sameValues(new Row(1, new byte[] {9}, 1.5f), new Row(1, new byte[] {8}, 1.5f)));
    }

    @Test
    void roundTripOfAnyCodecComparesWithSameValues() {
        MessageLayout text = ProtocolMessages.MQTT_TEXT;
        MessageLayouts.checkRoundTrip(Gen.bytes(0, 30).map(b -> new Row(b.length, b, b.length / 2f)),
                row -> text.encode(Map.of("value", row.payload())),
                view -> {
                    byte[] payload = text.decode(view).bytes("value").toByteArray();
                    return new Row(payload.length, payload, payload.length / 2f);
                });
        assertThrows(PropertyFailure.class, () -> MessageLayouts.checkRoundTrip(Gen.bytes(1, 30),
                b -> text.encode(Map.of("value", b)),
                view -> {
                    Message m = text.decode(view);
                    return m.bytes("value").slice(1, m.bytes("value").length()).toByteArray();
                }));
    }
}
