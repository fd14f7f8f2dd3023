package io.bufkit.message;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bufkit.ByteView;
import io.bufkit.Bytes;
import io.bufkit.MutableByteView;
import io.bufkit.OverflowException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The encoder reads values through {@link LevelValues} only: records read through accessor method handles
 * encode with the same encoder, and to the same bytes, as the map value model.
 */
class RecordLevelValuesTest {

    /** Values of one level read from a record whose components are named like the layout's parts and fields. */
    static final class RecordValues implements LevelValues {
        private final MessageLayout layout;
        private final Object record;
        private final MethodHandle[] accessors;

        RecordValues(MessageLayout layout, Object record) {
            this.layout = layout;
            this.record = record;
            this.accessors = new MethodHandle[layout.partList().size()];
            for (int i = 0; i < accessors.length; i++) {
                accessors[i] = accessor(record, layout.partList().get(i).name);
            }
        }

        static MethodHandle accessor(Object record, String name) {
            for (RecordComponent c : record.getClass().getRecordComponents()) {
                if (c.getName().equals(name)) {
                    try {
                        return MethodHandles.lookup().unreflect(c.getAccessor());
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
            return null;
        }

        static Object get(MethodHandle accessor, Object record) {
            try {
                return accessor == null ? null : accessor.invoke(record);
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public boolean has(int part) {
            return accessors[part] != null;
        }

        @Override
        public Object field(int part, int field) {
            Object section = get(accessors[part], record);
            String name = ((SectionPart) layout.partList().get(part)).layout.fields().get(field).name();
            return section == null ? null : get(accessor(section, name), section);
        }

        @Override
        public ByteView bytes(int part) {
            return get(accessors[part], record) instanceof byte[] b ? ByteView.wrap(b) : null;
        }

        @Override
        public LevelValues sub(int part, MessageLayout sub) {
            Object v = get(accessors[part], record);
            return v == null || v instanceof byte[] ? null : new RecordValues(sub, v);
        }

        @Override
        public int count(int part) {
            return ((List<?>) get(accessors[part], record)).size();
        }

        @Override
        public LevelValues element(int part, int index, MessageLayout element) {
            return new RecordValues(element, ((List<?>) get(accessors[part], record)).get(index));
        }

        @Override
        public Object value(int part) {
            return get(accessors[part], record);
        }
    }

    record Item(byte[] data, byte[] label) {
    }

    record ItemList(List<Item> items) {
    }

    record Head(int type, int flag, long big, float ratio, String tag) {
    }

    record Entry(Code e, byte[] value) {
    }

    record Code(int code) {
    }

    record Key(int key) {
    }

    record Prefixed(Key k, byte[] s) {
    }

    record Text(byte[] text) {
    }

    record Tail(byte[] b) {
    }

    record All(Head head, byte[] data, byte[] p, byte[] z, Integer v, List<Prefixed> items, List<Entry> entries,
            Object opt, Object body, List<Tail> tail) {
    }

    @Test
    void recordsEncodeThroughTheSameEncoderToTheSameBytes() {
        ItemList list = new ItemList(List.of(new Item(new byte[] {(byte) 0xAA}, "a".getBytes()),
                new Item(new byte[0], "bc".getBytes())));
        byte[] wire = BadInputTest.LIST.encode(new RecordValues(BadInputTest.LIST, list));
        assertArrayEquals(new byte[] {2, 1, (byte) 0xAA, 'a', 0, 0, 'b', 'c', 0}, wire);

        All all = new All(new Head(1, 0, 4_000_000_000L, 1.5f, "ab"), new byte[] {1, 2, 3}, "hello".getBytes(),
                "zz".getBytes(), 300,
                List.of(new Prefixed(new Key(7), "seven".getBytes()), new Prefixed(new Key(8), new byte[0])),
                List.of(new Entry(new Code('M'), "boom".getBytes()), new Entry(new Code('C'), new byte[0])),
                null, new Text("text to the end".getBytes()), List.of(new Tail("xy".getBytes()), new Tail(new byte[0])));
        Map<String, Object> values = EveryPartLayouts.values(1, false);
        assertArrayEquals(EveryPartLayouts.ALL.encode(values),
                EveryPartLayouts.ALL.encode(new RecordValues(EveryPartLayouts.ALL, all)));
        MutableByteView small = MutableByteView.allocate(4);
        assertThrows(OverflowException.class,
                () -> EveryPartLayouts.ALL.encode(new RecordValues(EveryPartLayouts.ALL, all), small));
        assertTrue(Bytes.of(EveryPartLayouts.ALL.encode(values)).length() > 4);
    }

    @Test
    void recordValuesGetTheSameErrors() {
        All wrongFlag = new All(new Head(1, 1, 0, 0f, ""), new byte[1], new byte[0], new byte[0], 0, List.of(),
                List.of(), null, new Text(new byte[0]), List.of());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EveryPartLayouts.ALL.encode(new RecordValues(EveryPartLayouts.ALL, wrongFlag)));
        assertTrue(e.getMessage().equals("all: opt: absent, but head.flag = 1 says it is present"), e.getMessage());
    }
}
