package io.bufkit.testkit;

import io.bufkit.Bytes;
import io.bufkit.layout.PacketLayout;
import java.util.List;

/**
 * The description of a random layout that {@link PacketLayouts#layouts(int)} generates and shrinks, and
 * builds into a {@link PacketLayout}.
 */
record LayoutSpec(List<Field> fields, Options options) {

    /** Every wire type a builder declares, with its width and, for integers, its range. */
    enum WireType {
        U8(1, 0, 0xFF), I8(1, Byte.MIN_VALUE, Byte.MAX_VALUE),
        U16BE(2, 0, 0xFFFF), U16LE(2, 0, 0xFFFF), I16BE(2, Short.MIN_VALUE, Short.MAX_VALUE),
        I16LE(2, Short.MIN_VALUE, Short.MAX_VALUE),
        I32BE(4, Integer.MIN_VALUE, Integer.MAX_VALUE), I32LE(4, Integer.MIN_VALUE, Integer.MAX_VALUE),
        U32BE(4, 0, 0xFFFF_FFFFL), U32LE(4, 0, 0xFFFF_FFFFL),
        I64BE(8, Long.MIN_VALUE, Long.MAX_VALUE), I64LE(8, Long.MIN_VALUE, Long.MAX_VALUE),
        F32BE(4, 0, 0), F32LE(4, 0, 0), F64BE(8, 0, 0), F64LE(8, 0, 0),
        BYTES(0, 0, 0),
        FLAGS8(1, 0, 0xFF), FLAGS16BE(2, 0, 0xFFFF), FLAGS16LE(2, 0, 0xFFFF),
        FLAGS32BE(4, Integer.MIN_VALUE, 0xFFFF_FFFFL), FLAGS32LE(4, Integer.MIN_VALUE, 0xFFFF_FFFFL);

        final int width;
        final long min;
        final long max;

        WireType(int width, long min, long max) {
            this.width = width;
            this.min = min;
            this.max = max;
        }

        boolean isFlags() {
            return name().startsWith("FLAGS");
        }

        String typeName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A field's width and number of named bits, and the padding before it. */
    record Shape(int width, int bitNames, int paddingBefore) {
        Shape(int width, int bitNames) {
            this(width, bitNames, 0);
        }

        Shape withPadding(int padding) {
            return new Shape(width, bitNames, padding);
        }
    }

    /** One field: its type, width, named bits, the padding before it, and its constant or null. */
    record Field(WireType type, int width, int bitNames, int paddingBefore, Object constant) {
    }

    /** Whether fields are declared in a shuffled order at explicit offsets. */
    record Order(boolean shuffled, long seed) {
    }

    /** Whether the size is declared, and the padding after the last field. */
    record End(boolean declareSize, int trailingPadding) {
    }

    /** Layout-wide choices. */
    record Options(Order order, End end) {
    }

    PacketLayout build() {
        int n = fields.size();
        int[] offsets = new int[n];
        int offset = 0;
        for (int i = 0; i < n; i++) {
            offset += fields.get(i).paddingBefore();
            offsets[i] = offset;
            offset += fields.get(i).width();
        }
        int end = offset + options.end().trailingPadding();
        PacketLayout.Builder b = PacketLayout.builder("random");
        if (options.order().shuffled()) {
            for (int i : PacketLayouts.permutation(n, options.order().seed())) {
                Field f = fields.get(i);
                if (f.paddingBefore() > 0) {
                    b.at(offsets[i] - f.paddingBefore()).padding(f.paddingBefore());
                }
                declare(b.at(offsets[i]), i, f);
            }
            if (end > offset) {
                b.at(offset).padding(end - offset);
            }
        } else {
            for (int i = 0; i < n; i++) {
                Field f = fields.get(i);
                if (f.paddingBefore() > 0) {
                    b.padding(f.paddingBefore());
                }
                declare(b, i, f);
            }
            if (end > offset) {
                b.padding(end - offset);
            }
        }
        if (options.end().declareSize()) {
            b.size(end);
        }
        return b.build();
    }

    private static void declare(PacketLayout.Builder b, int index, Field f) {
        String name = "f" + index + "_" + f.type().typeName();
        String[] bits = new String[f.bitNames()];
        for (int i = 0; i < bits.length; i++) {
            bits[i] = "bit" + i;
        }
        switch (f.type()) {
            case U8 -> b.u8(name);
            case I8 -> b.i8(name);
            case U16BE -> b.u16be(name);
            case U16LE -> b.u16le(name);
            case I16BE -> b.i16be(name);
            case I16LE -> b.i16le(name);
            case I32BE -> b.i32be(name);
            case I32LE -> b.i32le(name);
            case U32BE -> b.u32be(name);
            case U32LE -> b.u32le(name);
            case I64BE -> b.i64be(name);
            case I64LE -> b.i64le(name);
            case F32BE -> b.f32be(name);
            case F32LE -> b.f32le(name);
            case F64BE -> b.f64be(name);
            case F64LE -> b.f64le(name);
            case BYTES -> b.bytes(name, f.width());
            case FLAGS8 -> b.flags8(name, bits);
            case FLAGS16BE -> b.flags16be(name, bits);
            case FLAGS16LE -> b.flags16le(name, bits);
            case FLAGS32BE -> b.flags32be(name, bits);
            case FLAGS32LE -> b.flags32le(name, bits);
            default -> throw new AssertionError(f.type());
        }
        Object c = f.constant();
        if (c instanceof Long l) {
            b.expect(l);
        } else if (c instanceof Double d) {
            b.expect(d);
        } else if (c instanceof Bytes bytes) {
            b.expect(bytes);
        }
    }
}
